// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.List;

/**
 * How much each page_pool counter grew over a set of sources (an interface's
 * queues, or every pool netlink dumped) and over how long the pools were
 * busy: from the first timed sample to the driver's destroy when that came
 * before the last sample (a counter does not grow after it), else to the last
 * sample in which an allocation counter grew (immutable).
 *
 * @param growth  per counter ({@link PoolCounter#ordinal()}), summed over the sources
 * @param spanNs  how long the pools were busy, 0 when the samples give no rate
 * @param where   the sources, in words ({@code eth0 rx0-rx15, ethtool -S})
 */
record CounterGrowth(long[] growth, long spanNs, String where) {
    /** Counters that count a page handed to the driver: one per packet received. */
    private static final PoolCounter[] ALLOCATIONS = {PoolCounter.FAST, PoolCounter.SLOW, PoolCounter.SLOW_HIGH_ORDER,
        PoolCounter.REFILL};

    long of(PoolCounter c) {
        return growth[c.ordinal()];
    }

    /** Pages handed to the driver: {@code alloc_fast + alloc_slow + alloc_slow_ho + alloc_refill}. */
    long allocations() {
        long sum = 0;
        for (PoolCounter c : ALLOCATIONS) {
            sum += of(c);
        }
        return sum;
    }

    /**
     * The growth of {@code series} (taken at the same moments, as one
     * {@code ethtool -S} or one netlink dump gives them); {@code destroyNs}
     * is the first destroy on the kernel's clock, or NO_TIME.
     */
    static CounterGrowth of(List<CounterSeries> series, long destroyNs, String where) {
        long[] growth = new long[PoolCounter.ALL.length];
        long span = 0;
        for (CounterSeries s : series) {
            int first = -1;
            int last = -1;
            int busy = -1;
            for (int i = 0; i < s.samples(); i++) {
                if (s.ns(i) == Capture.NO_TIME) {
                    continue;
                }
                if (first < 0) {
                    first = i;
                } else if (allocated(s, last, i)) {
                    busy = i;
                }
                last = i;
            }
            if (first < 0 || last == first) {
                continue;
            }
            for (PoolCounter c : PoolCounter.ALL) {
                growth[c.ordinal()] += s.growth(c, first, last);
            }
            long end = busy < 0 ? s.ns(last) : s.ns(busy);
            if (!s.wallClock() && destroyNs != Capture.NO_TIME && destroyNs > s.ns(first) && destroyNs < end) {
                end = destroyNs; // the destroy fell between two samples: nothing was allocated after it
            }
            span = Math.max(span, end - s.ns(first));
        }
        return new CounterGrowth(growth, span, where);
    }

    private static boolean allocated(CounterSeries s, int from, int to) {
        for (PoolCounter c : ALLOCATIONS) {
            if (s.has(c) && s.growth(c, from, to) > 0) {
                return true;
            }
        }
        return false;
    }
}
