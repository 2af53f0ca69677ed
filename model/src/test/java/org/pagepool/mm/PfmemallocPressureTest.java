// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;

import org.junit.jupiter.api.Test;

/** spec "pressure on": pages handed out meanwhile come from the pfmemalloc reserves. */
class PfmemallocPressureTest {

    @Test
    void pagesAreOrdinaryWithoutPressure() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();

        assertThat(mm.pressure()).isFalse();
        assertThat(memmap.pageIsPfmemalloc(mm.allocPagesNode(0, 0))).isFalse();
    }

    @Test
    void pagesHandedOutUnderPressureArePfmemallocAndStaySoAfterThePressureEnds() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();
        mm.setPressure(true);
        int single = mm.allocPagesNode(0, 0);
        int[] bulk = new int[2];
        mm.allocPagesBulkArray(0, 2, bulk);

        mm.setPressure(false);

        assertThat(memmap.pageIsPfmemalloc(single)).isTrue();
        assertThat(memmap.pageIsPfmemalloc(bulk[0])).isTrue();
        assertThat(memmap.pageIsPfmemalloc(bulk[1])).isTrue();
        assertThat(memmap.pageIsPfmemalloc(mm.allocPagesNode(0, 0))).as("a page taken after the pressure").isFalse();
    }

    @Test
    void theFlagIsGoneOnceThePageIsFreedAndTakenAgainWithoutPressure() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();
        mm.setPressure(true);
        int page = mm.allocPagesNode(0, 0);
        mm.setPressure(false);

        mm.putPage(page);
        assertThat(memmap.pageIsPfmemalloc(page)).as("a free page").isFalse();
        int again = mm.allocPagesNode(0, 0);

        assertThat(again).isEqualTo(page); // the same frame, the same struct page
        assertThat(memmap.pageIsPfmemalloc(again)).isFalse();
    }
}
