// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;

/** __page_pool_alloc_pages_slow() for order 0: one bulk of 64 into the cache, the last page returned. */
class PoolSlowPathTest {

    @Test
    void firstBulkHolds64PagesAndReturnsHandle64() {
        Kernel kernel = kernel(256);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel);

        int page = pool.allocPages();

        assertThat(memmap.handle(page)).isEqualTo(64);
        assertThat(PageRef.pageToPfn(page)).isEqualTo(63);
        assertThat(memmap.owner(page)).isEqualTo(pool.id());
        assertThat(memmap.pageRefCount(page)).isEqualTo(1);
        assertThat(memmap.ppMagic(page) & ~0x3L).isEqualTo(MemMap.PP_SIGNATURE);
        assertThat(pool.holdCount()).isEqualTo(64);
        assertThat(pool.inflightCount()).isEqualTo(64);
        assertThat(pool.allocCount()).isEqualTo(63);
        assertThat(kernel.mm().freePages()).isEqualTo(192);
        // the cache holds p1..p63 in array order, page k at pfn k-1
        for (int slot = 0; slot < 63; slot++) {
            int cached = pool.allocCacheSlot(slot);
            assertThat(memmap.handle(cached)).as("slot %d", slot).isEqualTo(slot + 1);
            assertThat(PageRef.pageToPfn(cached)).as("slot %d", slot).isEqualTo(slot);
            assertThat(memmap.place(cached)).isEqualTo(Place.ALLOC_CACHE);
        }
        assertThat(pool.stats().format()).isEqualTo(counters("slow=1 empty=1"));
    }

    @Test
    void shortBulkTakesWhatIsLeft() {
        Kernel kernel = kernel(10);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel);

        int page = pool.allocPages();

        assertThat(memmap.handle(page)).isEqualTo(10);
        assertThat(pool.allocCount()).isEqualTo(9);
        assertThat(kernel.mm().freePages()).isZero();
        alloc(pool, 9);

        assertThat(pool.allocPages()).as("cache, ring and allocator all empty").isZero();
        assertThat(pool.holdCount()).isEqualTo(10);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=9 slow=1 empty=2"));
    }

    @Test
    void failedBulkCallReturnsNullAndCountsOnlyEmpty() {
        Kernel kernel = kernel(256);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel);
        kernel.mm().failNextAllocCalls(1);

        assertThat(pool.allocPages()).isZero();

        assertThat(pool.holdCount()).isZero();
        assertThat(kernel.mm().freePages()).isEqualTo(256);
        assertThat(pool.stats().format()).isEqualTo(counters("empty=1"));

        assertThat(memmap.handle(pool.allocPages())).isEqualTo(64);
        assertThat(pool.stats().format()).isEqualTo(counters("slow=1 empty=2"));
    }

    @Test
    void dmaMapFailureInsideABulkFreesThatPageAndGivesItNoHandle() {
        Kernel kernel = kernel(100);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));
        kernel.dma().failNextMaps(3);

        int page = pool.allocPages();

        // golden 11: p1..p61 held, the 3 unmapped pages back in the allocator
        assertThat(memmap.handle(page)).isEqualTo(61);
        assertThat(pool.holdCount()).isEqualTo(61);
        assertThat(pool.allocCount()).isEqualTo(60);
        assertThat(kernel.dma().mapped()).isEqualTo(61);
        assertThat(kernel.mm().freePages()).isEqualTo(39);
        assertThat(pool.stats().format()).isEqualTo(counters("slow=1 empty=1"));
    }

    @Test
    void bulkWhosePagesAllFailToMapReturnsNull() {
        Kernel kernel = kernel(256);
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));
        kernel.dma().failNextMaps(64);

        assertThat(pool.allocPages()).isZero();

        assertThat(pool.holdCount()).isZero();
        assertThat(pool.allocCount()).isZero();
        assertThat(kernel.mm().freePages()).isEqualTo(256);
        assertThat(kernel.dma().mapped()).isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("empty=1"));
    }

    @Test
    void bulkPrefersTheCpusNodeWhateverThePoolsNid() {
        Kernel kernel = kernel(128, 128);
        PagePool pool = create(kernel, PagePoolParams.defaults().withNid(1));

        int page = pool.allocPages();

        assertThat(PageRef.pageToNid(page)).isZero();
        assertThat(kernel.mm().freePages(0)).isEqualTo(64);
        assertThat(kernel.mm().freePages(1)).isEqualTo(128);
    }

    @Test
    void bulkFallsBackToOtherNodesPagePerPage() {
        Kernel kernel = kernel(40, 100);
        kernel.setCpuNode(0);
        PagePool pool = create(kernel);

        int page = pool.allocPages();

        // 40 from node 0 (slots 0..39), then 24 from node 1: the last one returned is node 1's
        assertThat(PageRef.pageToNid(page)).isEqualTo(1);
        assertThat(PageRef.pageToNid(pool.allocCacheSlot(39))).isZero();
        assertThat(PageRef.pageToNid(pool.allocCacheSlot(40))).isEqualTo(1);
        assertThat(kernel.mm().freePages(1)).isEqualTo(76);
    }
}
