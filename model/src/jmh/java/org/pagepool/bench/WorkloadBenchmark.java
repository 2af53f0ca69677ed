// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.TimeSlices;

/**
 * Simulated packets of one preset per family, as the headless workload runs
 * them: nanoseconds of wall time per packet (everything the simulator does
 * for it, not only the pool). One family each: XDP_DROP (the fast path),
 * redirect (frames freed on another CPU into the ring), slow sockets (skb
 * lifetimes), clones, many CPUs returning, XDP_TX, and every other shipped
 * preset but two whose packets stop (09 unloads the driver; 10 leaks until
 * memory runs out). A regression in any part of the simulator shows here.
 * {@link #packets} runs them step by step, as the app does; {@link #headless}
 * in slices of time, as {@code workload} does, where a NIC's queues run ahead
 * of each other.
 * Presets are read from {@code pagepool.scenarios} (default
 * {@code ../assets/scenarios}, the model module's view of the repository).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class WorkloadBenchmark {
    private static final int PACKETS = 10_000;
    /** About the steps of one {@link #headless} slice: the workload command's own. */
    private static final long HEADLESS_SLICE_STEPS = 1 << 16;
    /** Past the link coming up and the first fills: the steady state. */
    static final long WARM_NS = 5_000_000;

    @Param({"01-xdp-drop", "02-redirect-ring", "03-cache-full", "04-undersized-ring", "05-slow-socket",
            "06-skb-clone", "07-memory-pressure", "08-irq-numa-move", "11-high-order", "12-many-cpus-return",
            "13-reload-two-pools", "14-tx-bulk", "15-queues-memory", "16-elephant-flow", "17-irq-wrong-node",
            "18-cpumap-fan-in", "19-xdp-drop-16-queues"})
    public String preset;

    private Simulation start;
    private Simulation sim;
    private TimeSlices slices;

    @Setup(Level.Trial)
    public void load() throws PresetFiles.BadPreset, PoolCreateException {
        Path dir = Path.of(System.getProperty("pagepool.scenarios", "../assets/scenarios"));
        Preset p = PresetFiles.load(dir.resolve(preset + PresetFiles.EXTENSION), preset);
        start = p.start(null);
        start.run(Long.MAX_VALUE, WARM_NS, 0);
    }

    /** Every iteration starts from the same warm state, so a preset's later events never run out. */
    @Setup(Level.Iteration)
    public void fresh() {
        sim = start.copy();
        slices = new TimeSlices(HEADLESS_SLICE_STEPS, 1_000_000);
    }

    /** Simulated packets, counted by JMH as operations: {@link #headless} reports packets per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Packets {
        public long packets;

        @Setup(Level.Iteration)
        public void clear() {
            packets = 0;
        }
    }

    /**
     * One slice of a headless run ({@code workload --preset P}): bounded by
     * time alone, the run in which a NIC's queues run ahead of each other.
     * Read the {@code packets} line: simulated packets per wall second.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void headless(Packets counted) {
        long before = sim.packets();
        if (slices.next(sim, Long.MAX_VALUE) == Simulation.IDLE) {
            throw new IllegalStateException(preset + ": nothing happens any more at " + sim.now() + " ns");
        }
        counted.packets += sim.packets() - before;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long packets() {
        if (!runPackets(sim, PACKETS, Long.MAX_VALUE)) {
            throw new IllegalStateException(preset + ": nothing happens any more at " + sim.now() + " ns");
        }
        return sim.packets();
    }

    /**
     * Runs {@code sim} until {@code packets} more packets went through its
     * drivers; false when nothing happens any more or when the wall clock
     * ({@link System#nanoTime}) passes {@code giveUp} first.
     */
    static boolean runPackets(Simulation sim, long packets, long giveUp) {
        long target = sim.packets() + packets;
        while (sim.packets() < target) {
            if (sim.run(4096, Long.MAX_VALUE, 0) == Simulation.IDLE || System.nanoTime() > giveUp) {
                return false;
            }
        }
        return true;
    }
}
