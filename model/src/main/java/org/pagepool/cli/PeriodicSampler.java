// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import org.pagepool.workload.Simulation;

/**
 * A sampler that writes one whole sample at every multiple of an interval,
 * and one more where the run stops (a capture's last snapshot is at its end).
 */
abstract class PeriodicSampler implements Sampler {
    private final long everyNs;
    private long nextSample;
    private long lastSample = -1;

    /** Samples every {@code everyNs} simulated ns (at least the clock's 1 ns); {@code what} names it in the error. */
    PeriodicSampler(long everyNs, String what) {
        if (everyNs < 1) {
            throw new IllegalArgumentException(what + " interval below the clock's 1 ns: " + everyNs);
        }
        this.everyNs = everyNs;
    }

    /** Writes the sample of {@code sim}'s state, stamped {@code ns}. */
    abstract void sample(Simulation sim, long ns);

    @Override
    public final long nextSample() {
        return nextSample;
    }

    @Override
    public final void sampleUntil(Simulation sim, long limit) {
        while (nextSample < limit) {
            write(sim, nextSample);
            nextSample += everyNs;
        }
    }

    @Override
    public final void finish(Simulation sim) {
        if (lastSample < sim.now()) {
            write(sim, sim.now());
        }
    }

    private void write(Simulation sim, long ns) {
        sample(sim, ns);
        lastSample = ns;
    }
}
