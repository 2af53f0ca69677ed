// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spec: the preferred node first, then the other nodes in ascending id order. */
class NodeFallbackTest {

    @Test
    void singleCallsTryThePreferredNodeThenTheOthersAscending() {
        PageAllocator mm = allocator(4, 4, 4);
        List<Integer> nodes = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            nodes.add(PageRef.pageToNid(mm.allocPagesNode(1, 0)));
        }

        assertThat(nodes).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 2, 2);
        assertThat(mm.allocPagesNode(1, 0)).isZero();
    }

    @Test
    void preferredLastNodeFallsBackToNodeZeroFirst() {
        PageAllocator mm = allocator(2, 2, 2);
        List<Integer> nodes = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            nodes.add(PageRef.pageToNid(mm.allocPagesNode(2, 0)));
        }

        assertThat(nodes).containsExactly(2, 2, 0, 0, 1, 1);
    }

    @Test
    void bulkUsesTheSameOrderPagePerPage() {
        PageAllocator mm = allocator(2, 3, 2);
        int[] array = new int[8];

        int filled = mm.allocPagesBulkArray(1, 8, array);

        assertThat(filled).isEqualTo(7);
        List<String> where = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            where.add(PageRef.pageToNid(array[i]) + ":" + PageRef.pageToPfn(array[i]));
        }
        // node 1 (3 pages = 0/1 + 2/0) gives its single page first: smallest order, then lowest address
        assertThat(where).containsExactly("1:2", "1:0", "1:1", "0:0", "0:1", "2:0", "2:1");
        assertThat(array[7]).isZero();
    }

    @Test
    void freedPagesGoBackToTheirOwnNode() {
        PageAllocator mm = allocator(4, 4);
        int fromOne = mm.allocPagesNode(1, 2);

        mm.putPage(fromOne);

        assertThat(mm.freePages(0)).isEqualTo(4);
        assertThat(mm.freePages(1)).isEqualTo(4);
        assertThat(mm.isFreeBlock(1, 0, 2)).isTrue();
    }
}
