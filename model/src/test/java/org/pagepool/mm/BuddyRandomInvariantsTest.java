// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.invariants.Invariants;

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
        check(mm, held, seed, -1);

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
            check(mm, held, seed, step);
        }
        for (int page : held) {
            mm.putPage(page);
        }
        held.clear();
        check(mm, held, seed, Integer.MAX_VALUE);
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

    /** The free lists ({@link Invariants#buddy}) and memory, with the held pages out. */
    private static void check(PageAllocator mm, List<Integer> held, long seed, int step) {
        long heldPages = held.stream().mapToLong(mm.memMap()::pages).sum();
        assertThat(Invariants.first(Invariants.buddy(mm, held), Invariants.memory(mm, heldPages)))
                .as("seed %d step %d", seed, step).isNull();
    }
}
