// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;

import org.junit.jupiter.api.Test;

/** {@code alloc_pages_bulk_array()} as the spec fixes it: fill NULL slots in index order, return pages in the array. */
class BulkAllocTest {

    @Test
    void fillsEverySlotInIndexOrderWithAscendingPfns() {
        PageAllocator mm = allocator(256);
        Page[] array = new Page[64];

        assertThat(mm.allocPagesBulkArray(0, 64, array)).isEqualTo(64);

        for (int i = 0; i < 64; i++) {
            assertThat(array[i].pfn()).as("slot %d", i).isEqualTo(i);
            assertThat(array[i].refCount()).isEqualTo(1);
            assertThat(array[i].order()).isZero();
        }
        assertThat(mm.freePages()).isEqualTo(192);
    }

    @Test
    void skipsSlotsThatAlreadyHoldAPageAndCountsThem() {
        PageAllocator mm = allocator(16);
        Page kept = mm.allocPagesNode(0, 0); // pfn 0
        Page[] array = new Page[5];
        array[1] = kept;
        array[3] = kept;

        int filled = mm.allocPagesBulkArray(0, 5, array);

        assertThat(filled).isEqualTo(5);
        assertThat(array[1]).isSameAs(kept);
        assertThat(array[3]).isSameAs(kept);
        assertThat(array[0].pfn()).isEqualTo(1);
        assertThat(array[2].pfn()).isEqualTo(2);
        assertThat(array[4].pfn()).isEqualTo(3);
        assertThat(mm.freePages()).isEqualTo(12);
    }

    @Test
    void onlyTheFirstNrPagesSlotsAreTouched() {
        PageAllocator mm = allocator(16);
        Page[] array = new Page[8];

        assertThat(mm.allocPagesBulkArray(0, 3, array)).isEqualTo(3);

        assertThat(array[3]).isNull();
        assertThat(mm.freePages()).isEqualTo(13);
    }

    @Test
    void shortBulkStopsWhenMemoryRunsOut() {
        PageAllocator mm = allocator(5);
        Page[] array = new Page[64];

        int filled = mm.allocPagesBulkArray(0, 64, array);

        assertThat(filled).isEqualTo(5);
        // 5 pages = 0/2 and 4/0: the single page 4 goes first (smallest order), then 0..3
        assertThat(array[0].pfn()).isEqualTo(4);
        assertThat(array[1].pfn()).isZero();
        assertThat(array[4].pfn()).isEqualTo(3);
        assertThat(array[5]).isNull();
        assertThat(mm.freePages()).isZero();
    }

    @Test
    void emptyMemoryGivesNoPage() {
        PageAllocator mm = allocator(0);
        Page[] array = new Page[4];

        assertThat(mm.allocPagesBulkArray(0, 4, array)).isZero();
        assertThat(array).containsOnlyNulls();
    }
}
