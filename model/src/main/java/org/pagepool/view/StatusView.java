// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

/**
 * The runner's part of a view: where the run is, what the runner is doing
 * and how fast things go. Immutable.
 *
 * @param serial        increases with every view the runner publishes
 * @param position      steps taken since the start (a step is at most one kernel call)
 * @param timeNs        simulated time; a script counts {@value ScriptView#LINE_NS} ns per line run
 * @param eventsOn      whether per-page events are being published (off at high speed)
 * @param droppedEvents events the viewer did not take in time, dropped, since the start
 * @param simPps        packets per simulated second, recently
 * @param wallPps       packets per wall-clock second, recently
 * @param recordedLines lines of .pool script recorded so far, -1 when not recording
 * @param loads         presets and scripts loaded so far: a change means a new one was loaded (not a reset)
 */
public record StatusView(long serial, RunnerState state, String error, double speed, boolean eventsOn,
                         long droppedEvents, long position, long timeNs, long jiffies, double simPps, double wallPps,
                         long recordedLines, long loads) {
}
