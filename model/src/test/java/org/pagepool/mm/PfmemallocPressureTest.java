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

        assertThat(mm.pressure()).isFalse();
        assertThat(mm.allocPagesNode(0, 0).isPfmemalloc()).isFalse();
    }

    @Test
    void pagesHandedOutUnderPressureArePfmemallocAndStaySoAfterThePressureEnds() {
        PageAllocator mm = allocator(16);
        mm.setPressure(true);
        Page single = mm.allocPagesNode(0, 0);
        Page[] bulk = new Page[2];
        mm.allocPagesBulkArray(0, 2, bulk);

        mm.setPressure(false);

        assertThat(single.isPfmemalloc()).isTrue();
        assertThat(bulk[0].isPfmemalloc()).isTrue();
        assertThat(bulk[1].isPfmemalloc()).isTrue();
        assertThat(mm.allocPagesNode(0, 0).isPfmemalloc()).as("a page taken after the pressure").isFalse();
    }

    @Test
    void theFlagIsGoneOnceThePageIsFreedAndTakenAgainWithoutPressure() {
        PageAllocator mm = allocator(16);
        mm.setPressure(true);
        Page page = mm.allocPagesNode(0, 0);
        mm.setPressure(false);

        mm.putPage(page);
        assertThat(page.isPfmemalloc()).as("a free page").isFalse();
        Page again = mm.allocPagesNode(0, 0);

        assertThat(again).isSameAs(page); // the same frame, the same struct page
        assertThat(again.isPfmemalloc()).isFalse();
    }
}
