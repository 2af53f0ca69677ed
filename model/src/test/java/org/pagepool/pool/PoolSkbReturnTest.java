// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.mm.Page;
import org.pagepool.trace.Place;

/** page_pool_return_skb_page(): page->pp names the pool; allow_direct is false, so never the cache. */
class PoolSkbReturnTest {

    private final Kernel kernel = kernel(256);
    private final PagePool pool = create(kernel);

    @Test
    void skbPageGoesToTheRingEvenInSoftirq() {
        Page page = pool.allocPages();
        pool.storeMemInfo(page);
        assertThat(page.pp()).isSameAs(pool);
        assertThat(kernel.inServingSoftirq()).isTrue();

        assertThat(PagePool.returnSkbPage(page)).isTrue();

        assertThat(page.place()).isEqualTo(Place.PTR_RING);
        assertThat(page.pp()).as("reset on recycle").isNull();
        assertThat(pool.stats().ring()).isEqualTo(1);
        assertThat(pool.stats().cached()).isZero();
    }

    @Test
    void skbPageWithASecondUserIsDetached() {
        Page page = pool.allocPages();
        pool.storeMemInfo(page);
        kernel.mm().getPage(page);

        PagePool.returnSkbPage(page);

        assertThat(page.place()).isEqualTo(Place.DETACHED);
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(1);
    }

    @Test
    void pageThatIsNotAPoolPageIsLeftAlone() {
        Page ordinary = kernel.mm().allocPagesNode(0, 0);

        assertThat(PagePool.returnSkbPage(ordinary)).isFalse();

        assertThat(ordinary.refCount()).isEqualTo(1);
        assertThat(ordinary.place()).isEqualTo(Place.BUDDY);
    }

    @Test
    void pfmemallocPoolPageIsStillRecognisedAndReleased() {
        kernel.mm().setPressure(true);
        Page page = pool.allocPages();
        pool.storeMemInfo(page);

        // the signature check masks bit 1 (pfmemalloc) out
        assertThat(PagePool.returnSkbPage(page)).isTrue();

        assertThat(page.place()).isEqualTo(Place.BUDDY);
        assertThat(pool.stats().releasedRefcnt()).isEqualTo(1);
    }

    @Test
    void skbNotMarkedForRecyclingIsRefused() {
        Page page = pool.allocPages();
        long free = kernel.mm().freePages();

        assertThatThrownBy(() -> PagePool.returnSkbPage(page)).isInstanceOf(ModelRefusal.class);

        assertThat(page.place()).isEqualTo(Place.DRIVER);
        assertThat(kernel.mm().freePages()).isEqualTo(free);
    }

    @Test
    void skbPageThatIsAlreadyInTheCacheIsRefused() {
        Page page = pool.allocPages();
        pool.storeMemInfo(page);
        pool.recycleDirect(page); // page->pp stays set

        assertThatThrownBy(() -> PagePool.returnSkbPage(page)).isInstanceOf(ModelRefusal.class);

        assertThat(page.place()).isEqualTo(Place.ALLOC_CACHE);
        assertThat(page.pp()).isSameAs(pool);
        assertThat(pool.ring().count()).isZero();
    }
}
