// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.trace.Place;

/** page_pool_return_skb_page(): page->pp names the pool; allow_direct is false, so never the cache. */
class PoolSkbReturnTest {

    private final Kernel kernel = kernel(256);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel);

    @Test
    void skbPageGoesToTheRingEvenInSoftirq() {
        int page = pool.allocPages();
        pool.storeMemInfo(page);
        assertThat(memmap.pp(page)).isEqualTo(pool.id());
        assertThat(kernel.inServingSoftirq()).isTrue();

        assertThat(PagePool.returnSkbPage(kernel, page)).isTrue();

        assertThat(memmap.place(page)).isEqualTo(Place.PTR_RING);
        assertThat(memmap.pp(page)).as("reset on recycle").isZero();
        assertThat(pool.stats().ring()).isEqualTo(1);
        assertThat(pool.stats().cached()).isZero();
    }

    @Test
    void skbPageWithASecondUserIsDetached() {
        int page = pool.allocPages();
        pool.storeMemInfo(page);
        kernel.mm().getPage(page);

        PagePool.returnSkbPage(kernel, page);

        assertThat(memmap.place(page)).isEqualTo(Place.DETACHED);
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(1);
    }

    @Test
    void pageThatIsNotAPoolPageIsLeftAlone() {
        int ordinary = kernel.mm().allocPagesNode(0, 0);

        assertThat(PagePool.returnSkbPage(kernel, ordinary)).isFalse();

        assertThat(memmap.pageRefCount(ordinary)).isEqualTo(1);
        assertThat(memmap.place(ordinary)).isEqualTo(Place.BUDDY);
    }

    @Test
    void pfmemallocPoolPageIsStillRecognisedAndReleased() {
        kernel.mm().setPressure(true);
        int page = pool.allocPages();
        pool.storeMemInfo(page);

        // the signature check masks bit 1 (pfmemalloc) out
        assertThat(PagePool.returnSkbPage(kernel, page)).isTrue();

        assertThat(memmap.place(page)).isEqualTo(Place.BUDDY);
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(1);
    }

    @Test
    void skbNotMarkedForRecyclingIsRefused() {
        int page = pool.allocPages();
        long free = kernel.mm().freePages();

        assertThatThrownBy(() -> PagePool.returnSkbPage(kernel, page)).isInstanceOf(ModelRefusal.class);

        assertThat(memmap.place(page)).isEqualTo(Place.DRIVER);
        assertThat(kernel.mm().freePages()).isEqualTo(free);
    }

    @Test
    void skbPageThatIsAlreadyInTheCacheIsRefused() {
        int page = pool.allocPages();
        pool.storeMemInfo(page);
        pool.recycleDirect(page); // page->pp stays set

        assertThatThrownBy(() -> PagePool.returnSkbPage(kernel, page)).isInstanceOf(ModelRefusal.class);

        assertThat(memmap.place(page)).isEqualTo(Place.ALLOC_CACHE);
        assertThat(memmap.pp(page)).isEqualTo(pool.id());
        assertThat(pool.ring().count()).isZero();
    }
}
