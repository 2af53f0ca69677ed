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

/** When the ring refuses a page it is released and goes back to the page allocator (golden 03). */
class PoolRingFullTest {

    @Test
    void fifthPutIntoAFourSlotRingIsFreed() {
        Kernel kernel = kernel(256);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel, PagePoolParams.defaults().withPoolSize(4));
        List<Integer> held = alloc(pool, 64);
        for (int i = 0; i < 4; i++) {
            pool.putFullPage(held.get(i), false);
        }
        int fifth = held.get(4);

        pool.putFullPage(fifth, false);

        assertThat(memmap.place(fifth)).isEqualTo(Place.BUDDY);
        assertThat(memmap.pageRefCount(fifth)).isZero();
        assertThat(pool.ring().count()).isEqualTo(4);
        assertThat(pool.releaseCount()).isEqualTo(1);
        assertThat(pool.inflightCount()).isEqualTo(63);
        assertThat(kernel.mm().freePages()).isEqualTo(193);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=63 slow=1 empty=1 ring=4 ring_full=1"));
    }

    @Test
    void mappedPageIsUnmappedWhenTheRingRefusesIt() {
        Kernel kernel = kernel(256);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel,
                PagePoolParams.defaults().withPoolSize(1).withFlags(PagePool.PP_FLAG_DMA_MAP));
        List<Integer> held = alloc(pool, 2);
        pool.putFullPage(held.get(0), false);

        pool.putFullPage(held.get(1), false);

        assertThat(kernel.dma().mapped()).isEqualTo(63);
        assertThat(kernel.dma().unmaps()).isEqualTo(1);
        assertThat(memmap.dmaAddr(held.get(1))).isZero();
    }

    @Test
    void directRecycleWithCacheAndRingFullCountsBoth() {
        Kernel kernel = kernel(512);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel, PagePoolParams.defaults().withPoolSize(1));
        List<Integer> held = alloc(pool, 129);
        for (int i = 0; i < 66; i++) {
            pool.recycleDirect(held.get(i)); // 65 fill the cache, the 66th fills the 1-slot ring
        }
        int last = held.get(66);

        pool.recycleDirect(last);

        assertThat(memmap.place(last)).isEqualTo(Place.BUDDY);
        assertThat(pool.stats().cacheFull()).isEqualTo(2);
        assertThat(pool.stats().ring()).isEqualTo(1);
        assertThat(pool.stats().ringFull()).isEqualTo(1);
        assertThat(pool.releaseCount()).isEqualTo(1);
    }
}
