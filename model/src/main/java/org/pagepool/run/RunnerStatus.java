// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.List;
import org.pagepool.trace.KernelFunction;

/** The runner's side of a view: what it is doing and how fast things go. */
record RunnerStatus(long serial, long loads, RunnerState state, String error, double speed, boolean eventsOn,
                    long droppedEvents, double simPps, double wallPps, KernelFunction current,
                    List<KernelFunction> calls, GuideView guide) {
}
