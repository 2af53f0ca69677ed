// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random allocations and frees of random orders on random node layouts; after
 * every step the free lists must describe a fully merged buddy allocator.
 */
class BuddyRandomInvariantsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 20210829, 5_14_0, 99991})
    void freeListsStayConsistentAndFullyMerged(long seed) {
        Random random = new Random(seed);
        int nodeCount = 1 + random.nextInt(3);
        int[] sizes = new int[nodeCount];
        long total = 0;
        for (int nid = 0; nid < nodeCount; nid++) {
            sizes[nid] = random.nextInt(5) == 0 ? random.nextInt(4) : random.nextInt(700);
            total += sizes[nid];
        }
        PageAllocator mm = allocator(sizes);
        MemMap memmap = mm.memMap();
        List<Integer> held = new ArrayList<>();
        check(mm, sizes, held, total, seed, -1);

        for (int step = 0; step < 600; step++) {
            boolean alloc = held.isEmpty() || random.nextInt(100) < 55;
            if (alloc) {
                int order = random.nextInt(5) == 0 ? random.nextInt(PageAllocator.MAX_ORDER) : random.nextInt(3);
                int preferred = random.nextInt(nodeCount);
                int page = mm.allocPagesNode(preferred, order);
                if (page != PageRef.NULL) {
                    assertThat(memmap.compoundOrder(page)).as("seed %d step %d", seed, step).isEqualTo(order);
                    assertThat(PageRef.pageToPfn(page) % (1 << order)).as("seed %d step %d alignment", seed, step)
                            .isZero();
                    held.add(page);
                } else {
                    assertThat(anyNodeHasBlock(mm, nodeCount, order))
                            .as("seed %d step %d: NULL only when no node has a block of order >= %d",
                                    seed, step, order)
                            .isFalse();
                }
            } else {
                int page = held.remove(random.nextInt(held.size()));
                assertThat(mm.putPage(page)).as("seed %d step %d", seed, step).isTrue();
            }
            check(mm, sizes, held, total, seed, step);
        }
        for (int page : held) {
            mm.putPage(page);
        }
        held.clear();
        check(mm, sizes, held, total, seed, Integer.MAX_VALUE);
        assertThat(mm.freePages()).as("seed %d: everything back", seed).isEqualTo(total);
    }

    private static boolean anyNodeHasBlock(PageAllocator mm, int nodeCount, int order) {
        for (int nid = 0; nid < nodeCount; nid++) {
            int[] info = mm.buddyinfo(nid);
            for (int o = order; o < info.length; o++) {
                if (info[o] > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void check(PageAllocator mm, int[] sizes, List<Integer> held, long total, long seed, int step) {
        MemMap memmap = mm.memMap();
        long freeAll = 0;
        for (int nid = 0; nid < sizes.length; nid++) {
            int size = sizes[nid];
            BitSet used = new BitSet(size);
            int[] info = mm.buddyinfo(nid);
            long fromInfo = 0;
            for (int order = 0; order < PageAllocator.MAX_ORDER; order++) {
                fromInfo += (long) info[order] << order;
                int o = order;
                int n = nid;
                int[] seen = {0};
                mm.forEachFreeBlock(nid, order, pfn -> {
                    seen[0]++;
                    String where = String.format("seed %d step %d node %d block %d/%d", seed, step, n, pfn, o);
                    assertThat(pfn % (1 << o)).as(where + " aligned").isZero();
                    assertThat(pfn + (1 << o)).as(where + " inside the node").isLessThanOrEqualTo(size);
                    assertThat(used.get(pfn, pfn + (1 << o)).isEmpty()).as(where + " overlaps").isTrue();
                    used.set(pfn, pfn + (1 << o));
                    assertThat(mm.isFreeBlock(n, pfn, o)).as(where).isTrue();
                    int buddy = pfn ^ (1 << o);
                    if (o < PageAllocator.MAX_ORDER - 1 && buddy + (1 << o) <= size) {
                        assertThat(mm.isFreeBlock(n, buddy, o)).as(where + " has a free buddy: not merged").isFalse();
                    }
                });
                assertThat(seen[0]).as("seed %d step %d node %d order %d count", seed, step, nid, order)
                        .isEqualTo(info[order]);
            }
            assertThat(fromInfo).as("seed %d step %d node %d: sum c_i*2^i", seed, step, nid)
                    .isEqualTo(mm.freePages(nid));
            for (int page : held) {
                if (PageRef.pageToNid(page) == nid) {
                    int pfn = PageRef.pageToPfn(page);
                    assertThat(used.get(pfn, pfn + memmap.pages(page)).isEmpty())
                            .as("seed %d step %d: held %s overlaps a free block", seed, step, memmap.describe(page))
                            .isTrue();
                    used.set(pfn, pfn + memmap.pages(page));
                }
            }
            freeAll += mm.freePages(nid);
        }
        long heldPages = held.stream().mapToLong(memmap::pages).sum();
        assertThat(mm.freePages()).as("seed %d step %d: free over all nodes", seed, step).isEqualTo(freeAll);
        assertThat(heldPages + freeAll).as("seed %d step %d: allocated + free = total", seed, step).isEqualTo(total);
    }
}
