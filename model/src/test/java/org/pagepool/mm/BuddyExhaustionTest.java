// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;
import static org.pagepool.mm.Buddy.counts;

import org.junit.jupiter.api.Test;

/** Running out of memory, and running out of large blocks while pages are still free. */
class BuddyExhaustionTest {

    @Test
    void singleCallReturnsNullWhenNothingIsLeft() {
        PageAllocator mm = allocator(8);
        for (int i = 0; i < 8; i++) {
            assertThat(mm.allocPagesNode(0, 0)).as("page %d", i).isNotZero();
        }

        assertThat(mm.allocPagesNode(0, 0)).isZero();
        assertThat(mm.freePages()).isZero();
    }

    @Test
    void requestLargerThanAnyBlockFailsWithoutTouchingMemory() {
        PageAllocator mm = allocator(100);

        assertThat(mm.allocPagesNode(0, 7)).isZero();
        assertThat(mm.buddyinfo(0)).containsExactly(counts(2, 1, 5, 1, 6, 1));
    }

    @Test
    void enoughFreePagesButNoBlockOfTheOrderGivesNull() {
        PageAllocator mm = allocator(16);
        int[] pages = new int[16];
        for (int i = 0; i < 16; i++) {
            pages[i] = mm.allocPagesNode(0, 0);
        }
        for (int i = 0; i < 16; i += 2) {
            mm.putPage(pages[i]); // every odd page stays held
        }
        assertThat(mm.freePages()).isEqualTo(8);

        assertThat(mm.allocPagesNode(0, 1)).as("8 free pages, not one free pair").isZero();
        assertThat(mm.freePages()).isEqualTo(8);
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 0))).as("order 0 still works").isZero();
    }

    @Test
    void fragmentedNodeIsSkippedForAnotherNodeWithALargeEnoughBlock() {
        PageAllocator mm = allocator(16, 8);
        int[] pages = new int[16];
        for (int i = 0; i < 16; i++) {
            pages[i] = mm.allocPagesNode(0, 0);
        }
        for (int i = 0; i < 16; i++) {
            if (i % 4 != 1) {
                mm.putPage(pages[i]); // keep 1, 5, 9, 13 as in golden 16
            }
        }
        assertThat(mm.freePages(0)).isEqualTo(12);
        assertThat(mm.buddyinfo(0)).containsExactly(counts(0, 4, 1, 4));

        int block = mm.allocPagesNode(0, 2);
        assertThat(PageRef.pageToNid(block)).isEqualTo(1);
        assertThat(PageRef.pageToPfn(block)).isZero();
        assertThat(PageRef.pageToPfn(mm.allocPagesNode(0, 2))).isEqualTo(4);
        assertThat(mm.allocPagesNode(0, 2)).isZero();
        assertThat(mm.freePages()).isEqualTo(12);
    }
}
