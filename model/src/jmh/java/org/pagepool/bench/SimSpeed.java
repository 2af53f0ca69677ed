// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The simulator's cost per packet in this thread's CPU time, for comparing
 * two builds on a shared machine where wall time (JMH's) moves by a third
 * between runs: CPU time leaves out the time the thread waits for a CPU.
 * The same work as {@link WorkloadBenchmark}: blocks of {@value #PACKETS}
 * packets, each from a fresh copy of the preset's warm state. After the
 * warm-up, it prints the fastest block and the median block per preset.
 * With {@code --span}, a block is instead a span of simulated time, run
 * bounded by time alone as a headless run is, so that the queues of a NIC
 * run ahead of each other as they do there (blocks of packets never do).
 * {@code tools/sim-speed.sh} runs it per preset in a JVM of its own,
 * alternating two builds.
 */
@Command(name = "SimSpeed", mixinStandardHelpOptions = true,
        description = "Thread CPU ns per simulated packet of each preset: the fastest and the median block.")
public final class SimSpeed implements Callable<Integer> {
    private static final int PACKETS = 20_000;
    /** A block takes milliseconds; one that takes this long has stopped receiving packets (10 leaks its pages). */
    private static final long STUCK_NS = 10_000_000_000L;

    @Option(names = "--seconds", description = "measured seconds per preset (default ${DEFAULT-VALUE})",
            defaultValue = "3")
    private double seconds;

    @Option(names = "--warmup", description = "seconds of blocks not counted first (default ${DEFAULT-VALUE})",
            defaultValue = "2")
    private double warmup;

    @Option(names = "--warm", description = "simulated ns run before the blocks, from which each starts"
            + " (default: " + WorkloadBenchmark.WARM_NS + ", past the first fills; longer for lifetimes of"
            + " 100 ms)", defaultValue = "" + WorkloadBenchmark.WARM_NS)
    private long warmNs;

    @Option(names = "--span", description = "blocks of this many simulated ns, run bounded by time alone,"
            + " instead of blocks of " + PACKETS + " packets (default: packets)", defaultValue = "0")
    private long spanNs;

    @Parameters(paramLabel = "PRESET", arity = "1..*", description = "the .workload files")
    private List<String> presets;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimSpeed()).execute(args));
    }

    @Override
    public Integer call() {
        if (!(seconds > 0) || !(warmup >= 0) || spanNs < 0 || warmNs < 0) {
            System.err.println("error: --seconds must be above 0, --warmup, --warm and --span at least 0");
            return 2;
        }
        for (String file : presets) {
            Simulation start;
            try {
                Preset p = PresetFiles.load(file);
                start = p.start(null);
            } catch (PresetFiles.BadPreset e) {
                System.err.println("error: " + e.located());
                return 2;
            } catch (PoolCreateException e) {
                System.err.println("error: " + file + ": the preset's pool cannot be created: " + e.getMessage());
                return 2;
            }
            start.run(Long.MAX_VALUE, warmNs, 0);
            double[] blocks = measure(start);
            if (blocks == null) {
                System.err.println("error: " + file + ": its packets stop coming: no block can be measured");
                return 1;
            }
            if (blocks.length == 0) {
                System.err.println("error: " + file + (spanNs > 0 ? ": no packet comes in " + spanNs
                        + " simulated ns from the warm state (a longer span: --span, tools/sim-speed.sh -t?)"
                        : ": no block finished in " + seconds + " s"));
                return 1;
            }
            System.out.printf("%s min %.1f median %.1f blocks %d%n", Path.of(file).getFileName(), blocks[0],
                    blocks[blocks.length / 2], blocks.length);
        }
        return 0;
    }

    /** ns of CPU time per packet of each block after the warm-up, sorted; null when the packets stop. */
    private double[] measure(Simulation start) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        double[] ns = new double[64];
        int n = 0;
        while (System.nanoTime() < end) {
            Simulation sim = start.copy();
            long packets = sim.packets();
            long cpu = threads.getCurrentThreadCpuTime();
            if (spanNs > 0) {
                sim.run(Long.MAX_VALUE, sim.now() + spanNs, 0);
            } else if (!WorkloadBenchmark.runPackets(sim, PACKETS, System.nanoTime() + STUCK_NS)) {
                return null;
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            packets = sim.packets() - packets;
            if (packets == 0) {
                continue; // a span in a quiet spell: nothing to divide by
            }
            if (System.nanoTime() > measureFrom) {
                if (n == ns.length) {
                    ns = Arrays.copyOf(ns, 2 * n);
                }
                ns[n++] = cpu / (double) packets;
            }
        }
        double[] sorted = Arrays.copyOf(ns, n);
        Arrays.sort(sorted);
        return sorted;
    }
}
