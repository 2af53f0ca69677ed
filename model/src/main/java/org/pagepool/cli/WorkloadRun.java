// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.util.function.BooleanSupplier;
import org.pagepool.mm.HeapGuard;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.TimeSlices;

/**
 * Runs a simulation until the first of its limits: the packets asked for,
 * the seconds asked for, the preset's duration, the moment nothing can
 * happen any more, a stop request (Ctrl-C), or a nearly full heap; and says
 * which. Steps run in big batches, exactly as one by one would (slices of
 * simulated time, or of steps when packets are counted); between
 * batches it writes samples (CSV rows, ethtool -S snapshots, netlink dumps),
 * checks the stop flag and the heap, and shows progress.
 */
final class WorkloadRun {
    private static final long BATCH = 1 << 16;
    /** A millisecond of simulated time: tens of thousands of steps at the fastest shipped rate. */
    private static final long FIRST_SLICE_NS = 1_000_000;

    /** Why a run stopped. */
    enum Stop { PACKETS, SECONDS, DURATION, IDLE, INTERRUPTED, LOW_HEAP, OUT_OF_HEAP }

    /**
     * What the run may do.
     *
     * @param packets   packets asked for, 0 for no limit
     * @param secondsNs simulated time asked for (ns), 0 for no limit
     * @param durationNs the preset's duration (ns)
     */
    record Limits(long packets, long secondsNs, long durationNs) {
        /** When simulated time ends: the seconds asked for or the preset's duration, the earlier. */
        long endNs() {
            return secondsNs > 0 ? Math.min(secondsNs, durationNs) : durationNs;
        }

        Stop atEnd() {
            return secondsNs > 0 && secondsNs <= durationNs ? Stop.SECONDS : Stop.DURATION;
        }

        /** How much of the run is done, by time or by packets, whichever is further. */
        double doneShare(Simulation sim) {
            double share = (double) sim.now() / endNs();
            return packets > 0 ? Math.max(share, (double) sim.packets() / packets) : share;
        }
    }

    private final Simulation sim;
    private final Limits limits;
    private final Sampler samples;
    private final BooleanSupplier stopRequested;
    private final HeapGuard heap;
    private final Progress progress;
    private final TimeSlices slices = new TimeSlices(BATCH, FIRST_SLICE_NS);

    WorkloadRun(Simulation sim, Limits limits, Sampler samples, BooleanSupplier stopRequested, HeapGuard heap,
                Progress progress) {
        this.sim = sim;
        this.limits = limits;
        this.samples = samples;
        this.stopRequested = stopRequested;
        this.heap = heap;
        this.progress = progress;
    }

    /** Runs to the first limit; the samplers have their samples up to there. */
    Stop run() {
        long end = limits.endNs();
        while (true) {
            if (limits.packets() > 0 && sim.packets() >= limits.packets()) {
                return Stop.PACKETS;
            }
            if (stopRequested.getAsBoolean()) {
                return Stop.INTERRUPTED;
            }
            if (heap.low()) {
                return Stop.LOW_HEAP;
            }
            progress.update(sim.now(), end, sim.packets(), limits.doneShare(sim));
            long limit = samples != null ? Math.min(end, samples.nextSample()) : end;
            int result;
            if (limits.packets() > 0) {
                // a step handles at most one packet: this many steps never pass the packets asked for
                result = sim.run(Math.min(BATCH, limits.packets() - sim.packets()), limit, 0);
            } else {
                result = slices.next(sim, limit); // bounded by time alone: queues may run ahead
            }
            if (result == Simulation.IDLE) {
                return Stop.IDLE;
            }
            if (result == Simulation.LATER) {
                if (limit < end) {
                    sim.idleUntil(limit);
                    samples.sampleUntil(sim, limit + 1);
                    continue;
                }
                sim.idleUntil(end);
                if (samples != null) {
                    samples.sampleUntil(sim, end + 1);
                }
                return limits.atEnd();
            }
        }
    }
}
