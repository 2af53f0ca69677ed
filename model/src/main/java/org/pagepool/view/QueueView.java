// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;

/**
 * One RX queue at one moment, as a tile draws it: where its NAPI runs, how
 * full its pool's alloc cache and ptr_ring and its RX descriptor ring are,
 * how many packets it handles, and which trouble it met in the last
 * simulated second. Numbers only, no slots: cheap for 64 queues. Immutable.
 *
 * @param cpu      the CPU its interrupt is pinned to
 * @param node     that CPU's NUMA node
 * @param cached   pages in its current pool's alloc cache (of {@link #CACHE_SIZE})
 * @param ringStale ptr_ring slots consumed but not yet zeroed
 * @param rxPosted RX descriptors posted with a page, waiting for a packet (of {@code rxSize})
 * @param rxCompleted RX descriptors holding a received packet NAPI has not handled yet
 * @param rssShare the share of the traffic RSS sends here
 * @param pps      packets per simulated second, recently (NaN before a window of time has passed)
 * @param marks    {@link #RING_FULL}, {@link #RX_MISSED}, {@link #WAIVE}: grew in the last simulated second
 * @param pools    its pools (the current one and those a reload left deferred), added up
 * @param nic      its NIC and driver counters
 */
public record QueueView(int queue, int cpu, int node, int cached, int ringCount, int ringStale, int ringSize,
                        int rxPosted, int rxCompleted, int rxSize, double rssShare, double pps, int marks,
                        PoolTotals pools, NicStats nic) {
    public static final int CACHE_SIZE = PagePool.PP_ALLOC_CACHE_SIZE;
    /** {@code recycle_ring_full} grew: the ptr_ring overflowed and pages went back to the page allocator. */
    public static final int RING_FULL = 1;
    /** {@code rx_missed} grew: packets arrived with no buffer posted. */
    public static final int RX_MISSED = 1 << 1;
    /** {@code waive} grew: a refill found pages of another node and gave them back. */
    public static final int WAIVE = 1 << 2;

    public boolean ringFull() {
        return (marks & RING_FULL) != 0;
    }

    public boolean rxMissed() {
        return (marks & RX_MISSED) != 0;
    }

    public boolean waive() {
        return (marks & WAIVE) != 0;
    }

    /** Any trouble in the last simulated second. */
    public boolean troubled() {
        return marks != 0;
    }
}
