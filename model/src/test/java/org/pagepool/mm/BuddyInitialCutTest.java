// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.mm.Buddy.allocator;
import static org.pagepool.mm.Buddy.counts;
import static org.pagepool.mm.Buddy.freeBlocks;

import org.junit.jupiter.api.Test;

/** spec "The page allocator": a node starts as the largest aligned blocks of order <= 10, from address 0 up. */
class BuddyInitialCutTest {

    @Test
    void hundredPagesAreCutIntoOrder6Then5Then2() {
        PageAllocator mm = allocator(100);

        assertThat(freeBlocks(mm, 0)).containsExactly("96/2", "64/5", "0/6");
        assertThat(mm.buddyinfo(0)).containsExactly(counts(2, 1, 5, 1, 6, 1));
        assertThat(mm.freePages()).isEqualTo(100);
    }

    @Test
    void powerOfTwoNodesAreOneBlockEach() {
        PageAllocator mm = allocator(16, 8);

        // the README's example: n0=0,0,0,0,1,... n1=0,0,0,1,...
        assertThat(mm.buddyinfo(0)).containsExactly(counts(4, 1));
        assertThat(mm.buddyinfo(1)).containsExactly(counts(3, 1));
        assertThat(freeBlocks(mm, 0)).containsExactly("0/4");
        assertThat(freeBlocks(mm, 1)).containsExactly("0/3");
        assertThat(mm.freePages(0)).isEqualTo(16);
        assertThat(mm.freePages(1)).isEqualTo(8);
        assertThat(mm.freePages()).isEqualTo(24);
    }

    @Test
    void blocksNeverExceedOrder10() {
        PageAllocator mm = allocator(4096 + 3);

        // 4 blocks of 1024 pages, then 2 + 1 for the tail
        assertThat(mm.buddyinfo(0)).containsExactly(counts(0, 1, 1, 1, 10, 4));
        assertThat(freeBlocks(mm, 0)).containsExactly("4098/0", "4096/1", "0/10", "1024/10", "2048/10", "3072/10");
    }

    @Test
    void zeroPageNodeHasNothingFree() {
        PageAllocator mm = allocator(0, 4);

        assertThat(mm.buddyinfo(0)).containsOnly(0);
        assertThat(mm.freePages(0)).isZero();
        assertThat(mm.nodePages(0)).isZero();
        // requests pass over the empty node
        int page = mm.allocPagesNode(0, 0);
        assertThat(PageRef.pageToNid(page)).isEqualTo(1);
    }

    @Test
    void nodeCountAndSizesAreChecked() {
        assertThatThrownBy(() -> allocator()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allocator(1, 1, 1, 1, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allocator(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allocator(PageAllocator.MAX_NODE_PAGES + 1))
                .isInstanceOf(IllegalArgumentException.class);

        PageAllocator mm = allocator(1, 2, 3);
        assertThat(mm.nodeCount()).isEqualTo(3);
        assertThat(mm.nodeExists(2)).isTrue();
        assertThat(mm.nodeExists(3)).isFalse();
        assertThat(mm.nodeExists(-1)).isFalse();
    }
}
