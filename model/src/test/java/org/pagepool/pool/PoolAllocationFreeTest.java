// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * The pool's paths allocate nothing per page, even with an observer that
 * takes every event: pages are ints and events arrive as primitive
 * arguments. Counts bytes the thread allocated (not time): an object per
 * page or per event would be tens of bytes per operation.
 */
class PoolAllocationFreeTest {
    private static final int WARM_UP = 50_000;
    private static final int OPS = 200_000;

    private long sink;

    private static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    private void cycle(PagePool pool, int ops) {
        for (int i = 0; i < ops; i++) {
            int page = pool.allocPages();
            pool.recycleDirect(page); // the fast path
            page = pool.allocPages();
            pool.putFullPage(page, false); // the ring path
        }
    }

    @Test
    void theFastAndRingPathsWithAnObserverAllocateLessThanAByteAnOperation() throws Exception {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(ThreadMXBean.class);
        Kernel kernel = new Kernel(new int[] {1 << 16});
        kernel.tracer().attach(new TraceObserver() {
            @Override
            public void entered(KernelFunction function) {
                sink += function.ordinal();
            }

            @Override
            public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
                sink += handle + pfn + to.ordinal();
            }
        });
        PagePool pool = PagePool.create(kernel, PagePoolParams.defaults());
        cycle(pool, WARM_UP);

        long before = allocatedBytes();
        cycle(pool, OPS);
        long bytes = allocatedBytes() - before;

        assertThat(bytes).as("bytes allocated by %d operations (the observer saw %d)", OPS, sink)
                .isLessThan(OPS);
    }
}
