// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;
import org.pagepool.workload.Checkpoint;

/**
 * A guided scenario as the runner follows it: whether it stops at the
 * checkpoints, which come next, and the one it has just stopped at.
 *
 * @param checkpoints every checkpoint of the preset, in order
 * @param next        the index of the next checkpoint to stop at ({@code checkpoints.size()} when none is left)
 * @param stoppedAt   the checkpoint the run is paused at, or null
 */
public record GuideView(boolean on, List<Checkpoint> checkpoints, int next, Checkpoint stoppedAt) {
    public static final GuideView NONE = new GuideView(false, List.of(), 0, null);

    public GuideView {
        checkpoints = List.copyOf(checkpoints);
    }
}
