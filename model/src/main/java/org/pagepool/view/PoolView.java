// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import org.pagepool.mm.MemMap;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.ring.PtrRing;

/**
 * One pool at one moment: its alloc cache (slots 0..count-1, top of stack
 * last), its ptr_ring slot by slot with the three indexes, its accounting
 * and its counters. Immutable.
 *
 * @param ring        every ring slot: live entries, stale (consumed, not yet zeroed) ones, and empty ones
 * @param nextRetryJiffies when the release retry runs next, -1 when none is scheduled
 */
public record PoolView(int id, String state, int order, int flags, int nid, int users, PageSlots cache,
                       PageSlots ring, int ringCount, int producer, int consumerHead, int consumerTail,
                       long hold, long release, int inflight, PoolStatsSnapshot stats, long nextRetryJiffies) {

    /** The pool as its pages in {@code memmap} show it (worker side): cache and ring are copied as arrays. */
    public static PoolView of(PagePool pool, MemMap memmap) {
        PtrRing ring = pool.ring();
        int[] cache = new int[pool.allocCount()];
        pool.copyAllocCache(cache);
        int[] slots = new int[ring.size()];
        ring.copySlots(slots);
        return new PoolView(pool.id(), pool.state().word(), pool.order(), pool.flags(), pool.nid(), pool.users(),
                PageSlots.of(memmap, cache, cache.length), PageSlots.of(memmap, slots, slots.length),
                ring.count(), ring.producer(), ring.consumerHead(), ring.consumerTail(),
                Integer.toUnsignedLong(pool.holdCount()), Integer.toUnsignedLong(pool.releaseCount()),
                pool.inflightCount(), pool.stats(), pool.nextRetry());
    }

    /** Slots consumed but not yet zeroed. */
    public int stale() {
        return consumerHead - consumerTail;
    }

    /** Whether ring slot {@code i} holds a live entry (produced, not consumed). */
    public boolean ringLive(int i) {
        int size = ring.size();
        return ringCount > 0 && Math.floorMod(i - consumerHead, size) < ringCount;
    }

    /** Whether ring slot {@code i} was consumed but not yet zeroed. */
    public boolean ringStale(int i) {
        return i >= consumerTail && i < consumerHead;
    }
}
