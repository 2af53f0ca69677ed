// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/**
 * Samples of the page_pool statistics of one source over time (immutable):
 * an interface's totals or one of its queues ({@code ethtool -S}), or one pool
 * ({@code page-pool-stats-get}). Sample times are ns on the capture's clock,
 * or {@link Capture#NO_TIME} for a snapshot taken at an unknown time.
 */
public final class CounterSeries {
    /** Where the samples came from. */
    public enum Source { ETHTOOL, NETLINK }

    private final Source source;
    private final String name;
    private final String queue;
    private final int poolId;
    private final long[] ns;
    private final long[][] values;
    private final int present;
    private final boolean wallClock;

    CounterSeries(Source source, String name, String queue, int poolId, long[] ns, long[][] values, int present,
                  boolean wallClock) {
        this.source = source;
        this.name = name;
        this.queue = queue;
        this.poolId = poolId;
        this.ns = ns;
        this.values = values;
        this.present = present;
        this.wallClock = wallClock;
    }

    public Source source() {
        return source;
    }

    /** The interface ({@code eth0}), or for netlink the pool's label. */
    public String name() {
        return name;
    }

    /** The ethtool queue prefix ({@code rx0}), "" for the interface's totals. */
    public String queue() {
        return queue;
    }

    /** The pool's netlink id, -1 for ethtool. */
    public int poolId() {
        return poolId;
    }

    public int samples() {
        return ns.length;
    }

    /**
     * Whether the sample times are wall-clock time (ns since 1970) rather
     * than the kernel's clock: the samples had no {@code uptime=}.
     */
    public boolean wallClock() {
        return wallClock;
    }

    public long ns(int sample) {
        return ns[sample];
    }

    /** Whether the source reported {@code counter} at all. */
    public boolean has(PoolCounter counter) {
        return (present & 1 << counter.ordinal()) != 0;
    }

    public long value(int sample, PoolCounter counter) {
        return values[counter.ordinal()][sample];
    }

    /**
     * How much {@code counter} grew between two samples, counting a drop (a
     * driver reload resets the counters) as a restart from 0.
     */
    public long growth(PoolCounter counter, int fromSample, int toSample) {
        long[] v = values[counter.ordinal()];
        long sum = 0;
        for (int i = fromSample + 1; i <= toSample; i++) {
            sum += v[i] >= v[i - 1] ? v[i] - v[i - 1] : v[i];
        }
        return sum;
    }

    /** Collects samples while a file is read. */
    static final class Builder {
        private final Source source;
        private final String name;
        private final String queue;
        private final int poolId;
        private long[] ns = new long[16];
        private final long[][] values = new long[PoolCounter.ALL.length][16];
        private int count;
        private int present;
        private final boolean wallClock;

        Builder(Source source, String name, String queue, int poolId, boolean wallClock) {
            this.source = source;
            this.name = name;
            this.queue = queue;
            this.poolId = poolId;
            this.wallClock = wallClock;
        }

        /** Adds a sample; {@code mask} says which counters it has (the others read as 0). */
        void add(long time, long[] sample, int mask) {
            if (count == ns.length) {
                ns = Arrays.copyOf(ns, count * 2);
                for (int c = 0; c < values.length; c++) {
                    values[c] = Arrays.copyOf(values[c], count * 2);
                }
            }
            ns[count] = time;
            for (int c = 0; c < values.length; c++) {
                values[c][count] = sample[c];
            }
            present |= mask;
            count++;
        }

        CounterSeries build() {
            long[][] v = new long[values.length][];
            for (int c = 0; c < values.length; c++) {
                v[c] = Arrays.copyOf(values[c], count);
            }
            return new CounterSeries(source, name, queue, poolId, Arrays.copyOf(ns, count), v, present, wallClock);
        }
    }
}
