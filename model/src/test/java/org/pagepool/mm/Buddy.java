// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.trace.Tracer;

/** Small helpers shared by the page allocator tests. */
final class Buddy {
    private Buddy() {
    }

    static PageAllocator allocator(int... nodePages) {
        return new PageAllocator(nodePages, new Tracer());
    }

    /** The buddyinfo row we expect, given as (order, count) pairs; every other order is 0. */
    static int[] counts(int... orderCountPairs) {
        int[] counts = new int[PageAllocator.MAX_ORDER];
        for (int i = 0; i < orderCountPairs.length; i += 2) {
            counts[orderCountPairs[i]] = orderCountPairs[i + 1];
        }
        return counts;
    }

    /** Every free block of one node as "pfn/order", ascending by order then pfn. */
    static List<String> freeBlocks(PageAllocator mm, int nid) {
        List<String> blocks = new ArrayList<>();
        for (int order = 0; order < PageAllocator.MAX_ORDER; order++) {
            int o = order;
            mm.forEachFreeBlock(nid, order, pfn -> blocks.add(pfn + "/" + o));
        }
        return blocks;
    }
}
