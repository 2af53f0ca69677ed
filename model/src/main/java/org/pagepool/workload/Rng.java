// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * A small, fast, copyable random generator (SplitMix64): the whole state is
 * one long, so a snapshot of the simulation includes it and a replay from the
 * snapshot draws the same numbers. Not thread-safe.
 */
public final class Rng {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public Rng copy() {
        return new Rng(0).restore(state);
    }

    private Rng restore(long s) {
        state = s;
        return this;
    }

    public long state() {
        return state;
    }

    public long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Exponential with the given mean ({@link ExponentialZiggurat}). */
    public double exponential(double mean) {
        return mean * ExponentialZiggurat.next(this);
    }

    /**
     * Exponential with the given mean from exactly one uniform, by inverting
     * the distribution: where draws are rare (a sender's on and off periods,
     * the normal's tail), so that the seeded runs that use them keep their
     * numbers.
     */
    public double exponentialByInversion(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** Standard normal ({@link NormalZiggurat}). */
    public double gaussian() {
        return NormalZiggurat.next(this);
    }
}
