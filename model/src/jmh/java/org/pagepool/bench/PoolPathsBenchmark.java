// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.pagepool.kernel.Kernel;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * The pool's three paths, through the same PagePool methods the golden
 * traces exercise: one benchmark operation is one alloc + one put.
 * Compare with the kernel's own numbers (bench_page_pool_simple): fast path
 * 5.4 ns, ring 15.1 ns, page allocator inside page_pool 66.1 ns on a 3.6 GHz Xeon.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PoolPathsBenchmark {
    private Kernel kernel;
    private PagePool pool;

    @Setup(Level.Trial)
    public void setUp() throws PoolCreateException {
        kernel = new Kernel(new int[] {1 << 16});
        pool = PagePool.create(kernel, PagePoolParams.defaults());
    }

    /** alloc from the cache + page_pool_recycle_direct() back into it. */
    @Benchmark
    public int fastPath() {
        int page = pool.allocPages();
        pool.recycleDirect(page);
        return page;
    }

    /** alloc + page_pool_put_full_page(..., false): into the ptr_ring, back by refills of 64. */
    @Benchmark
    public int ringPath() {
        int page = pool.allocPages();
        pool.putFullPage(page, false);
        return page;
    }

    /** The fast path with an observer attached that receives (and discards) every event, field by field. */
    @State(Scope.Thread)
    public static class Observed {
        PagePool pool;

        @Setup(Level.Trial)
        public void setUp(Blackhole hole) throws PoolCreateException {
            Kernel kernel = new Kernel(new int[] {1 << 16});
            kernel.tracer().attach(new TraceObserver() {
                @Override
                public void entered(KernelFunction function) {
                    hole.consume(function);
                }

                @Override
                public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
                    hole.consume(pool ^ handle ^ nid ^ pfn ^ order);
                    hole.consume(from);
                    hole.consume(to);
                }
            });
            pool = PagePool.create(kernel, PagePoolParams.defaults());
        }
    }

    @Benchmark
    public int fastPathObserved(Observed observed) {
        int page = observed.pool.allocPages();
        observed.pool.recycleDirect(page);
        return page;
    }

    /** Memory pressure: every page is pfmemalloc, so every put releases it to the page allocator. */
    @State(Scope.Thread)
    public static class Pressure {
        PagePool pool;

        @Setup(Level.Trial)
        public void setUp() throws PoolCreateException {
            Kernel kernel = new Kernel(new int[] {1 << 16});
            kernel.mm().setPressure(true);
            pool = PagePool.create(kernel, PagePoolParams.defaults());
        }
    }

    @Benchmark
    public int pageAllocatorPath(Pressure pressure) {
        int page = pressure.pool.allocPages();
        pressure.pool.recycleDirect(page);
        return page;
    }
}
