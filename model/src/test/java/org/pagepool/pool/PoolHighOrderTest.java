// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/** order > 0: one alloc_pages_node() per block, no bulk, nothing put in the cache (golden 10). */
class PoolHighOrderTest {

    private final Kernel kernel = kernel(100);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel, PagePoolParams.defaults().withOrder(2)
            .withFlags(PagePool.PP_FLAG_ALL).withMaxLen(16384));
    private final List<KernelFunction> calls = new ArrayList<>();

    private void recordCalls() {
        kernel.tracer().attach(new TraceObserver() {
            @Override
            public void entered(KernelFunction function) {
                calls.add(function);
            }
        });
    }

    @Test
    void eachAllocationIsOneAllocatorCallForOneBlock() {
        recordCalls();

        List<Integer> pages = alloc(pool, 3);

        assertThat(pages).extracting(memmap::handle).containsExactly(1, 2, 3);
        assertThat(pages).extracting(PageRef::pageToPfn).containsExactly(96, 64, 68);
        assertThat(pages).allSatisfy(page -> {
            assertThat(memmap.compoundOrder(page)).isEqualTo(2);
            assertThat(memmap.pages(page)).isEqualTo(4);
            assertThat(memmap.place(page)).isEqualTo(Place.DRIVER);
        });
        assertThat(pool.allocCount()).isZero();
        assertThat(kernel.mm().freePages()).isEqualTo(88);
        assertThat(kernel.dma().mapped()).isEqualTo(3);
        assertThat(kernel.dma().syncs()).isEqualTo(3);
        assertThat(calls).filteredOn(f -> f == KernelFunction.ALLOC_PAGES_NODE).hasSize(3);
        assertThat(calls).doesNotContain(KernelFunction.ALLOC_PAGES_BULK_ARRAY);
        assertThat(pool.stats().format()).isEqualTo(counters("slow_high_order=3 empty=3"));
    }

    @Test
    void recycledBlocksComeBackFromTheCacheWithoutAnAllocatorCall() {
        List<Integer> pages = alloc(pool, 3);
        pool.recycleDirect(pages.get(2));
        recordCalls();

        assertThat(pool.allocPages()).isEqualTo(pages.get(2));

        assertThat(calls).doesNotContain(KernelFunction.ALLOC_PAGES_NODE);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=1 slow_high_order=3 empty=3 cached=1"));
    }

    @Test
    void failedAllocatorCallsGiveNullAndCountOnlyEmpty() {
        alloc(pool, 3);
        kernel.mm().failNextAllocCalls(2);

        assertThat(pool.allocPages()).isZero();
        assertThat(pool.allocPages()).isZero();
        int page = pool.allocPages();

        assertThat(memmap.handle(page)).isEqualTo(4);
        assertThat(PageRef.pageToPfn(page)).isEqualTo(72);
        assertThat(pool.stats().format()).isEqualTo(counters("slow_high_order=4 empty=6"));
    }

    @Test
    void dmaMapFailureGivesTheBlockBackAndUsesNoHandle() {
        alloc(pool, 4); // 96, 64, 68, 72: 76..79 left free by the last split
        long free = kernel.mm().freePages();
        kernel.dma().failNextMaps(1);

        assertThat(pool.allocPages()).isZero();

        assertThat(pool.holdCount()).isEqualTo(4);
        assertThat(kernel.mm().freePages()).isEqualTo(free);
        assertThat(kernel.mm().isFreeBlock(0, 76, 2)).isTrue();
        assertThat(kernel.dma().mapped()).isEqualTo(4);
        assertThat(pool.stats().format()).isEqualTo(counters("slow_high_order=4 empty=5"));

        int next = pool.allocPages();
        assertThat(memmap.handle(next)).as("the failed block used no handle").isEqualTo(5);
        assertThat(PageRef.pageToPfn(next)).isEqualTo(76);
    }

    @Test
    void exhaustionGivesNull() {
        List<Integer> pages = alloc(pool, 25); // 100 pages = 25 blocks of 4

        assertThat(kernel.mm().freePages()).isZero();
        assertThat(pool.allocPages()).isZero();
        assertThat(memmap.handle(pages.get(24))).isEqualTo(25);
    }

    @Test
    void highOrderBlockPrefersThePoolsNidThenTheCpusNode() {
        Kernel twoNodes = kernel(16, 16);
        PagePool onNode1 = create(twoNodes, PagePoolParams.defaults().withOrder(2).withNid(1));
        PagePool anyNode = create(twoNodes, PagePoolParams.defaults().withOrder(2));

        assertThat(PageRef.pageToNid(onNode1.allocPages())).as("the pool's nid, CPU on 0").isEqualTo(1);
        twoNodes.setCpuNode(1);
        assertThat(PageRef.pageToNid(anyNode.allocPages())).as("NUMA_NO_NODE: the CPU's node").isEqualTo(1);
        twoNodes.setCpuNode(0);
        assertThat(PageRef.pageToNid(anyNode.allocPages())).isZero();
    }

    @Test
    void releasedBlockGoesBackWhole() {
        int page = pool.allocPages();

        pool.releasePage(page);
        kernel.mm().putPage(page);

        assertThat(kernel.mm().freePages()).isEqualTo(100);
        assertThat(kernel.mm().isFreeBlock(0, 96, 2)).isTrue();
        assertThat(kernel.dma().mapped()).isZero();
    }
}
