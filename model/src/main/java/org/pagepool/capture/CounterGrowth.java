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
 * @param firstFill pages of the RX rings' first fill within the growth: for each source whose allocations
 *                  stood below the RX ring's size at the first sample (a pool created as the capture began),
 *                  what was still to fill
 * @param rxRing    the RX ring's size of those sources' queues as the capture wrote it down, 0 when it did not
 *                  ({@link #RX_RING} stands in)
 */
record CounterGrowth(long[] growth, long spanNs, String where, long firstFill, int rxRing) {
    /** {@code nic.rx_ring}'s default: the pages a new pool's first allocations post to the RX ring. */
    static final int RX_RING = 1024;

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
     * Pages that came back: recycled into the cache or the ring (less those
     * the full cache sent on to the ring), or released with extra references.
     */
    long recycled() {
        return of(PoolCounter.CACHED) + of(PoolCounter.RING) + of(PoolCounter.RING_FULL)
                + of(PoolCounter.RELEASED_REFCNT);
    }

    /**
     * The growth of {@code series} (taken at the same moments, as one
     * {@code ethtool -S} or one netlink dump gives them); {@code destroyNs}
     * is the first destroy on the kernel's clock, or NO_TIME.
     */
    static CounterGrowth of(List<CounterSeries> series, long destroyNs, String where, int rxRing) {
        long[] growth = new long[PoolCounter.ALL.length];
        long span = 0;
        long firstFill = 0;
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
            firstFill += Math.max(0, (rxRing > 0 ? rxRing : RX_RING) - allocatedBefore(s, first));
            long end = busy < 0 ? s.ns(last) : s.ns(busy);
            if (!s.wallClock() && destroyNs != Capture.NO_TIME && destroyNs > s.ns(first) && destroyNs < end) {
                end = destroyNs; // the destroy fell between two samples: nothing was allocated after it
            }
            span = Math.max(span, end - s.ns(first));
        }
        return new CounterGrowth(growth, span, where, firstFill, rxRing);
    }

    private static long allocatedBefore(CounterSeries s, int sample) {
        long sum = 0;
        for (PoolCounter c : ALLOCATIONS) {
            sum += s.has(c) ? s.value(sample, c) : 0;
        }
        return sum;
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
