// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pagepool.mm.PageAllocator;
import org.pagepool.trace.Tracer;

/** The buddy allocator alone: one order-k block allocated and freed (split and merge on every op). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BuddyBenchmark {
    @Param({"0", "3"})
    public int order;

    /** Pages per node: 2^24 is the largest node the model allows. */
    @Param({"65536", "16777216"})
    public int nodePages;

    private PageAllocator mm;
    private final int[] bulk = new int[64];

    @Setup(Level.Trial)
    public void setUp() {
        mm = new PageAllocator(new int[] {nodePages}, new Tracer());
        mm.allocPagesNode(0, 0); // keep one page out so the rest is split, as in a running system
    }

    @Benchmark
    public int allocFree() {
        int page = mm.allocPagesNode(0, order);
        mm.putPage(page);
        return page;
    }

    /** alloc_pages_bulk_array of 64 order-0 pages and their put_page; per op = per 64 pages. */
    @Benchmark
    public int bulk64() {
        Arrays.fill(bulk, 0); // NULL slots for the bulk to fill
        int n = mm.allocPagesBulkArray(0, bulk.length, bulk);
        for (int i = 0; i < n; i++) {
            mm.putPage(bulk[i]);
        }
        return n;
    }
}
