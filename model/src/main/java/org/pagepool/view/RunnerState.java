// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

/** What the runner is doing. */
public enum RunnerState {
    /** Waiting for a command. */
    PAUSED,
    /** Running at the set speed. */
    PLAYING,
    /** A script ran to its end (or a workload has nothing left to do). */
    ENDED,
    /** The model failed; the view says why and the runner waits for a load or reset. */
    ERROR
}
