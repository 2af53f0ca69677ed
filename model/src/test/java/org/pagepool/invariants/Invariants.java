// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
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
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.ring.PtrRing;
import org.pagepool.trace.Place;

/**
 * The model's conservation laws, checked from the outside, for every
 * randomized test: the page allocator's free lists, memory, DMA mappings, a
 * pool's bookkeeping and its alloc counters, a script's pages against its
 * trace, and a whole (multi-queue) simulation ({@link #simulation()}). Each
 * law returns the first thing that does not hold, or null, so that a test
 * can say which seed and step broke it.
 */
public final class Invariants {
    private Invariants() {
    }

    /** The whole-simulation law, per queue: stateful (it attributes leaks), so one per run. */
    public static SimulationInvariants simulation() {
        return new SimulationInvariants();
    }

    /**
     * The page allocator's free lists: every free block aligned, inside its
     * node, disjoint from the others and from the {@code used} pages, fully
     * merged with its buddy, counted by buddyinfo and in the free counts.
     *
     * @param used pages (blocks) out of the allocator that the caller knows of
     */
    public static String buddy(PageAllocator mm, Collection<Integer> used) {
        MemMap memmap = mm.memMap();
        long freeAll = 0;
        for (int nid = 0; nid < mm.nodeCount(); nid++) {
            int size = mm.nodePages(nid);
            BitSet covered = new BitSet(size);
            int[] info = mm.buddyinfo(nid);
            long fromInfo = 0;
            for (int order = 0; order < PageAllocator.MAX_ORDER; order++) {
                fromInfo += (long) info[order] << order;
                List<Integer> starts = new ArrayList<>();
                mm.forEachFreeBlock(nid, order, starts::add);
                if (starts.size() != info[order]) {
                    return "node " + nid + " order " + order + ": " + starts.size() + " free blocks, buddyinfo says "
                            + info[order];
                }
                for (int pfn : starts) {
                    String broken = freeBlock(mm, nid, pfn, order, covered);
                    if (broken != null) {
                        return broken;
                    }
                }
            }
            if (fromInfo != mm.freePages(nid)) {
                return "node " + nid + ": buddyinfo adds up to " + fromInfo + " pages, its free count is "
                        + mm.freePages(nid);
            }
            for (int page : used) {
                if (PageRef.pageToNid(page) == nid) {
                    int pfn = PageRef.pageToPfn(page);
                    int end = pfn + memmap.pages(page);
                    if (covered.get(pfn, end).cardinality() != 0) {
                        return memmap.describe(page) + " is in use but overlaps a free block or another used one";
                    }
                    covered.set(pfn, end);
                }
            }
            freeAll += mm.freePages(nid);
        }
        if (freeAll != mm.freePages()) {
            return "the nodes' free pages add up to " + freeAll + ", the free count is " + mm.freePages();
        }
        return null;
    }

    private static String freeBlock(PageAllocator mm, int nid, int pfn, int order, BitSet covered) {
        int size = mm.nodePages(nid);
        int end = pfn + (1 << order);
        String block = "free block " + pfn + " of order " + order + " on node " + nid;
        if (pfn % (1 << order) != 0 || end > size) {
            return block + " is misaligned or past the node";
        }
        if (covered.get(pfn, end).cardinality() != 0) {
            return block + " overlaps another free block";
        }
        covered.set(pfn, end);
        if (!mm.isFreeBlock(nid, pfn, order)) {
            return block + " is listed but not marked free";
        }
        int buddy = pfn ^ (1 << order);
        if (order < PageAllocator.MAX_ORDER - 1 && buddy + (1 << order) <= size && mm.isFreeBlock(nid, buddy, order)) {
            return block + " and its buddy " + buddy + " should have merged";
        }
        return null;
    }

    /** Memory is conserved: the pages out of the allocator and the free ones make up every node's pages. */
    public static String memory(PageAllocator mm, long outsidePages) {
        long total = 0;
        for (int nid = 0; nid < mm.nodeCount(); nid++) {
            total += mm.nodePages(nid);
        }
        if (outsidePages + mm.freePages() != total) {
            return "pages out (" + outsidePages + ") + free (" + mm.freePages() + ") != memory (" + total + ")";
        }
        return null;
    }

    /** Every live DMA mapping belongs to a page that holds it, or went with a page the driver lost. */
    public static String dma(Kernel kernel, long mappedPages, long lostMapped) {
        if (kernel.dma().mapped() != mappedPages + lostMapped) {
            return "mapped=" + kernel.dma().mapped() + " but " + mappedPages + " pages hold a mapping and "
                    + lostMapped + " were lost with theirs";
        }
        return null;
    }

    /**
     * A pool's bookkeeping: each page in exactly one of its alloc cache, its
     * ptr_ring and the driver's hands, each in the place it says, its own
     * (owner, order, signature), one reference while pooled; the ring's
     * indexes agree with its slots; inflight is cache + ring + driver + lost,
     * and hold - release.
     *
     * @param driverHeld the pool's pages the driver holds
     * @param lost       its pages the driver freed behind its back (still counted in flight)
     */
    public static String pool(Kernel kernel, PagePool pool, Collection<Integer> driverHeld, long lost) {
        MemMap memmap = kernel.mm().memMap();
        String name = "pool " + pool.id() + ": ";
        if (pool.allocCount() < 0 || pool.allocCount() > PagePool.PP_ALLOC_CACHE_SIZE) {
            return name + "alloc count " + pool.allocCount();
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < pool.allocCount(); i++) {
            int page = pool.allocCacheSlot(i);
            String broken = pooled(memmap, pool, page, Place.ALLOC_CACHE, seen);
            if (broken != null) {
                return name + "cache slot " + i + ": " + broken;
            }
        }
        PtrRing ring = pool.ring();
        String broken = ring(ring);
        if (broken != null) {
            return name + broken;
        }
        List<Integer> live = new ArrayList<>();
        ring.forEachLive(live::add);
        for (int page : live) {
            broken = pooled(memmap, pool, page, Place.PTR_RING, seen);
            if (broken != null) {
                return name + "ptr_ring: " + broken;
            }
        }
        for (int page : driverHeld) {
            broken = pooled(memmap, pool, page, Place.DRIVER, seen);
            if (broken != null) {
                return name + "driver: " + broken;
            }
        }
        long inflight = pool.inflightCount();
        if (inflight != pool.allocCount() + ring.count() + driverHeld.size() + lost) {
            return name + "inflight " + inflight + " != cache " + pool.allocCount() + " + ring " + ring.count()
                    + " + driver " + driverHeld.size() + " + lost " + lost;
        }
        if (pool.holdCount() - pool.releaseCount() != pool.inflightCount()) {
            return name + "hold " + pool.holdCount() + " - release " + pool.releaseCount() + " != inflight "
                    + inflight;
        }
        return null;
    }

    /** The ring's count and stale entries agree with its slots. */
    private static String ring(PtrRing ring) {
        List<Integer> live = new ArrayList<>();
        ring.forEachLive(live::add);
        if (live.size() != ring.count() || ring.count() + ring.stale() > ring.size()) {
            return "ring count " + ring.count() + ", " + live.size() + " live, stale " + ring.stale() + ", size "
                    + ring.size();
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
        return null;
    }

    /** One of the pool's pages, held at {@code at}: there only, and the pool's. */
    private static String pooled(MemMap memmap, PagePool pool, int page, Place at, Set<Integer> seen) {
        String it = memmap.describe(page);
        if (!seen.add(page)) {
            return it + " is in more than one place";
        }
        if (memmap.place(page) != at) {
            return it + " is at " + memmap.place(page) + ", not " + at;
        }
        if (memmap.owner(page) != pool.id() || memmap.compoundOrder(page) != pool.order()) {
            return it + " is not of the pool (owner " + memmap.owner(page) + ", order " + memmap.compoundOrder(page)
                    + ")";
        }
        if ((memmap.ppMagic(page) & ~0x3L) != MemMap.PP_SIGNATURE) {
            return it + " lost its pp signature: " + Long.toHexString(memmap.ppMagic(page));
        }
        int refs = memmap.pageRefCount(page);
        if (at == Place.DRIVER ? refs < 1 : refs != 1) {
            return it + " has refcount " + refs + (at == Place.DRIVER ? "" : " while pooled");
        }
        return null;
    }

    /**
     * The alloc-side counters: every page handed out counted once, the slow
     * path entered after an empty ring or a refill that met a remote page,
     * refills and waives out of the ring.
     *
     * @param returned    allocation calls that returned a page
     * @param returnedNull allocation calls that returned NULL
     */
    public static String allocCounters(PoolStatsSnapshot s, long returned, long returnedNull) {
        if (s.fast() + s.slow() + s.slowHighOrder() + s.refill() != returned) {
            return "fast + slow + slow_high_order + refill != " + returned + " allocations that returned a page: "
                    + s.format();
        }
        long slowPathEntries = s.slow() + s.slowHighOrder() + returnedNull;
        if (slowPathEntries < s.empty() || slowPathEntries > s.empty() + s.waive()) {
            return slowPathEntries + " slow-path entries, not between empty and empty + waive: " + s.format();
        }
        if (s.refill() + s.waive() > s.ring()) {
            return "refill + waive > ring: " + s.format();
        }
        return null;
    }

    /**
     * A script's kernel against its trace: every page the trace moved out of
     * the allocator is where the trace put it and referenced; memory, the free
     * lists and DMA mappings agree; the current pool's bookkeeping holds and
     * its cache and ring hold what the trace put there.
     *
     * @param lost       pages of {@code pool} the driver freed behind its back (still counted in flight)
     * @param lostMapped DMA mappings those pages took with them
     */
    public static String script(Kernel kernel, PagePool pool, PageTracker tracker, long lost, long lostMapped) {
        MemMap memmap = kernel.mm().memMap();
        long outside = 0;
        long mappedPages = 0;
        List<Integer> used = new ArrayList<>();
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
            used.add(page);
            outside += memmap.pages(page);
            if (memmap.dmaAddr(page) != 0) {
                mappedPages++;
            }
        }
        String broken = first(memory(kernel.mm(), outside), buddy(kernel.mm(), used),
                dma(kernel, mappedPages, lostMapped));
        if (broken != null || pool == null || pool.state() == PoolState.FREED) {
            return broken;
        }
        int inCache = tracker.pages(pool.id(), Place.ALLOC_CACHE).size();
        int inRing = tracker.pages(pool.id(), Place.PTR_RING).size();
        if (inCache != pool.allocCount() || inRing != pool.ring().count()) {
            return "the trace has " + inCache + " cached and " + inRing + " ring pages; the pool "
                    + pool.allocCount() + " and " + pool.ring().count();
        }
        return pool(kernel, pool, tracker.pages(pool.id(), Place.DRIVER), lost);
    }

    /** The first of the violations that is not null. */
    public static String first(String... violations) {
        for (String v : violations) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
