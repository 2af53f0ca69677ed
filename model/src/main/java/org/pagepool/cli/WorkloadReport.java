// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.pagepool.pool.PagePool;
import org.pagepool.workload.Preset;
import org.pagepool.workload.QueueStats;
import org.pagepool.workload.Simulation;

/** The summary a workload run prints: counters under their kernel names, both rates, and why it stopped. */
final class WorkloadReport {
    private WorkloadReport() {
    }

    static void print(Preset preset, Simulation sim, double wallSeconds, String stopped, PrintStream out) {
        print(preset, sim, wallSeconds, stopped, false, out);
    }

    /**
     * The summary; a NIC of several queues also gets a line per queue and their
     * total, or, with {@code ethtool}, every queue's counters as {@code ethtool -S}
     * names them on real drivers ({@code rx3_pp_alloc_fast}, {@code rx_pp_alloc_fast} for the sum).
     */
    static void print(Preset preset, Simulation sim, double wallSeconds, String stopped, boolean ethtool,
                      PrintStream out) {
        double simSeconds = sim.now() / 1e9;
        out.printf(Locale.ROOT, "preset: %s (%s), seed %d%n", preset.title(), preset.name(), sim.seed());
        for (PagePool pool : sim.pools()) {
            out.printf(Locale.ROOT, "pool %d (%s): %s%n", pool.id(), pool.state().word(), pool.stats().format());
            out.printf(Locale.ROOT, "pool %d state: cache=%d ring=%d hold=%d release=%d inflight=%d users=%d%n",
                    pool.id(), pool.allocCount(), pool.ring().count(), Integer.toUnsignedLong(pool.holdCount()),
                    Integer.toUnsignedLong(pool.releaseCount()), pool.inflightCount(),
                    Integer.toUnsignedLong(pool.users()));
        }
        out.println("nic: " + sim.nicStats().format());
        List<QueueStats> queues = QueueStats.of(sim);
        if (ethtool) {
            QueueStats.ethtool(sim).forEach(out::println);
        } else if (queues.size() > 1) {
            queues.forEach(q -> out.println(q.line()));
            out.println(QueueStats.total(queues).line());
        }
        out.println("stack: " + sim.stackStats().format());
        out.printf(Locale.ROOT, "memory: free=%d mapped=%d syncs=%d jiffies=%d%n", sim.kernel().mm().freePages(),
                sim.kernel().dma().mapped(), sim.kernel().dma().syncs(), sim.kernel().jiffies().now());
        out.printf(Locale.ROOT, "simulated: %.6f s, %d packets, %.3f Mpps%n", simSeconds, sim.packets(),
                simSeconds > 0 ? sim.packets() / simSeconds / 1e6 : 0.0);
        out.printf(Locale.ROOT, "wall clock: %.3f s, %.3f M packets per wall second%s%n", wallSeconds,
                wallSeconds > 0 ? sim.packets() / wallSeconds / 1e6 : 0.0,
                sim.queueThreads() > 1 ? ", the queues on " + sim.queueThreads() + " threads" : "");
        out.println(stopped);
        for (String line : sim.kernel().log().recent()) {
            out.println("! " + line);
        }
    }

    /**
     * Why the run stopped, e.g. "stopped at the preset's duration (130 s) after 99,995 of the 100,000 packets asked
     * for".
     */
    static String stopped(WorkloadRun.Stop stop, Simulation sim, WorkloadRun.Limits limits) {
        String at = seconds(sim.now()) + " s";
        String why = switch (stop) {
            case PACKETS -> "stopped after the " + count(limits.packets()) + " packets asked for";
            case SECONDS -> "stopped at the " + seconds(limits.secondsNs()) + " s asked for";
            case DURATION -> "stopped at the preset's duration (" + seconds(limits.durationNs()) + " s)";
            case IDLE -> "stopped at " + at + ": nothing can happen any more (no traffic, timer or socket is left)";
            case INTERRUPTED -> "stopped when interrupted, at " + at;
            case LOW_HEAP -> "stopped at " + at + " because the Java heap is nearly full";
            case OUT_OF_HEAP -> "stopped at " + at + " because the Java heap ran out";
        };
        if (stop != WorkloadRun.Stop.PACKETS && limits.packets() > 0) {
            why += " after " + count(sim.packets()) + " of the " + count(limits.packets()) + " packets asked for";
        }
        return why;
    }

    /** Simulated ns as seconds, as short as exact: 130, 0.05, 0.000000001. */
    static String seconds(long ns) {
        return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
