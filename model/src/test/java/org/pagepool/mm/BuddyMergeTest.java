// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;
import static org.pagepool.mm.Buddy.counts;
import static org.pagepool.mm.Buddy.freeBlocks;

import org.junit.jupiter.api.Test;

/** spec: a freed block merges with its buddy while the buddy is free as a whole block of that order. */
class BuddyMergeTest {

    @Test
    void freeingTheOnlyHeldPageCoalescesBackUpSeveralOrders() {
        PageAllocator mm = allocator(16);
        int page = mm.allocPagesNode(0, 0);

        assertThat(mm.putPage(page)).isTrue();

        // 0+1 -> 0/1, +2 -> 0/2, +4 -> 0/3, +8 -> 0/4
        assertThat(freeBlocks(mm, 0)).containsExactly("0/4");
        assertThat(mm.freePages()).isEqualTo(16);
    }

    @Test
    void noMergeWhileTheBuddyIsHeld() {
        PageAllocator mm = allocator(16);
        int first = mm.allocPagesNode(0, 0); // 0
        int second = mm.allocPagesNode(0, 0); // 1

        mm.putPage(first);
        assertThat(freeBlocks(mm, 0)).containsExactly("0/0", "2/1", "4/2", "8/3");

        mm.putPage(second);
        assertThat(freeBlocks(mm, 0)).containsExactly("0/4");
    }

    @Test
    void noMergeWithABuddyThatIsOnlyPartlyFree() {
        PageAllocator mm = allocator(16);
        int pair = mm.allocPagesNode(0, 1); // 0..1
        int single = mm.allocPagesNode(0, 0); // 2, leaving 3 free
        // the order-1 buddy of 0..1 is 2..3, of which only page 3 is free

        mm.putPage(pair);

        assertThat(freeBlocks(mm, 0)).containsExactly("3/0", "0/1", "4/2", "8/3");
        mm.putPage(single);
        assertThat(freeBlocks(mm, 0)).containsExactly("0/4");
    }

    @Test
    void freeingEverySecondPageLeavesSinglesThatMergeWhenTheRestComesBack() {
        PageAllocator mm = allocator(16);
        int[] pages = new int[16];
        for (int i = 0; i < 16; i++) {
            pages[i] = mm.allocPagesNode(0, 0);
            assertThat(PageRef.pageToPfn(pages[i])).isEqualTo(i);
        }
        for (int i = 0; i < 16; i += 2) {
            mm.putPage(pages[i]);
        }
        assertThat(mm.buddyinfo(0)).containsExactly(counts(0, 8));

        for (int i = 1; i < 16; i += 2) {
            mm.putPage(pages[i]);
        }
        assertThat(mm.buddyinfo(0)).containsExactly(counts(4, 1));
    }

    @Test
    void blocksNeverMergePastTheEndOfANonPowerOfTwoNode() {
        PageAllocator mm = allocator(100);
        int[] initial = mm.buddyinfo(0);
        int page = mm.allocPagesNode(0, 0); // splits 96..99

        assertThat(PageRef.pageToPfn(page)).isEqualTo(96);
        mm.putPage(page);

        // 96..99 is whole again; its order-2 buddy 100..103 lies past the node's end
        assertThat(mm.buddyinfo(0)).containsExactly(initial);
        assertThat(mm.isFreeBlock(0, 96, 2)).isTrue();
        assertThat(mm.isFreeBlock(0, 64, 5)).isTrue();
    }

    @Test
    void tailBlockDoesNotMergeWithAFreeLowerNeighbourThatIsNotItsBuddy() {
        PageAllocator mm = allocator(24); // 0/4 and 16/3
        int tail = mm.allocPagesNode(0, 3);
        assertThat(PageRef.pageToPfn(tail)).isEqualTo(16);

        mm.putPage(tail);

        // 16/3's buddy is 24..31 (past the end), not 0..15
        assertThat(freeBlocks(mm, 0)).containsExactly("16/3", "0/4");
    }

    @Test
    void mergingStopsAtOrder10() {
        PageAllocator mm = allocator(2048);
        int block = mm.allocPagesNode(0, 10);

        mm.putPage(block);

        assertThat(mm.buddyinfo(0)).containsExactly(counts(10, 2));
    }

    @Test
    void freedBlockOfHigherOrderMergesLikeAnyOther() {
        PageAllocator mm = allocator(64);
        MemMap memmap = mm.memMap();
        int a = mm.allocPagesNode(0, 2); // 0..3
        int b = mm.allocPagesNode(0, 2); // 4..7
        assertThat(PageRef.pageToPfn(b)).isEqualTo(4);

        mm.putPage(a);
        assertThat(mm.isFreeBlock(0, 0, 2)).isTrue();
        mm.putPage(b);
        assertThat(freeBlocks(mm, 0)).containsExactly("0/6");
        // the head page forgets its order once freed
        assertThat(memmap.compoundOrder(b)).isZero();
    }
}
