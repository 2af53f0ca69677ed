// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.util.function.IntConsumer;

/**
 * One NUMA node's memory: a buddy allocator over page frames 0..size-1, with
 * free lists for orders 0..10 (the spec fixes which block a request takes:
 * the smallest order that will do, then the lowest address). The node's
 * {@code struct page}s are in the {@link MemMap}.
 */
final class NodeMemory {
    final int nid;
    final int size;
    private final BlockSet[] freeArea = new BlockSet[PageAllocator.MAX_ORDER];
    private final int[] nrFree = new int[PageAllocator.MAX_ORDER];
    private long freePages;

    NodeMemory(int nid, int size) {
        this.nid = nid;
        this.size = size;
        for (int order = 0; order < freeArea.length; order++) {
            freeArea[order] = new BlockSet(blocksOf(order));
        }
        int pfn = 0;
        while (pfn < size) {
            int order = PageAllocator.MAX_ORDER - 1;
            while ((pfn & ((1 << order) - 1)) != 0 || pfn + (1 << order) > size) {
                order--;
            }
            addFree(pfn, order);
            pfn += 1 << order;
        }
    }

    private NodeMemory(NodeMemory o) {
        this.nid = o.nid;
        this.size = o.size;
        for (int order = 0; order < freeArea.length; order++) {
            freeArea[order] = o.freeArea[order].copy();
        }
        System.arraycopy(o.nrFree, 0, nrFree, 0, nrFree.length);
        this.freePages = o.freePages;
    }

    /** Bytes the free-list bitmaps take. */
    long footprintBytes() {
        long bytes = 0;
        for (BlockSet area : freeArea) {
            bytes += area.bytes();
        }
        return bytes;
    }

    NodeMemory copy() {
        return new NodeMemory(this);
    }

    private int blocksOf(int order) {
        return (size + (1 << order) - 1) >>> order;
    }

    /** True when some free block has order >= {@code order}. */
    boolean canSatisfy(int order) {
        for (int o = order; o < nrFree.length; o++) {
            if (nrFree[o] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Takes a block of 2^order pages; returns its first pfn or -1 when no block is large enough. */
    int allocBlock(int order) {
        int current = order;
        while (current < nrFree.length && nrFree[current] == 0) {
            current++;
        }
        if (current == nrFree.length) {
            return -1;
        }
        int pfn = freeArea[current].lowest() << current;
        removeFree(pfn, current);
        while (current > order) {
            current--;
            addFree(pfn + (1 << current), current); // keep the lower half
        }
        return pfn;
    }

    /** Frees a block, merging it with its buddy while the buddy is free as a whole block. */
    void freeBlock(int pfn, int order) {
        while (order < PageAllocator.MAX_ORDER - 1) {
            int buddy = pfn ^ (1 << order);
            if (buddy + (1 << order) > size || !freeArea[order].contains(buddy >>> order)) {
                break;
            }
            removeFree(buddy, order);
            pfn &= ~(1 << order);
            order++;
        }
        addFree(pfn, order);
    }

    boolean isFreeBlock(int pfn, int order) {
        return freeArea[order].contains(pfn >>> order);
    }

    private void addFree(int pfn, int order) {
        freeArea[order].add(pfn >>> order);
        nrFree[order]++;
        freePages += 1L << order;
    }

    private void removeFree(int pfn, int order) {
        freeArea[order].remove(pfn >>> order);
        nrFree[order]--;
        freePages -= 1L << order;
    }

    int nrFree(int order) {
        return nrFree[order];
    }

    long freePages() {
        return freePages;
    }

    /** Calls {@code action} with the first pfn of every free block of {@code order}, ascending. */
    void forEachFreeBlock(int order, IntConsumer action) {
        freeArea[order].forEach(index -> action.accept(index << order));
    }
}
