// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import org.pagepool.kernel.Kernel;
import org.pagepool.trace.KernelFunction;
import org.pagepool.view.BuddyView;
import org.pagepool.view.GuideView;
import org.pagepool.view.KernelView;
import org.pagepool.view.RunnerState;
import org.pagepool.view.StatusView;

/**
 * The runner's side of a view: what it is doing and how fast things go.
 *
 * @param focus the queue the viewer looks at in detail (a session clamps it to its queues)
 */
record RunnerStatus(long serial, long loads, RunnerState state, String error, double speed, boolean eventsOn,
                    long droppedEvents, double simPps, double wallPps, KernelFunction current,
                    List<KernelFunction> calls, GuideView guide, int focus) {

    /** The view's status part, with the session's own state, error and clock. */
    StatusView view(RunnerState sessionState, String sessionError, long position, long timeNs, long jiffies,
                    long recordedLines) {
        return new StatusView(serial, sessionState, sessionError, speed, eventsOn, droppedEvents, position, timeNs,
                jiffies, simPps, wallPps, recordedLines, loads);
    }

    /** The view's kernel part: {@code kernel}'s page allocator, log and DMA counts, and the last step's calls. */
    KernelView kernel(Kernel kernel) {
        return new KernelView(BuddyView.of(kernel.mm()), current, calls, kernel.log().recent(), kernel.log().total(),
                kernel.dma().mapped(), kernel.dma().syncs());
    }
}
