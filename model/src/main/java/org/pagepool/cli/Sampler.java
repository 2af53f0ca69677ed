// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.util.List;
import org.pagepool.workload.Simulation;

/**
 * Something written at simulated times while a workload runs (CSV rows,
 * {@code ethtool -S} snapshots, netlink dumps). The run stops the simulation
 * at {@link #nextSample()} and calls {@link #sampleUntil}; nothing happens in
 * the simulation between the samples written and {@code limit}.
 */
interface Sampler {
    /** When the next sample is due (simulated ns). */
    long nextSample();

    /** Writes every sample due before {@code limit}, all of the simulation's state as it is now. */
    void sampleUntil(Simulation sim, long limit);

    /** The run stopped at {@code sim.now()}: a last sample there, where one is wanted. */
    default void finish(Simulation sim) {
    }

    /** The samplers given as one (none: null), each sampling at its own times. */
    static Sampler all(List<Sampler> samplers) {
        if (samplers.isEmpty()) {
            return null;
        }
        if (samplers.size() == 1) {
            return samplers.get(0);
        }
        List<Sampler> each = List.copyOf(samplers);
        return new Sampler() {
            @Override
            public long nextSample() {
                long next = Long.MAX_VALUE;
                for (Sampler s : each) {
                    next = Math.min(next, s.nextSample());
                }
                return next;
            }

            @Override
            public void sampleUntil(Simulation sim, long limit) {
                each.forEach(s -> s.sampleUntil(sim, limit));
            }

            @Override
            public void finish(Simulation sim) {
                each.forEach(s -> s.finish(sim));
            }
        };
    }
}
