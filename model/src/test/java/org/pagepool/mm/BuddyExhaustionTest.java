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
            assertThat(mm.allocPagesNode(0, 0)).as("page %d", i).isNotNull();
        }

        assertThat(mm.allocPagesNode(0, 0)).isNull();
        assertThat(mm.freePages()).isZero();
    }

    @Test
    void requestLargerThanAnyBlockFailsWithoutTouchingMemory() {
        PageAllocator mm = allocator(100);

        assertThat(mm.allocPagesNode(0, 7)).isNull();
        assertThat(mm.buddyinfo(0)).containsExactly(counts(2, 1, 5, 1, 6, 1));
    }

    @Test
    void enoughFreePagesButNoBlockOfTheOrderGivesNull() {
        PageAllocator mm = allocator(16);
        Page[] pages = new Page[16];
        for (int i = 0; i < 16; i++) {
            pages[i] = mm.allocPagesNode(0, 0);
        }
        for (int i = 0; i < 16; i += 2) {
            mm.putPage(pages[i]); // every odd page stays held
        }
        assertThat(mm.freePages()).isEqualTo(8);

        assertThat(mm.allocPagesNode(0, 1)).as("8 free pages, not one free pair").isNull();
        assertThat(mm.freePages()).isEqualTo(8);
        assertThat(mm.allocPagesNode(0, 0).pfn()).as("order 0 still works").isZero();
    }

    @Test
    void fragmentedNodeIsSkippedForAnotherNodeWithALargeEnoughBlock() {
        PageAllocator mm = allocator(16, 8);
        Page[] pages = new Page[16];
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

        Page block = mm.allocPagesNode(0, 2);
        assertThat(block.nid()).isEqualTo(1);
        assertThat(block.pfn()).isZero();
        assertThat(mm.allocPagesNode(0, 2).pfn()).isEqualTo(4);
        assertThat(mm.allocPagesNode(0, 2)).isNull();
        assertThat(mm.freePages()).isEqualTo(12);
    }
}
