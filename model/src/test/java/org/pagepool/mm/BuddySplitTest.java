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

        Page page = mm.allocPagesNode(0, 0);

        assertThat(page.pfn()).isZero();
        assertThat(page.order()).isZero();
        assertThat(page.refCount()).isEqualTo(1);
        // 16 -> 8 (8..15 free) -> 4 (4..7 free) -> 2 (2..3 free) -> 1 (1 free)
        assertThat(freeBlocks(mm, 0)).containsExactly("1/0", "2/1", "4/2", "8/3");
        assertThat(mm.buddyinfo(0)).containsExactly(counts(0, 1, 1, 1, 2, 1, 3, 1));
        assertThat(mm.freePages()).isEqualTo(15);
    }

    @Test
    void smallestSufficientOrderIsTakenBeforeSplittingALargerBlock() {
        PageAllocator mm = allocator(16);
        mm.allocPagesNode(0, 0); // pfn 0; free: 1/0 2/1 4/2 8/3

        assertThat(mm.allocPagesNode(0, 0).pfn()).as("the order-0 block").isEqualTo(1);
        assertThat(mm.allocPagesNode(0, 0).pfn()).as("splits 2/1").isEqualTo(2);
        assertThat(freeBlocks(mm, 0)).containsExactly("3/0", "4/2", "8/3");

        Page pair = mm.allocPagesNode(0, 1); // no order-1 block: split 4/2
        assertThat(pair.pfn()).isEqualTo(4);
        assertThat(pair.order()).isEqualTo(1);
        assertThat(pair.pages()).isEqualTo(2);
        assertThat(freeBlocks(mm, 0)).containsExactly("3/0", "6/1", "8/3");

        assertThat(mm.allocPagesNode(0, 0).pfn()).as("order 0 before the order-1 block").isEqualTo(3);
        assertThat(mm.allocPagesNode(0, 0).pfn()).as("then the order-1 block is split").isEqualTo(6);
    }

    @Test
    void lowestAddressWinsAmongBlocksOfTheSameOrder() {
        PageAllocator mm = allocator(16);
        Page[] pages = new Page[4];
        for (int i = 0; i < 4; i++) {
            pages[i] = mm.allocPagesNode(0, 0); // pfns 0..3
        }
        // free 3 first, then 1: neither merges, since 2 and 0 are held
        mm.putPage(pages[3]);
        mm.putPage(pages[1]);
        assertThat(freeBlocks(mm, 0)).containsExactly("1/0", "3/0", "4/2", "8/3");

        // not the most recently freed (the kernel's hot page), but the lowest address
        assertThat(mm.allocPagesNode(0, 0).pfn()).isEqualTo(1);
        assertThat(mm.allocPagesNode(0, 0).pfn()).isEqualTo(3);
    }

    @Test
    void hundredPageNodeServesSmallRequestsFromTheSmallestBlock() {
        PageAllocator mm = allocator(100);

        // golden 10: an order-2 request takes 96..99 first, the next splits 64..95
        assertThat(mm.allocPagesNode(0, 2).pfn()).isEqualTo(96);
        assertThat(mm.allocPagesNode(0, 2).pfn()).isEqualTo(64);
        assertThat(freeBlocks(mm, 0)).containsExactly("68/2", "72/3", "80/4", "0/6");
        assertThat(mm.allocPagesNode(0, 2).pfn()).isEqualTo(68);
    }

    @Test
    void wholeNodeCanBeTakenAsOneBlock() {
        PageAllocator mm = allocator(1024);

        Page block = mm.allocPagesNode(0, 10);

        assertThat(block.pfn()).isZero();
        assertThat(block.order()).isEqualTo(10);
        assertThat(mm.freePages()).isZero();
        assertThat(mm.buddyinfo(0)).containsOnly(0);
    }
}
