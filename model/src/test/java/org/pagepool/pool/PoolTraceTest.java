// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.FunctionEnter;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.KernelMessage;
import org.pagepool.trace.PageMove;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceEvent;
import org.pagepool.trace.TraceObserver;

/** What an attached observer sees: kernel functions entered, page moves with handles, kernel messages. */
class PoolTraceTest {

    private final Kernel kernel = kernel(256);
    private final MemMap memmap = kernel.mm().memMap();
    private final List<TraceEvent> events = new ArrayList<>();
    private final TraceObserver observer = TraceObserver.records(events::add);

    private List<PageMove> moves() {
        return events.stream().filter(PageMove.class::isInstance).map(PageMove.class::cast).toList();
    }

    private List<KernelFunction> functions() {
        return events.stream().filter(FunctionEnter.class::isInstance)
                .map(e -> ((FunctionEnter) e).function()).toList();
    }

    @Test
    void fastPathAllocIsTwoFunctionsAndOneMove() {
        PagePool pool = create(kernel);
        pool.allocPages();
        kernel.tracer().attach(observer);

        int page = pool.allocPages();

        assertThat(events).containsExactly(
                KernelFunction.PAGE_POOL_ALLOC_PAGES.entered(),
                KernelFunction.PAGE_POOL_GET_CACHED.entered(),
                new PageMove(pool.id(), 63, 0, 62, 0, Place.ALLOC_CACHE, Place.DRIVER));
        assertThat(memmap.handle(page)).isEqualTo(63);
    }

    @Test
    void returnSkbPageIsEnteredAlsoWhenThePageIsNoPoolPage() {
        int ordinary = kernel.mm().allocPagesNode(0, 0);
        kernel.tracer().attach(observer);

        assertThat(PagePool.returnSkbPage(kernel, ordinary)).isFalse();

        assertThat(functions()).containsExactly(KernelFunction.PAGE_POOL_RETURN_SKB_PAGE);
    }

    @Test
    void slowPathMovesEachBulkPageIntoTheCacheWithItsHandleThenTheLastToTheDriver() {
        PagePool pool = create(kernel);
        kernel.tracer().attach(observer);

        pool.allocPages();

        List<PageMove> moves = moves();
        assertThat(moves).hasSize(65);
        for (int i = 0; i < 64; i++) {
            assertThat(moves.get(i)).isEqualTo(new PageMove(pool.id(), i + 1, 0, i, 0, Place.BUDDY,
                    Place.ALLOC_CACHE));
        }
        assertThat(moves.get(64)).isEqualTo(new PageMove(pool.id(), 64, 0, 63, 0, Place.ALLOC_CACHE,
                Place.DRIVER));
        assertThat(functions()).containsSubsequence(
                KernelFunction.PAGE_POOL_ALLOC_PAGES,
                KernelFunction.PAGE_POOL_GET_CACHED,
                KernelFunction.PAGE_POOL_REFILL_ALLOC_CACHE,
                KernelFunction.PAGE_POOL_ALLOC_PAGES_SLOW,
                KernelFunction.ALLOC_PAGES_BULK_ARRAY);
    }

    @Test
    void ringFullPutDetachesThenFreesThePage() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withPoolSize(1));
        List<Integer> pages = alloc(pool, 2);
        pool.putFullPage(pages.get(0), false);
        int page = pages.get(1);
        int handle = memmap.handle(page);
        int pfn = PageRef.pageToPfn(page);
        kernel.tracer().attach(observer);

        pool.putFullPage(page, false);

        // DRIVER -> DETACHED (page_pool_release_page) -> BUDDY (put_page): never PTR_RING
        assertThat(moves()).containsExactly(
                new PageMove(pool.id(), handle, 0, pfn, 0, Place.DRIVER, Place.DETACHED),
                new PageMove(pool.id(), handle, 0, pfn, 0, Place.DETACHED, Place.BUDDY));
        assertThat(functions()).containsExactly(
                KernelFunction.PAGE_POOL_PUT_PAGE,
                KernelFunction.PAGE_POOL_PUT_PAGE_INTERNAL,
                KernelFunction.PAGE_POOL_RECYCLE_IN_RING,
                KernelFunction.PAGE_POOL_RETURN_PAGE,
                KernelFunction.PAGE_POOL_RELEASE_PAGE,
                KernelFunction.PUT_PAGE);
    }

    @Test
    void ringRoundTripIsDriverRingCacheDriver() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withPoolSize(64));
        List<Integer> pages = alloc(pool, 64);
        int page = pages.get(0);
        kernel.tracer().attach(observer);

        pool.putFullPage(page, false);
        pool.allocPages();

        int h = memmap.handle(page);
        assertThat(moves()).containsExactly(
                new PageMove(pool.id(), h, 0, PageRef.pageToPfn(page), 0, Place.DRIVER, Place.PTR_RING),
                new PageMove(pool.id(), h, 0, PageRef.pageToPfn(page), 0, Place.PTR_RING, Place.ALLOC_CACHE),
                new PageMove(pool.id(), h, 0, PageRef.pageToPfn(page), 0, Place.ALLOC_CACHE, Place.DRIVER));
    }

    @Test
    void highOrderPageGoesStraightToTheDriver() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withOrder(3));
        kernel.tracer().attach(observer);

        pool.allocPages();

        assertThat(moves()).containsExactly(new PageMove(pool.id(), 1, 0, 0, 3, Place.BUDDY, Place.DRIVER));
    }

    @Test
    void createFailureIsAKernelMessageEvent() throws Exception {
        kernel.tracer().attach(observer);

        try {
            PagePool.create(kernel, PagePoolParams.defaults().withFlags(8));
        } catch (PoolCreateException expected) {
            // the message is what this test is about
        }

        assertThat(events).contains(new KernelMessage("page_pool_create() gave up with errno -22"));
        assertThat(functions()).containsExactly(KernelFunction.PAGE_POOL_CREATE, KernelFunction.PAGE_POOL_INIT);
    }

    @Test
    void detachedObserverHearsNothing() {
        PagePool pool = create(kernel);
        kernel.tracer().attach(observer);
        kernel.tracer().detach(observer);

        pool.allocPages();

        assertThat(events).isEmpty();
        assertThat(kernel.tracer().enabled()).isFalse();
    }
}
