// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.trace.Place;

/**
 * page_pool_put_page_bulk(): every page checked, the recyclable ones produced
 * under one lock, the rest freed when the ring fills; ring_full counts once per
 * call (5.19), ring adds the number produced (golden 12).
 */
class PoolPutBulkTest {

    private final Kernel kernel = kernel(512);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel,
            PagePoolParams.defaults().withPoolSize(8).withFlags(PagePool.PP_FLAG_DMA_MAP));
    private List<Integer> held;

    @BeforeEach
    void holdSixteen() {
        held = alloc(pool, 16);
    }

    private static int[] array(List<Integer> pages) {
        return pages.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void allFitIntoTheRingInArgumentOrderEvenInSoftirq() {
        List<Integer> five = held.subList(0, 5);

        pool.putPageBulk(array(five), 5);

        assertThat(pool.ring().count()).isEqualTo(5);
        assertThat(five).allSatisfy(page -> assertThat(memmap.place(page)).isEqualTo(Place.PTR_RING));
        assertThat(pool.allocCount()).as("never the cache").isEqualTo(48);
        assertThat(pool.ring().peek()).isEqualTo(five.get(0));
        assertThat(pool.stats().ring()).isEqualTo(5);
        assertThat(pool.stats().ringFull()).isZero();
    }

    @Test
    void ringFullMidBulkFreesTheRestAndCountsRingFullOnce() {
        List<Integer> nine = held.subList(0, 9);

        pool.putPageBulk(array(nine), 9);

        assertThat(pool.ring().count()).isEqualTo(8);
        assertThat(memmap.place(nine.get(8))).isEqualTo(Place.BUDDY);
        assertThat(pool.releaseCount()).isEqualTo(1);
        assertThat(kernel.mm().freePages()).isEqualTo(449);
        assertThat(kernel.dma().mapped()).isEqualTo(63);
        assertThat(pool.stats().ring()).isEqualTo(8);
        assertThat(pool.stats().ringFull()).isEqualTo(1);
    }

    @Test
    void severalRefusedPagesStillCountOneRingFull() {
        pool.putPageBulk(array(held.subList(0, 4)), 4);

        pool.putPageBulk(array(held.subList(4, 12)), 8);

        // 4 more fit, the other 4 are freed
        assertThat(pool.ring().count()).isEqualTo(8);
        assertThat(pool.releaseCount()).isEqualTo(4);
        assertThat(pool.stats().ring()).isEqualTo(8);
        assertThat(pool.stats().ringFull()).isEqualTo(1);
    }

    @Test
    void pageWithASecondUserIsDetachedAndNotOffered() {
        pool.putPageBulk(array(held.subList(0, 4)), 4); // the ring has 8 slots: 4 left
        int shared = held.get(5);
        kernel.mm().getPage(shared);

        pool.putPageBulk(array(held.subList(4, 13)), 9);

        assertThat(memmap.place(shared)).isEqualTo(Place.DETACHED);
        assertThat(memmap.pageRefCount(shared)).isEqualTo(1);
        assertThat(pool.ring().count()).isEqualTo(8);
        // of the 9: 1 released for its refcount, 8 offered, 4 produced, 4 freed for want of room
        assertThat(held.subList(4, 13)).filteredOn(p -> memmap.place(p) == Place.PTR_RING).hasSize(4);
        assertThat(held.subList(4, 13)).filteredOn(p -> memmap.place(p) == Place.BUDDY).hasSize(4);
        assertThat(pool.stats().ring()).isEqualTo(4 + 4);
        assertThat(pool.stats().ringFull()).isEqualTo(1);
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(1);
        assertThat(pool.releaseCount()).isEqualTo(1 + 4);
    }

    @Test
    void bulkOfOnlyUnrecyclablePagesTouchesNoRingCounter() {
        kernel.mm().getPage(held.get(0));
        kernel.mm().getPage(held.get(1));

        pool.putPageBulk(array(held.subList(0, 2)), 2);

        assertThat(pool.stats().ring()).isZero();
        assertThat(pool.stats().ringFull()).isZero();
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(2);
    }

    @Test
    void onlyTheFirstCountEntriesAreReturned() {
        int[] data = array(held.subList(0, 4));

        pool.putPageBulk(data, 2);

        assertThat(memmap.place(held.get(2))).isEqualTo(Place.DRIVER);
        assertThat(memmap.place(held.get(3))).isEqualTo(Place.DRIVER);
        assertThat(pool.ring().count()).isEqualTo(2);
    }
}
