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
import org.pagepool.mm.Page;
import org.pagepool.trace.Place;

/** Non-direct returns go through the ptr_ring; an empty cache refills up to 64 from it (golden 02). */
class PoolRingPathTest {

    // 66 pages: two bulks (64 + 2) take everything, so the pages below are all there is
    private final Kernel kernel = kernel(66);
    private final PagePool pool = create(kernel);
    private List<Page> held;

    @BeforeEach
    void holdEverything() {
        held = alloc(pool, 66);
        assertThat(pool.allocCount()).isZero();
        assertThat(kernel.mm().freePages()).isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("fast=64 slow=2 empty=2"));
    }

    @Test
    void putWithoutAllowDirectGoesToTheRingEvenInSoftirq() {
        Page page = held.get(0);

        pool.putFullPage(page, false);

        assertThat(page.place()).isEqualTo(Place.PTR_RING);
        assertThat(pool.ring().count()).isEqualTo(1);
        assertThat(pool.ring().peek()).isSameAs(page);
        assertThat(pool.allocCount()).isZero();
        assertThat(pool.stats().format()).isEqualTo(counters("fast=64 slow=2 empty=2 ring=1"));
    }

    @Test
    void recycleDirectOutsideSoftirqGoesToTheRing() {
        kernel.setSoftirq(false);

        pool.recycleDirect(held.get(0));

        assertThat(held.get(0).place()).isEqualTo(Place.PTR_RING);
        assertThat(pool.stats().cached()).isZero();
        assertThat(pool.stats().ring()).isEqualTo(1);
    }

    @Test
    void refillMovesUpTo64InFifoOrderAndReturnsTheLastOne() {
        for (Page page : held) {
            pool.putFullPage(page, false);
        }
        assertThat(pool.ring().count()).isEqualTo(66);

        Page got = pool.allocPages();

        assertThat(got).isSameAs(held.get(63));
        assertThat(pool.allocCount()).isEqualTo(63);
        assertThat(pool.ring().count()).isEqualTo(2);
        for (int slot = 0; slot < 63; slot++) {
            assertThat(pool.allocCacheSlot(slot)).as("slot %d", slot).isSameAs(held.get(slot));
        }
        assertThat(pool.stats().format()).isEqualTo(counters("fast=64 slow=2 empty=2 refill=1 ring=66"));

        // then LIFO out of the cache
        assertThat(pool.allocPages()).isSameAs(held.get(62));
        alloc(pool, 62);
        assertThat(pool.allocCount()).isZero();

        // the next refill takes the 2 left: one refill event however many pages it moves
        assertThat(pool.allocPages()).isSameAs(held.get(65));
        assertThat(pool.allocCount()).isEqualTo(1);
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.ring().stale()).as("66 consumed with batch 16").isEqualTo(2);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=127 slow=2 empty=2 refill=2 ring=66"));

        assertThat(pool.allocPages()).isSameAs(held.get(64));
        assertThat(pool.allocPages()).as("nothing anywhere").isNull();
        assertThat(pool.stats().format()).isEqualTo(counters("fast=128 slow=2 empty=3 refill=2 ring=66"));
        assertThat(pool.holdCount()).isEqualTo(66);
        assertThat(pool.releaseCount()).isZero();
    }

    @Test
    void ringPagesKeepTheirHandles() {
        Page page = held.get(10);
        int handle = page.handle();
        pool.putFullPage(page, false);

        assertThat(pool.allocPages()).isSameAs(page);
        assertThat(page.handle()).isEqualTo(handle);
        assertThat(page.place()).isEqualTo(Place.DRIVER);
    }
}
