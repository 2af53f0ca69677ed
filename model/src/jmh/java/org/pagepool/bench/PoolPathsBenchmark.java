// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 *
 * <p>Two shapes: one op per JMH invocation (fastPath, ringPath, ...), and the
 * shape of the C reference (model/src/jmh/c/bench_pool.c), a plain loop of
 * {@link #BATCH} ops per invocation that adds every page to a sink
 * (fastPathLoop, ringPathLoop, pageAllocatorPathLoop). C's sink is a
 * {@code volatile unsigned long}: a compiler barrier, a load and a store per
 * op, no fence; opaque VarHandle accesses are the same in Java.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PoolPathsBenchmark {
    /** Ops per invocation of the loop shape, as C's batch in measure(). */
    static final int BATCH = 1 << 16;

    private static final VarHandle SINK;

    static {
        try {
            SINK = MethodHandles.lookup().findVarHandle(PoolPathsBenchmark.class, "sink", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Kernel kernel;
    private PagePool pool;
    /** C's {@code sink}: read and written per op with opaque accesses (as C's volatile), returned per batch. */
    private long sink;

    /** {@code sink += page} the way C's volatile does it. */
    private void sinkAdd(int page) {
        SINK.setOpaque(this, (long) SINK.getOpaque(this) + page);
    }

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

    /** fast_path() of bench_pool.c: BATCH allocs + recycle_direct in one loop. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long fastPathLoop() {
        return recycleDirectLoop(pool);
    }

    private long recycleDirectLoop(PagePool p) {
        for (int i = 0; i < BATCH; i++) {
            int page = p.allocPages();
            p.recycleDirect(page);
            sinkAdd(page);
        }
        return sink;
    }

    /** ring_path() of bench_pool.c: BATCH allocs + put_full_page in one loop. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ringPathLoop() {
        PagePool p = pool;
        for (int i = 0; i < BATCH; i++) {
            int page = p.allocPages();
            p.putFullPage(page, false);
            sinkAdd(page);
        }
        return sink;
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

    /** fast_path() of bench_pool.c on the pressure pool: every put frees to the page allocator. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long pageAllocatorPathLoop(Pressure pressure) {
        return recycleDirectLoop(pressure.pool);
    }
}
