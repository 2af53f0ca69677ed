// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.mm.Buddy.allocator;

import org.junit.jupiter.api.Test;
import org.pagepool.trace.Place;

/** get_page / put_page and the refusal of a double free or a use after free. */
class PageRefcountTest {

    @Test
    void getAndPutMoveTheRefcountAndOnlyTheLastPutFrees() {
        PageAllocator mm = allocator(16);
        Page page = mm.allocPagesNode(0, 0);

        mm.getPage(page);
        assertThat(page.refCount()).isEqualTo(2);

        assertThat(mm.putPage(page)).isFalse();
        assertThat(page.refCount()).isEqualTo(1);
        assertThat(mm.freePages()).isEqualTo(15);

        assertThat(mm.putPage(page)).isTrue();
        assertThat(page.refCount()).isZero();
        assertThat(page.place()).isEqualTo(Place.BUDDY);
        assertThat(mm.freePages()).isEqualTo(16);
    }

    @Test
    void putPageOnAFreePageIsRefusedAndChangesNothing() {
        PageAllocator mm = allocator(16);
        Page held = mm.allocPagesNode(0, 0); // pfn 0
        Page page = mm.allocPagesNode(0, 0); // pfn 1
        mm.putPage(page);
        int[] before = mm.buddyinfo(0);

        assertThatThrownBy(() -> mm.putPage(page))
                .isInstanceOf(ModelRefusal.class)
                .hasMessageContaining("double free");

        assertThat(mm.freePages()).isEqualTo(15);
        assertThat(mm.buddyinfo(0)).containsExactly(before);
        assertThat(page.refCount()).isZero();
        assertThat(held.refCount()).isEqualTo(1);
    }

    @Test
    void getPageOnAFreePageIsRefused() {
        PageAllocator mm = allocator(16);
        Page page = mm.allocPagesNode(0, 0);
        mm.putPage(page);

        assertThatThrownBy(() -> mm.getPage(page)).isInstanceOf(ModelRefusal.class);
        assertThat(page.refCount()).isZero();
        assertThat(mm.freePages()).isEqualTo(16);
    }

    @Test
    void freeingResetsThePoolFieldsOfTheStructPage() {
        PageAllocator mm = allocator(16);
        Page page = mm.allocPagesNode(0, 0);
        page.setPpMagic(Page.PP_SIGNATURE);
        page.setDmaAddr(0x1000);
        page.setPlace(Place.DETACHED);

        mm.putPage(page);

        assertThat(page.ppMagic()).isZero();
        assertThat(page.dmaAddr()).isZero();
        assertThat(page.pp()).isNull();
        assertThat(page.place()).isEqualTo(Place.BUDDY);
    }

    @Test
    void pageRecordsAreOnePerFrame() {
        PageAllocator mm = allocator(2048, 16);

        assertThat(mm.existingPage(0, 1500)).isNull();
        Page page = mm.page(0, 1500);
        assertThat(page.nid()).isZero();
        assertThat(page.pfn()).isEqualTo(1500);
        assertThat(mm.page(0, 1500)).isSameAs(page);
        assertThat(mm.existingPage(0, 1500)).isSameAs(page);
        assertThat(mm.page(1, 1500 % 16)).isNotSameAs(page);
    }
}
