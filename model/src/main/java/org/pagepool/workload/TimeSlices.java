// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * Runs a simulation in slices of simulated time, each about as many steps
 * as asked for: a run bounded by time alone is the one in which queues may
 * run ahead of each other ({@link Simulation#run}), while a caller still
 * gets control back every so many steps (to sample, check for a stop, show
 * progress). The slice doubles while slices run few steps and halves while
 * they run many, up to 10 ms: after a quiet spell (bursty traffic between
 * its bursts) the next busy one still comes back in slices of at most that.
 * Single-threaded.
 */
public final class TimeSlices {
    private static final long MIN_SLICE_NS = 1_000;
    private static final long MAX_SLICE_NS = 10_000_000;

    private final long steps;
    private long sliceNs;
    /** Where the last slice ended: every step up to it has run (the clock stays at the last step). */
    private long ranUntil = Long.MIN_VALUE;

    /** Slices of about {@code steps} steps each, the first {@code firstSliceNs} long. */
    public TimeSlices(long steps, long firstSliceNs) {
        this.steps = steps;
        this.sliceNs = Math.max(MIN_SLICE_NS, Math.min(MAX_SLICE_NS, firstSliceNs));
    }

    /**
     * Runs {@code sim} for one slice, up to {@code limitNs} at most. Returns
     * {@link Simulation#LATER} only when every step up to {@code limitNs} has
     * run, {@link Simulation#IDLE} when nothing will ever happen again, and
     * otherwise the last step's flags (0 when the slice ended between steps).
     */
    public int next(Simulation sim, long limitNs) {
        long from = Math.max(sim.now(), ranUntil);
        long until = from > limitNs - sliceNs ? limitNs : Math.min(limitNs, from + sliceNs);
        long before = sim.steps();
        int result = sim.run(Long.MAX_VALUE, until, 0);
        long ran = sim.steps() - before;
        ranUntil = until;
        if (ran > 2 * steps) {
            sliceNs = Math.max(MIN_SLICE_NS, sliceNs / 2);
        } else if (ran < steps / 2) {
            sliceNs = Math.min(MAX_SLICE_NS, sliceNs * 2);
        }
        return result == Simulation.LATER && until < limitNs ? 0 : result;
    }
}
