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
        MemMap memmap = mm.memMap();
        int[] array = new int[64];

        assertThat(mm.allocPagesBulkArray(0, 64, array)).isEqualTo(64);

        for (int i = 0; i < 64; i++) {
            assertThat(PageRef.pageToPfn(array[i])).as("slot %d", i).isEqualTo(i);
            assertThat(memmap.pageRefCount(array[i])).isEqualTo(1);
            assertThat(memmap.compoundOrder(array[i])).isZero();
        }
        assertThat(mm.freePages()).isEqualTo(192);
    }

    @Test
    void skipsSlotsThatAlreadyHoldAPageAndCountsThem() {
        PageAllocator mm = allocator(16);
        int kept = mm.allocPagesNode(0, 0); // pfn 0
        int[] array = new int[5];
        array[1] = kept;
        array[3] = kept;

        int filled = mm.allocPagesBulkArray(0, 5, array);

        assertThat(filled).isEqualTo(5);
        assertThat(array[1]).isEqualTo(kept);
        assertThat(array[3]).isEqualTo(kept);
        assertThat(PageRef.pageToPfn(array[0])).isEqualTo(1);
        assertThat(PageRef.pageToPfn(array[2])).isEqualTo(2);
        assertThat(PageRef.pageToPfn(array[4])).isEqualTo(3);
        assertThat(mm.freePages()).isEqualTo(12);
    }

    @Test
    void onlyTheFirstNrPagesSlotsAreTouched() {
        PageAllocator mm = allocator(16);
        int[] array = new int[8];

        assertThat(mm.allocPagesBulkArray(0, 3, array)).isEqualTo(3);

        assertThat(array[3]).isZero();
        assertThat(mm.freePages()).isEqualTo(13);
    }

    @Test
    void shortBulkStopsWhenMemoryRunsOut() {
        PageAllocator mm = allocator(5);
        int[] array = new int[64];

        int filled = mm.allocPagesBulkArray(0, 64, array);

        assertThat(filled).isEqualTo(5);
        // 5 pages = 0/2 and 4/0: the single page 4 goes first (smallest order), then 0..3
        assertThat(PageRef.pageToPfn(array[0])).isEqualTo(4);
        assertThat(PageRef.pageToPfn(array[1])).isZero();
        assertThat(PageRef.pageToPfn(array[4])).isEqualTo(3);
        assertThat(array[5]).isZero();
        assertThat(mm.freePages()).isZero();
    }

    @Test
    void emptyMemoryGivesNoPage() {
        PageAllocator mm = allocator(0);
        int[] array = new int[4];

        assertThat(mm.allocPagesBulkArray(0, 4, array)).isZero();
        assertThat(array).containsOnly(PageRef.NULL);
    }
}
