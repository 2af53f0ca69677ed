// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import org.pagepool.view.GuideView;
import org.pagepool.workload.Checkpoint;

/**
 * A guided scenario as the runner core follows it: whether playing stops at
 * the preset's checkpoints, which one comes next, and the one the run has
 * stopped at. The core's thread only.
 */
final class CheckpointStops {
    private boolean guided;
    private int next;
    private Checkpoint stoppedAt;

    /** Turns the stops on or off. */
    void guide(boolean on, Session session) {
        guided = on;
        leave(session);
    }

    /** The run moved (a step, a seek, a new session): a checkpoint stopped at is behind it. */
    void leave(Session session) {
        stoppedAt = null;
        List<Checkpoint> stops = checkpoints(session);
        next = 0;
        while (next < stops.size() && stops.get(next).reached(session.position(), session.timeNs())) {
            next++;
        }
    }

    /** Playing again: no longer stopped. */
    void resume() {
        stoppedAt = null;
    }

    /** The checkpoint to stop at next while playing, or null. */
    Checkpoint nextStop(Session session) {
        List<Checkpoint> stops = checkpoints(session);
        return guided && next < stops.size() ? stops.get(next) : null;
    }

    /** The run reached {@code stop}: it pauses there. */
    void stopAt(Checkpoint stop) {
        stoppedAt = stop;
        next++;
    }

    GuideView view(Session session) {
        return new GuideView(guided, checkpoints(session), next, stoppedAt);
    }

    private static List<Checkpoint> checkpoints(Session session) {
        return session instanceof LiveSession live ? live.preset().checkpoints() : List.of();
    }
}
