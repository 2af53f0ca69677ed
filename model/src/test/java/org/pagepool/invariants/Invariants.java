// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageRef;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.ring.PtrRing;
import org.pagepool.trace.Place;

/**
 * The model's conservation laws, checked from the outside after every step:
 * every page is in exactly one place, the pool's counts agree with where its
 * pages are, and the buddy allocator's free lists are well formed.
 */
final class Invariants {
    private Invariants() {
    }

    /**
     * Returns the first law that does not hold, or null.
     *
     * @param lost       pages of {@code pool} the driver freed behind its back (still counted in flight)
     * @param lostMapped DMA mappings those pages took with them
     */
    static String violation(Kernel kernel, PagePool pool, PageTracker tracker, long lost, long lostMapped) {
        PageAllocator mm = kernel.mm();
        MemMap memmap = mm.memMap();
        long totalPages = 0;
        for (int nid = 0; nid < mm.nodeCount(); nid++) {
            totalPages += mm.nodePages(nid);
        }
        // Every tracked page is where the trace put it, referenced, and counted once.
        long outside = 0;
        long mappedPages = 0;
        for (Map.Entry<Long, Place> e : tracker.places().entrySet()) {
            int page = tracker.page(e.getKey());
            if (memmap.place(page) != e.getValue()) {
                return memmap.describe(page) + " is at " + memmap.place(page) + " but the trace moved it to "
                        + e.getValue();
            }
            if (memmap.pageRefCount(page) < 1) {
                return memmap.describe(page) + " is out of the buddy allocator with refcount "
                        + memmap.pageRefCount(page);
            }
            outside += memmap.pages(page);
            if (memmap.dmaAddr(page) != 0) {
                mappedPages++;
            }
        }
        if (outside + mm.freePages() != totalPages) {
            return "pages out (" + outside + ") + free (" + mm.freePages() + ") != memory (" + totalPages + ")";
        }
        String buddy = buddyViolation(mm, tracker);
        if (buddy != null) {
            return buddy;
        }
        if (kernel.dma().mapped() != mappedPages + lostMapped) {
            return "mapped=" + kernel.dma().mapped() + " but " + mappedPages + " pages hold a mapping and "
                    + lostMapped + " were lost with theirs";
        }
        if (pool == null || pool.state() == PoolState.FREED) {
            return null;
        }
        return poolViolation(memmap, pool, tracker, lost);
    }

    private static String poolViolation(MemMap memmap, PagePool pool, PageTracker tracker, long lost) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < pool.allocCount(); i++) {
            int page = pool.allocCacheSlot(i);
            if (memmap.place(page) != Place.ALLOC_CACHE || !seen.add(page)) {
                return "cache slot " + i + " holds " + memmap.describe(page) + (seen.contains(page) ? " twice" : "");
            }
        }
        PtrRing ring = pool.ring();
        List<Integer> live = new ArrayList<>();
        ring.forEachLive(live::add);
        if (live.size() != ring.count() || ring.count() + ring.stale() > ring.size()) {
            return "ring count " + ring.count() + ", stale " + ring.stale() + ", size " + ring.size();
        }
        int nonNull = 0;
        for (int i = 0; i < ring.size(); i++) {
            if (ring.slot(i) != PtrRing.NULL) {
                nonNull++;
            }
        }
        if (nonNull != ring.count() + ring.stale()) {
            return nonNull + " ring slots are set, but count " + ring.count() + " + stale " + ring.stale();
        }
        for (int page : live) {
            if (memmap.place(page) != Place.PTR_RING || !seen.add(page)) {
                return "ring holds " + memmap.describe(page) + " which is not (only) in the ring";
            }
        }
        int inCache = tracker.pages(pool.id(), Place.ALLOC_CACHE).size();
        int inRing = tracker.pages(pool.id(), Place.PTR_RING).size();
        if (inCache != pool.allocCount() || inRing != ring.count()) {
            return "the trace has " + inCache + " cached and " + inRing + " ring pages; the pool "
                    + pool.allocCount() + " and " + ring.count();
        }
        long held = tracker.pages(pool.id(), Place.DRIVER).size();
        long inflight = pool.inflightCount();
        if (inflight != pool.allocCount() + ring.count() + held + lost) {
            return "inflight " + inflight + " != cache " + pool.allocCount() + " + ring " + ring.count()
                    + " + driver " + held + " + lost " + lost;
        }
        return null;
    }

    /** Free blocks aligned, disjoint, fully merged, counted right, and no used page inside one. */
    private static String buddyViolation(PageAllocator mm, PageTracker tracker) {
        MemMap memmap = mm.memMap();
        long free = 0;
        for (int nid = 0; nid < mm.nodeCount(); nid++) {
            int size = mm.nodePages(nid);
            byte[] covered = new byte[size];
            int[] counts = mm.buddyinfo(nid);
            for (int order = 0; order < PageAllocator.MAX_ORDER; order++) {
                int blockOrder = order;
                int node = nid;
                List<Integer> starts = new ArrayList<>();
                mm.forEachFreeBlock(nid, order, starts::add);
                if (starts.size() != counts[order]) {
                    return "node " + nid + " order " + order + ": " + starts.size() + " blocks, buddyinfo says "
                            + counts[order];
                }
                for (int pfn : starts) {
                    if (pfn % (1 << blockOrder) != 0 || pfn + (1 << blockOrder) > size) {
                        return "free block " + pfn + " of order " + blockOrder + " on node " + node
                                + " is misaligned or past the node";
                    }
                    for (int i = pfn; i < pfn + (1 << blockOrder); i++) {
                        if (covered[i]++ != 0) {
                            return "page " + i + " of node " + node + " is in two free blocks";
                        }
                    }
                    int buddy = pfn ^ (1 << blockOrder);
                    if (blockOrder < PageAllocator.MAX_ORDER - 1 && buddy + (1 << blockOrder) <= size
                            && mm.isFreeBlock(node, buddy, blockOrder)) {
                        return "free blocks " + pfn + " and " + buddy + " of order " + blockOrder + " on node "
                                + node + " should have merged";
                    }
                    free += 1L << blockOrder;
                }
            }
            for (Long frame : tracker.places().keySet()) {
                if ((int) (frame >>> 32) == nid) {
                    int page = tracker.page(frame);
                    int pfn = PageRef.pageToPfn(page);
                    for (int i = pfn; i < pfn + memmap.pages(page); i++) {
                        if (covered[i] != 0) {
                            return memmap.describe(page) + " is in use but page " + i + " is in a free block";
                        }
                    }
                }
            }
        }
        if (free != mm.freePages()) {
            return "free blocks hold " + free + " pages, free count is " + mm.freePages();
        }
        return null;
    }
}
