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

    /**
     * The driver reloads: the old pool is destroyed (and waits for its pages), a new one is created at once.
     *
     * @param queue the one queue that reloads ({@code reload queue=N}), or {@link #ALL_QUEUES}
     */
    public record Reload(int queue) implements Action {
        /** Every queue reloads (a plain {@code reload}). */
        public Reload() {
            this(ALL_QUEUES);
        }
    }

    /** A {@link Reload} of the whole device. */
    public static final int ALL_QUEUES = -1;

    /** One queue's interrupt moves to another CPU ({@code irq queue=Q cpu=C}), and its NAPI with it. */
    public record IrqMove(int queue, int cpu) implements Action {
    }

    /** The driver unloads: the old pool is destroyed, no new one. */
    public record Unload() implements Action {
    }
}
