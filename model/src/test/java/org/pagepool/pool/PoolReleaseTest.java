// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.trace.Place;

/** Pages with other users or from the pfmemalloc reserves are released, never recycled (golden 09). */
class PoolReleaseTest {

    private final Kernel kernel = kernel(512);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));

    @Test
    void elevatedRefcountIsReleasedDetachedAndFreedByTheLastUser() {
        int page = pool.allocPages();
        kernel.mm().getPage(page); // an skb clone

        pool.recycleDirect(page);

        assertThat(memmap.place(page)).isEqualTo(Place.DETACHED);
        assertThat(memmap.pageRefCount(page)).isEqualTo(1);
        assertThat(memmap.ppMagic(page)).isZero();
        assertThat(pool.releaseCount()).isEqualTo(1);
        assertThat(pool.inflightCount()).isEqualTo(63);
        assertThat(pool.allocCount()).isEqualTo(63);
        assertThat(kernel.mm().freePages()).isEqualTo(448);
        assertThat(pool.stats().format()).isEqualTo(counters("slow=1 empty=1 released_refcnt=1"));

        assertThat(kernel.mm().putPage(page)).isTrue();
        assertThat(memmap.place(page)).isEqualTo(Place.BUDDY);
        assertThat(kernel.mm().freePages()).isEqualTo(449);
        assertThat(pool.releaseCount()).as("the other user's put is not the pool's").isEqualTo(1);
    }

    @Test
    void nonDirectPutOfAnElevatedPageIsReleasedToo() {
        int page = pool.allocPages();
        kernel.mm().getPage(page);

        pool.putFullPage(page, false);

        assertThat(memmap.place(page)).isEqualTo(Place.DETACHED);
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(1);
        assertThat(pool.stats().ring()).isZero();
    }

    @Test
    void referenceDroppedBeforeThePutMeansANormalRecycle() {
        int page = pool.allocPages();
        kernel.mm().getPage(page);
        kernel.mm().putPage(page);

        pool.recycleDirect(page);

        assertThat(memmap.place(page)).isEqualTo(Place.ALLOC_CACHE);
        assertThat(pool.stats().releasedRefcnt()).isZero();
    }

    @Test
    void pfmemallocPagesAreNeverRecycledEvenAfterThePressureEnds() {
        kernel.mm().setPressure(true);
        List<Integer> pages = alloc(pool, 3);
        kernel.mm().setPressure(false);
        assertThat(pages).allMatch(memmap::pageIsPfmemalloc);

        pool.recycleDirect(pages.get(0));
        pool.putFullPage(pages.get(1), false);
        pool.putFullPage(pages.get(2), true);

        assertThat(pages).allSatisfy(page -> assertThat(memmap.place(page)).isEqualTo(Place.BUDDY));
        assertThat(pool.allocCount()).isEqualTo(61);
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.releaseCount()).isEqualTo(3);
        assertThat(kernel.mm().freePages()).isEqualTo(451);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=2 slow=1 empty=1 released_refcnt=3"));
    }

    @Test
    void releasePageDetachesWithoutCountingAndTheDriverFreesIt() {
        int page = pool.allocPages();

        pool.releasePage(page);

        assertThat(memmap.place(page)).isEqualTo(Place.DETACHED);
        assertThat(memmap.pageRefCount(page)).isEqualTo(1);
        assertThat(memmap.dmaAddr(page)).isZero();
        assertThat(pool.releaseCount()).isEqualTo(1);
        assertThat(kernel.dma().mapped()).isEqualTo(63);
        assertThat(pool.stats().releasedRefcnt()).as("release is not recycling").isZero();

        kernel.mm().putPage(page);
        assertThat(memmap.place(page)).isEqualTo(Place.BUDDY);
        assertThat(kernel.mm().freePages()).isEqualTo(449);
    }

    @Test
    void pageFreedBehindThePoolsBackStaysInFlight() {
        int page = pool.allocPages();

        kernel.mm().putPage(page); // a driver bug

        assertThat(pool.inflightCount()).isEqualTo(64);
        assertThat(pool.releaseCount()).isZero();
        assertThat(kernel.dma().mapped()).as("the mapping is leaked").isEqualTo(64);
        assertThat(kernel.mm().freePages()).isEqualTo(449);
    }
}
