// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.trace.Place;

/** Non-direct returns go through the ptr_ring; an empty cache refills up to 64 from it (golden 02). */
class PoolRingPathTest {

    // 66 pages: two bulks (64 + 2) take everything, so the pages below are all there is
    private final Kernel kernel = kernel(66);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel);
    private List<Integer> held;

    @BeforeEach
    void holdEverything() {
        held = alloc(pool, 66);
        assertThat(pool.allocCount()).isZero();
        assertThat(kernel.mm().freePages()).isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("fast=64 slow=2 empty=2"));
    }

    @Test
    void putWithoutAllowDirectGoesToTheRingEvenInSoftirq() {
        int page = held.get(0);

        pool.putFullPage(page, false);

        assertThat(memmap.place(page)).isEqualTo(Place.PTR_RING);
        assertThat(pool.ring().count()).isEqualTo(1);
        assertThat(pool.ring().peek()).isEqualTo(page);
        assertThat(pool.allocCount()).isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("fast=64 slow=2 empty=2 ring=1"));
    }

    @Test
    void recycleDirectOutsideSoftirqGoesToTheRing() {
        kernel.setSoftirq(false);

        pool.recycleDirect(held.get(0));

        assertThat(memmap.place(held.get(0))).isEqualTo(Place.PTR_RING);
        assertThat(pool.stats().cached()).isZero();
        assertThat(pool.stats().ring()).isEqualTo(1);
    }

    @Test
    void refillMovesUpTo64InFifoOrderAndReturnsTheLastOne() {
        for (int page : held) {
            pool.putFullPage(page, false);
        }
        assertThat(pool.ring().count()).isEqualTo(66);

        int got = pool.allocPages();

        assertThat(got).isEqualTo(held.get(63));
        assertThat(pool.allocCount()).isEqualTo(63);
        assertThat(pool.ring().count()).isEqualTo(2);
        for (int slot = 0; slot < 63; slot++) {
            assertThat(pool.allocCacheSlot(slot)).as("slot %d", slot).isEqualTo(held.get(slot));
        }
        assertThat(pool.stats().format()).isEqualTo(counters("fast=64 slow=2 empty=2 refill=1 ring=66"));

        // then LIFO out of the cache
        assertThat(pool.allocPages()).isEqualTo(held.get(62));
        alloc(pool, 62);
        assertThat(pool.allocCount()).isZero();

        // the next refill takes the 2 left: one refill event however many pages it moves
        assertThat(pool.allocPages()).isEqualTo(held.get(65));
        assertThat(pool.allocCount()).isEqualTo(1);
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.ring().stale()).as("66 consumed with batch 16").isEqualTo(2);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=127 slow=2 empty=2 refill=2 ring=66"));

        assertThat(pool.allocPages()).isEqualTo(held.get(64));
        assertThat(pool.allocPages()).as("nothing anywhere").isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("fast=128 slow=2 empty=3 refill=2 ring=66"));
        assertThat(pool.holdCount()).isEqualTo(66);
        assertThat(pool.releaseCount()).isZero();
    }

    @Test
    void ringPagesKeepTheirHandles() {
        int page = held.get(10);
        int handle = memmap.handle(page);
        pool.putFullPage(page, false);

        assertThat(pool.allocPages()).isEqualTo(page);
        assertThat(memmap.handle(page)).isEqualTo(handle);
        assertThat(memmap.place(page)).isEqualTo(Place.DRIVER);
    }
}
