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
import org.pagepool.mm.Page;
import org.pagepool.trace.Place;

/** When the ring refuses a page it is released and goes back to the page allocator (golden 03). */
class PoolRingFullTest {

    @Test
    void fifthPutIntoAFourSlotRingIsFreed() {
        Kernel kernel = kernel(256);
        PagePool pool = create(kernel, PagePoolParams.defaults().withPoolSize(4));
        List<Page> held = alloc(pool, 64);
        for (int i = 0; i < 4; i++) {
            pool.putFullPage(held.get(i), false);
        }
        Page fifth = held.get(4);

        pool.putFullPage(fifth, false);

        assertThat(fifth.place()).isEqualTo(Place.BUDDY);
        assertThat(fifth.refCount()).isZero();
        assertThat(pool.ring().count()).isEqualTo(4);
        assertThat(pool.releaseCount()).isEqualTo(1);
        assertThat(pool.inflightCount()).isEqualTo(63);
        assertThat(kernel.mm().freePages()).isEqualTo(193);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=63 slow=1 empty=1 ring=4 ring_full=1"));
    }

    @Test
    void mappedPageIsUnmappedWhenTheRingRefusesIt() {
        Kernel kernel = kernel(256);
        PagePool pool = create(kernel,
                PagePoolParams.defaults().withPoolSize(1).withFlags(PagePool.PP_FLAG_DMA_MAP));
        List<Page> held = alloc(pool, 2);
        pool.putFullPage(held.get(0), false);

        pool.putFullPage(held.get(1), false);

        assertThat(kernel.dma().mapped()).isEqualTo(63);
        assertThat(kernel.dma().unmaps()).isEqualTo(1);
        assertThat(held.get(1).dmaAddr()).isZero();
    }

    @Test
    void directRecycleWithCacheAndRingFullCountsBoth() {
        Kernel kernel = kernel(512);
        PagePool pool = create(kernel, PagePoolParams.defaults().withPoolSize(1));
        List<Page> held = alloc(pool, 129);
        for (int i = 0; i < 66; i++) {
            pool.recycleDirect(held.get(i)); // 65 fill the cache, the 66th fills the 1-slot ring
        }
        Page last = held.get(66);

        pool.recycleDirect(last);

        assertThat(last.place()).isEqualTo(Place.BUDDY);
        assertThat(pool.stats().cacheFull()).isEqualTo(2);
        assertThat(pool.stats().ring()).isEqualTo(1);
        assertThat(pool.stats().ringFull()).isEqualTo(1);
        assertThat(pool.releaseCount()).isEqualTo(1);
    }
}
