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
        MemMap memmap = mm.memMap();
        int page = mm.allocPagesNode(0, 0);

        mm.getPage(page);
        assertThat(memmap.pageRefCount(page)).isEqualTo(2);

        assertThat(mm.putPage(page)).isFalse();
        assertThat(memmap.pageRefCount(page)).isEqualTo(1);
        assertThat(mm.freePages()).isEqualTo(15);

        assertThat(mm.putPage(page)).isTrue();
        assertThat(memmap.pageRefCount(page)).isZero();
        assertThat(memmap.place(page)).isEqualTo(Place.BUDDY);
        assertThat(mm.freePages()).isEqualTo(16);
    }

    @Test
    void putPageOnAFreePageIsRefusedAndChangesNothing() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();
        int held = mm.allocPagesNode(0, 0); // pfn 0
        int page = mm.allocPagesNode(0, 0); // pfn 1
        mm.putPage(page);
        int[] before = mm.buddyinfo(0);

        assertThatThrownBy(() -> mm.putPage(page))
                .isInstanceOf(ModelRefusal.class)
                .hasMessageContaining("double free");

        assertThat(mm.freePages()).isEqualTo(15);
        assertThat(mm.buddyinfo(0)).containsExactly(before);
        assertThat(memmap.pageRefCount(page)).isZero();
        assertThat(memmap.pageRefCount(held)).isEqualTo(1);
    }

    @Test
    void getPageOnAFreePageIsRefused() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();
        int page = mm.allocPagesNode(0, 0);
        mm.putPage(page);

        assertThatThrownBy(() -> mm.getPage(page)).isInstanceOf(ModelRefusal.class);
        assertThat(memmap.pageRefCount(page)).isZero();
        assertThat(mm.freePages()).isEqualTo(16);
    }

    @Test
    void freeingResetsThePoolFieldsOfTheStructPage() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();
        int page = mm.allocPagesNode(0, 0);
        memmap.setPpMagic(page, MemMap.PP_SIGNATURE);
        memmap.setDmaAddr(page, PageRef.pageToPhys(page));
        memmap.setOwner(page, 1, 1);
        memmap.setPp(page, 1);
        memmap.setPlace(page, Place.DETACHED);

        mm.putPage(page);

        assertThat(memmap.ppMagic(page)).isZero();
        assertThat(memmap.dmaAddr(page)).isZero();
        assertThat(memmap.pp(page)).isZero();
        assertThat(memmap.place(page)).isEqualTo(Place.BUDDY);
    }

    @Test
    void aPageReferenceNamesOneFrameOfOneNodeAndIsNeverNull() {
        int page = PageRef.pfnToPage(0, 1500);
        assertThat(PageRef.pageToNid(page)).isZero();
        assertThat(PageRef.pageToPfn(page)).isEqualTo(1500);
        assertThat(PageRef.pfnToPage(1, 1500)).isNotEqualTo(page);
        assertThat(PageRef.pageToNid(PageRef.pfnToPage(1, 1500))).isEqualTo(1);
        assertThat(PageRef.pfnToPage(0, 0)).isNotEqualTo(PageRef.NULL);
        int last = PageRef.pfnToPage(PageAllocator.MAX_NODES - 1, PageAllocator.MAX_NODE_PAGES - 1);
        assertThat(PageRef.pageToNid(last)).isEqualTo(PageAllocator.MAX_NODES - 1);
        assertThat(PageRef.pageToPfn(last)).isEqualTo(PageAllocator.MAX_NODE_PAGES - 1);
        assertThat(PageRef.pageToPhys(PageRef.pfnToPage(1, 3))).isEqualTo((2L << 36) + (3L << 12));
    }
}
