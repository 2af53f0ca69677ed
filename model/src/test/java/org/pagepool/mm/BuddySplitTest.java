// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;
import static org.pagepool.mm.Buddy.counts;
import static org.pagepool.mm.Buddy.freeBlocks;

import org.junit.jupiter.api.Test;

/** spec: smallest order >= k first, lowest address among those, halving keeps the lower half. */
class BuddySplitTest {

    @Test
    void splittingKeepsTheLowerHalfAndFreesEveryUpperHalf() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();

        int page = mm.allocPagesNode(0, 0);

        assertThat(PageRef.pageToPfn(page)).isZero();
        assertThat(memmap.compoundOrder(page)).isZero();
        assertThat(memmap.pageRefCount(page)).isEqualTo(1);
        // 16 -> 8 (8..15 free) -> 4 (4..7 free) -> 2 (2..3 free) -> 1 (1 free)
        assertThat(freeBlocks(mm, 0)).containsExactly("1/0", "2/1", "4/2", "8/3");
        assertThat(mm.buddyinfo(0)).containsExactly(counts(0, 1, 1, 1, 2, 1, 3, 1));
        assertThat(mm.freePages()).isEqualTo(15);
    }

    @Test
    void smallestSufficientOrderIsTakenBeforeSplittingALargerBlock() {
        PageAllocator mm = allocator(16);
        MemMap memmap = mm.memMap();
        mm.allocPagesNode(0, 0); // pfn 0; free: 1/0 2/1 4/2 8/3

        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).as("the order-0 block").isEqualTo(1);
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).as("splits 2/1").isEqualTo(2);
        assertThat(freeBlocks(mm, 0)).containsExactly("3/0", "4/2", "8/3");

        int pair = mm.allocPagesNode(0, 1); // no order-1 block: split 4/2
        assertThat(PageRef.pageToPfn(pair)).isEqualTo(4);
        assertThat(memmap.compoundOrder(pair)).isEqualTo(1);
        assertThat(memmap.pages(pair)).isEqualTo(2);
        assertThat(freeBlocks(mm, 0)).containsExactly("3/0", "6/1", "8/3");

        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).as("order 0 before the order-1 block").isEqualTo(3);
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).as("then the order-1 block is split").isEqualTo(6);
    }

    @Test
    void lowestAddressWinsAmongBlocksOfTheSameOrder() {
        PageAllocator mm = allocator(16);
        int[] pages = new int[4];
        for (int i = 0; i < 4; i++) {
            pages[i] = mm.allocPagesNode(0, 0); // pfns 0..3
        }
        // free 3 first, then 1: neither merges, since 2 and 0 are held
        mm.putPage(pages[3]);
        mm.putPage(pages[1]);
        assertThat(freeBlocks(mm, 0)).containsExactly("1/0", "3/0", "4/2", "8/3");

        // not the most recently freed (the kernel's hot page), but the lowest address
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).isEqualTo(1);
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).isEqualTo(3);
    }

    @Test
    void hundredPageNodeServesSmallRequestsFromTheSmallestBlock() {
        PageAllocator mm = allocator(100);

        // golden 10: an order-2 request takes 96..99 first, the next splits 64..95
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 2))).isEqualTo(96);
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 2))).isEqualTo(64);
        assertThat(freeBlocks(mm, 0)).containsExactly("68/2", "72/3", "80/4", "0/6");
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 2))).isEqualTo(68);
    }

    @Test
    void wholeNodeCanBeTakenAsOneBlock() {
        PageAllocator mm = allocator(1024);
        MemMap memmap = mm.memMap();

        int block = mm.allocPagesNode(0, 10);

        assertThat(PageRef.pageToPfn(block)).isZero();
        assertThat(memmap.compoundOrder(block)).isEqualTo(10);
        assertThat(mm.freePages()).isZero();
        assertThat(mm.buddyinfo(0)).containsOnly(0);
    }
}
