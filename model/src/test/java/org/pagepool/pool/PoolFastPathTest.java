// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/** The XDP_DROP loop: alloc from the cache, recycle_direct in softirq back into it. */
class PoolFastPathTest {

    private final Kernel kernel = kernel(256);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel);

    @Test
    void secondAllocationComesFromTheCache() {
        int first = pool.allocPages();
        int second = pool.allocPages();

        assertThat(memmap.handle(first)).isEqualTo(64);
        assertThat(memmap.handle(second)).isEqualTo(63);
        assertThat(pool.allocCount()).isEqualTo(62);
        assertThat(memmap.place(second)).isEqualTo(Place.DRIVER);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=1 slow=1 empty=1"));
    }

    @Test
    void recycleDirectInSoftirqGoesIntoTheCacheAndComesBackFirst() {
        int page = pool.allocPages();

        pool.recycleDirect(page);

        assertThat(memmap.place(page)).isEqualTo(Place.ALLOC_CACHE);
        assertThat(pool.allocCount()).isEqualTo(64);
        assertThat(pool.allocCacheSlot(63)).isEqualTo(page);
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("slow=1 empty=1 cached=1"));

        assertThat(pool.allocPages()).isEqualTo(page);
        assertThat(memmap.handle(page)).as("a page keeps its handle while it cycles").isEqualTo(64);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=1 slow=1 empty=1 cached=1"));
    }

    @Test
    void putWithAllowDirectInSoftirqIsTheSameAsRecycleDirect() {
        int page = pool.allocPages();

        pool.putPage(page, -1, true);

        assertThat(memmap.place(page)).isEqualTo(Place.ALLOC_CACHE);
        assertThat(pool.stats().cached()).isEqualTo(1);
    }

    @Test
    void steadyStateNeverTouchesThePageAllocatorAgain() {
        int page = pool.allocPages();
        long free = kernel.mm().freePages();

        for (int i = 0; i < 1000; i++) {
            pool.recycleDirect(page);
            page = pool.allocPages();
        }

        assertThat(kernel.mm().freePages()).isEqualTo(free);
        assertThat(pool.holdCount()).isEqualTo(64);
        assertThat(pool.inflightCount()).isEqualTo(64);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=1000 slow=1 empty=1 cached=1000"));
    }

    @Test
    void drainingTheCacheTriggersTheNextBulk() {
        alloc(pool, 64);

        int next = pool.allocPages();

        assertThat(memmap.handle(next)).isEqualTo(128);
        assertThat(pool.allocCount()).isEqualTo(63);
        assertThat(kernel.mm().freePages()).isEqualTo(128);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=63 slow=2 empty=2"));
    }
    /** The drop run ahead's recycle is page_pool_recycle_direct() for a page that goes into the cache. */
    @Test
    void aPageKnownToRecycleInTheCacheEndsAsRecycleDirectLeavesIt() {
        PagePoolParams mapped = PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_ALL).withMaxLen(4096);
        Kernel one = kernel(256);
        Kernel other = kernel(256);
        PagePool known = create(one, mapped);
        PagePool direct = create(other, mapped);
        int page = known.allocPages();
        int same = direct.allocPages();
        assertThat(known.recyclesInCache(page)).isTrue();

        known.recycleDirectInCache(page);
        direct.recycleDirect(same);

        assertThat(page).isEqualTo(same);
        assertThat(one.mm().memMap().place(page)).isEqualTo(other.mm().memMap().place(same))
                .isEqualTo(Place.ALLOC_CACHE);
        assertThat(known.allocCount()).isEqualTo(direct.allocCount()).isEqualTo(64);
        assertThat(known.allocCacheSlot(63)).isEqualTo(page);
        assertThat(known.stats().format()).isEqualTo(direct.stats().format())
                .isEqualTo(counters("slow=1 empty=1 cached=1"));
        assertThat(one.dma().syncs()).as("the recycle's sync for the device").isEqualTo(other.dma().syncs())
                .isEqualTo(65);
    }

    @Test
    void cachedPagesInOneGoAreThePagesAndCountsOfOneAllocationEach() {
        Kernel other = kernel(256);
        PagePool oneByOne = create(other);
        pool.recycleDirect(pool.allocPages()); // both caches full, 64 pages each
        oneByOne.recycleDirect(oneByOne.allocPages());
        int[] pages = new int[40];

        pool.allocCachedPages(pages, 40);

        for (int i = 0; i < 40; i++) {
            int page = oneByOne.allocPages();
            assertThat(pages[i]).as("page %d", i).isEqualTo(page);
            assertThat(memmap.place(pages[i])).as("left for the caller to place").isEqualTo(Place.ALLOC_CACHE);
            assertThat(other.mm().memMap().place(page)).isEqualTo(Place.DRIVER);
        }
        assertThat(pool.allocCount()).isEqualTo(oneByOne.allocCount()).isEqualTo(24);
        assertThat(pool.stats().format()).isEqualTo(oneByOne.stats().format())
                .isEqualTo(counters("fast=40 slow=1 empty=1 cached=1"));
    }

    @Test
    void cachedPagesInOneGoAreRefusedBeyondTheCacheOrWhileTracedLeavingThePoolAsItWas() {
        pool.recycleDirect(pool.allocPages());
        PoolKit.Snapshot before = PoolKit.Snapshot.of(kernel, pool);

        assertThatThrownBy(() -> pool.allocCachedPages(new int[65], 65))
                .isInstanceOf(IllegalStateException.class).hasMessage("65 pages from a cache of 64");
        kernel.tracer().attach(new TraceObserver() { });
        assertThatThrownBy(() -> pool.allocCachedPages(new int[1], 1))
                .isInstanceOf(IllegalStateException.class).hasMessage("1 pages from a cache of 64, traced");

        assertThat(PoolKit.Snapshot.of(kernel, pool)).isEqualTo(before);
    }
}
