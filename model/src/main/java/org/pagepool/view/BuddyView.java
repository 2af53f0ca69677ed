// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.Arrays;
import org.pagepool.mm.PageAllocator;

/**
 * The page allocator at one moment, as {@code /proc/buddyinfo} shows it:
 * free blocks per order per node, plus each node's size. Immutable.
 */
public record BuddyView(long[] nodePages, long[] freePages, int[][] freeBlocks) {

    public BuddyView {
        nodePages = nodePages.clone();
        freePages = freePages.clone();
        int[][] copy = new int[freeBlocks.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = freeBlocks[i].clone();
        }
        freeBlocks = copy;
    }

    @Override
    public long[] nodePages() {
        return nodePages.clone();
    }

    @Override
    public long[] freePages() {
        return freePages.clone();
    }

    /** Free blocks per node (rows) and order (columns), copied. */
    @Override
    public int[][] freeBlocks() {
        int[][] copy = new int[freeBlocks.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = freeBlocks[i].clone();
        }
        return copy;
    }

    public int nodes() {
        return nodePages.length;
    }

    public long nodePages(int nid) {
        return nodePages[nid];
    }

    public long freePages(int nid) {
        return freePages[nid];
    }

    /** Free blocks of {@code order} on node {@code nid}. */
    public int freeBlocks(int nid, int order) {
        return freeBlocks[nid][order];
    }

    public long totalFree() {
        long sum = 0;
        for (long f : freePages) {
            sum += f;
        }
        return sum;
    }

    public static BuddyView of(PageAllocator mm) {
        int n = mm.nodeCount();
        long[] size = new long[n];
        long[] free = new long[n];
        int[][] blocks = new int[n][];
        for (int nid = 0; nid < n; nid++) {
            size[nid] = mm.nodePages(nid);
            free[nid] = mm.freePages(nid);
            blocks[nid] = mm.buddyinfo(nid);
        }
        return new BuddyView(size, free, blocks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuddyView b && Arrays.equals(nodePages, b.nodePages)
                && Arrays.equals(freePages, b.freePages) && Arrays.deepEquals(freeBlocks, b.freeBlocks);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(freePages);
    }
}
