// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sockets' skbs on their own, in ns per skb queued and taken out in the
 * steady state: the wheel ({@link SkbWheel}) against the radix heap alone
 * ({@link SkbHeap}), which held them all before. One skb is queued every
 * {@code gapNs}, with lognormal lifetimes of median {@code lifetimeNs}, and
 * every skb due by then is taken out first, as the simulation frees them.
 * 200 us at one a microsecond is the slow-socket preset (05); lifetimes of
 * 100 ms (13's, at one every 4 us: {@code -p gapNs=4000}) are all beyond the
 * wheel's horizon, where it costs a little more than the heap alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SkbQueueBenchmark {
    private static final int LIFETIMES = 1 << 16;

    @Param({"200000", "100000000"})
    public long lifetimeNs;

    @Param({"1.0"})
    public double sigma;

    @Param({"1000"})
    public long gapNs;

    private final long[] lifetimes = new long[LIFETIMES];
    private SkbWheel wheel;
    private SkbHeap heap;
    /** Each structure's own clock and count of skbs queued. */
    private long wheelNow;
    private long wheelSeq;
    private long heapNow;
    private long heapSeq;

    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < LIFETIMES; i++) {
            lifetimes[i] = (long) (lifetimeNs * Math.exp(sigma * random.nextGaussian()));
        }
        wheel = new SkbWheel();
        heap = new SkbHeap();
        // the steady state: as many skbs queued as there are in flight, and more
        for (int i = 0; i < 4 * LIFETIMES; i++) {
            wheelSkb();
            heapSkb();
        }
    }

    @Benchmark
    public long wheelSkb() {
        long t = wheelNow += gapNs;
        long sum = 0;
        while (wheel.size() > 0 && wheel.nextTime() <= t) {
            sum += wheel.topData();
            wheel.removeTop();
        }
        int i = (int) wheelSeq++;
        wheel.add(t + lifetimes[i & (LIFETIMES - 1)], i, 0, SkbWheel.SKB);
        return sum;
    }

    @Benchmark
    public long heapSkb() {
        long t = heapNow += gapNs;
        long sum = 0;
        while (heap.size() > 0 && heap.nextTime() <= t) {
            sum += heap.topData();
            heap.removeTop();
        }
        long i = heapSeq++;
        heap.add(t + lifetimes[(int) i & (LIFETIMES - 1)], i, i);
        return sum;
    }
}
