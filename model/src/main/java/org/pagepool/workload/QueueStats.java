// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.CounterLine;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolStatsSnapshot;

/**
 * One RX queue's counters at a moment: its NIC and driver counters and its
 * pools' counters (summed over the queue's pools not yet freed, as
 * {@code page_pool_get_stats()} names them), for a report per queue and
 * {@code ethtool -S} lines under the names real drivers
 * use, so that the model can be put beside a real machine: mlx5's
 * {@code rx0_pp_alloc_fast} ... per queue and {@code rx_pp_alloc_fast} ...
 * for the sum. Immutable.
 *
 * @param queue  the queue (0..), or {@link #TOTAL} for the sum over the queues
 * @param irqCpu the CPU its interrupt and NAPI run on (-1 for the sum)
 */
public record QueueStats(int queue, int irqCpu, NicStats nic, PoolStatsSnapshot pools, long inflight) {
    /** {@link #queue} of the sum over every queue. */
    public static final int TOTAL = -1;

    /**
     * The {@code ethtool -S} names of the pool counters, in
     * {@link PoolStatsSnapshot#NAMES} order, without their {@code rx} /
     * {@code rxN} prefix (mlx5's; the generic page_pool helper shortens
     * {@code slow_high_order} to {@code slow_ho}).
     */
    public static final List<String> ETHTOOL_POOL = List.of("pp_alloc_fast", "pp_alloc_slow",
            "pp_alloc_slow_high_order", "pp_alloc_empty", "pp_alloc_refill", "pp_alloc_waive", "pp_recycle_cached",
            "pp_recycle_cache_full", "pp_recycle_ring", "pp_recycle_ring_full", "pp_recycle_released_ref");

    /**
     * The {@code ethtool -S} names (mlx5's, after the {@code rx} / {@code rxN}
     * prefix) of the NIC counters a real driver has, by {@link NicStats#NAMES}
     * index; null for the model's own (NAPI polls, XDP_PASS, completions,
     * leaks, reloads), which {@link #ethtool} leaves out.
     */
    private static final String[] ETHTOOL_NIC = {"packets", "out_of_buffer", null, "xdp_drop", "xdp_tx_xmit",
        "xdp_redirect", null, null, "xdp_tx_full", null, "buff_alloc_err", null};

    /** The names of {@link #values}: queue, CPU, every NIC and pool counter, inflight (the CSV: {@link CounterCsv}). */
    public static List<String> names() {
        List<String> columns = new ArrayList<>(List.of("queue", "irq_cpu"));
        columns.addAll(NicStats.NAMES);
        columns.addAll(PoolStatsSnapshot.NAMES);
        columns.add("inflight");
        return columns;
    }

    /** Every queue of {@code sim}, in order. */
    public static List<QueueStats> of(Simulation sim) {
        List<QueueStats> queues = new ArrayList<>(sim.queueCount());
        for (int q = 0; q < sim.queueCount(); q++) {
            long inflight = 0;
            for (PagePool pool : sim.pools(q)) {
                inflight += pool.inflightCount();
            }
            queues.add(new QueueStats(q, sim.driver(q).config().irqCpu(), sim.driver(q).stats(), sim.poolStats(q),
                    inflight));
        }
        return queues;
    }

    /** The sum over {@code queues}. */
    public static QueueStats total(List<QueueStats> queues) {
        NicStats nic = NicStats.ZERO;
        PoolStatsSnapshot pools = PoolStatsSnapshot.ZERO;
        long inflight = 0;
        for (QueueStats q : queues) {
            nic = nic.plus(q.nic());
            pools = pools.plus(q.pools());
            inflight += q.inflight();
        }
        return new QueueStats(TOTAL, -1, nic, pools, inflight);
    }

    /** {@code queue 3 (cpu 3): rx_packets=... | fast=... | inflight=N}, or {@code total: ...} for the sum. */
    public String line() {
        String who = queue == TOTAL ? "total" : String.format(Locale.ROOT, "queue %d (cpu %d)", queue, irqCpu);
        return who + ": " + nic.format() + " | " + pools.format() + " | inflight=" + inflight;
    }

    /** The values of {@link #names()} ({@code queue} and {@code irq_cpu} -1 for the sum). */
    public long[] values() {
        long[] n = nic.values();
        long[] p = pools.values();
        long[] values = new long[3 + n.length + p.length];
        values[0] = queue;
        values[1] = irqCpu;
        System.arraycopy(n, 0, values, 2, n.length);
        System.arraycopy(p, 0, values, 2 + n.length, p.length);
        values[values.length - 1] = inflight;
        return values;
    }

    /** This queue's counters as {@code ethtool -S} prints them: {@code rx3_pp_alloc_fast: N} (for the sum {@code rx_...}). */
    public List<String> ethtool() {
        String prefix = queue == TOTAL ? "rx_" : "rx" + queue + "_";
        List<String> lines = new ArrayList<>();
        long[] n = nic.values();
        for (int i = 0; i < ETHTOOL_NIC.length; i++) {
            if (ETHTOOL_NIC[i] != null) {
                lines.add("     " + prefix + ETHTOOL_NIC[i] + ": " + n[i]);
            }
        }
        long[] p = pools.values();
        for (int i = 0; i < p.length; i++) {
            lines.add("     " + prefix + ETHTOOL_POOL.get(i) + ": " + p[i]);
        }
        return lines;
    }

    /** {@code ethtool -S eth0} of the whole NIC: the header, the sums, then every queue's counters. */
    public static List<String> ethtool(Simulation sim) {
        List<QueueStats> queues = of(sim);
        List<String> lines = new ArrayList<>();
        lines.add("NIC statistics:");
        lines.addAll(total(queues).ethtool());
        for (QueueStats q : queues) {
            lines.addAll(q.ethtool());
        }
        return lines;
    }

    /** The counters as one {@code name=value} line, in {@link #names()} order, for messages. */
    @Override
    public String toString() {
        return CounterLine.format(names(), values());
    }
}
