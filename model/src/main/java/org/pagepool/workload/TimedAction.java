// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * Something a preset's timeline does at a simulated time (ns).
 *
 * @param line the preset line it came from (0 when made by hand)
 */
public record TimedAction(long timeNs, int line, Action action) {

    /** What happens. */
    public sealed interface Action {
    }

    /** A parameter takes a new value (an IRQ move, memory pressure, a rate change, the leak bug...). */
    public record SetParam(Param param, double value) implements Action {
    }

    /** The driver reloads: the old pool is destroyed (and waits for its pages), a new one is created at once. */
    public record Reload() implements Action {
    }

    /** The driver unloads: the old pool is destroyed, no new one. */
    public record Unload() implements Action {
    }
}
