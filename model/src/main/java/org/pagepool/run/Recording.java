// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

/** A finished recording: a .pool script of a live run's pool calls, {@code lines} long. */
public record Recording(String name, String script, long lines) {

    /** Stops the recording under way in {@code session} (or one that ended itself) and returns it; null when none. */
    static Recording takeFrom(Session session) {
        if (session instanceof LiveSession live && (live.recording() || live.recordingEndedItself())) {
            long lines = live.recordedLines();
            String script = live.stopRecording();
            return new Recording(live.preset().name().replaceAll("\\.workload$", "") + ".pool", script, lines);
        }
        return null;
    }
}
