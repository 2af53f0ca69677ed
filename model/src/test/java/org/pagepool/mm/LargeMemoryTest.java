// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;
import static org.pagepool.mm.Buddy.counts;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The largest memory the spec allows: 8 nodes of 2^24 pages, built lazily. */
class LargeMemoryTest {

    private static int[] eightFullNodes() {
        int[] pages = new int[PageAllocator.MAX_NODES];
        Arrays.fill(pages, PageAllocator.MAX_NODE_PAGES);
        return pages;
    }

    @Test
    void eightNodesOfTwoToThe24PagesWork() {
        PageAllocator mm = allocator(eightFullNodes());

        assertThat(mm.freePages()).isEqualTo(8L << 24);
        for (int nid = 0; nid < 8; nid++) {
            assertThat(mm.buddyinfo(nid)).as("node %d", nid).containsExactly(counts(10, 1 << 14));
        }
        // no section of struct pages exists before a frame is used: only the free-list bitmaps and section tables
        assertThat(mm.footprintBytes()).isLessThan(1 << 20);
    }

    @Test
    void allocationsAndFreesBehaveAtTheTopOfTheRange() {
        PageAllocator mm = allocator(eightFullNodes());

        int first = mm.allocPagesNode(7, 0);
        assertThat(PageRef.pageToNid(first)).isEqualTo(7);
        assertThat(PageRef.pageToPfn(first)).isZero();
        assertThat(mm.buddyinfo(7)).containsExactly(
                counts(0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1, 8, 1, 9, 1, 10, (1 << 14) - 1));

        int big = mm.allocPagesNode(7, 10);
        assertThat(PageRef.pageToPfn(big)).isEqualTo(1024);

        mm.putPage(first);
        mm.putPage(big);
        assertThat(mm.buddyinfo(7)).containsExactly(counts(10, 1 << 14));
        assertThat(mm.freePages()).isEqualTo(8L << 24);
    }

    @Test
    void lastFrameOfANodeCanBeReached() {
        // 2^24 - 1 pages: 16383 order-10 blocks, then 512 + 256 + ... + 1 up to the last frame
        PageAllocator mm = allocator(PageAllocator.MAX_NODE_PAGES - 1);
        int lastPfn = PageAllocator.MAX_NODE_PAGES - 2;
        assertThat(mm.buddyinfo(0)).containsExactly(
                counts(0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1, 8, 1, 9, 1, 10, (1 << 14) - 1));

        int last = mm.allocPagesNode(0, 0); // the order-0 block is the last frame
        assertThat(PageRef.pageToPfn(last)).isEqualTo(lastPfn);

        mm.putPage(last);
        // its buddy would be frame 2^24 - 1, past the end: no merge
        assertThat(mm.isFreeBlock(0, lastPfn, 0)).isTrue();
        assertThat(mm.freePages()).isEqualTo(PageAllocator.MAX_NODE_PAGES - 1);
    }
}
