// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolStatsSnapshot;

/**
 * The one CSV schema of the counters over simulated time, written by
 * {@code workload --csv} and by the window's export (README, "CSV columns").
 *
 * <p>Long form, one file: a sample is a row per RX queue ({@code queue} 0..N-1,
 * only when the NIC has more than one) followed by a {@code total} row, all
 * with the same {@code time_s}. A spreadsheet filters on {@code queue}, pandas
 * takes {@code df[df.queue == "total"]} or pivots the queue rows, and a
 * one-queue run and a 64-queue run have the same columns (a file per queue
 * would not line up, and a column per queue and counter would be 1,500 wide).
 * The system-wide columns (stack, memory, DMA) are empty in the queue rows:
 * only the total row has them. Pure formatting: no model state is kept.
 */
public final class CounterCsv {
    /** {@code queue} of the row that sums the queues. */
    public static final String TOTAL = "total";

    /** The columns, in order: under the kernel's counter names where the kernel has one. */
    public static final List<String> COLUMNS = columns();

    /** The columns a queue row fills: those before the system-wide ones. */
    private static final int QUEUE_COLUMNS = COLUMNS.indexOf(StackStats.NAMES.get(0));

    private CounterCsv() {
    }

    /**
     * One queue's counters, or their sum: its pools not yet freed added up.
     *
     * @param irqCpu the CPU the queue's interrupt is pinned to (ignored in a sum)
     * @param hold   {@code pages_state_hold_cnt} over the pools
     */
    public record Queue(int irqCpu, int pools, long hold, long release, long inflight, PoolStatsSnapshot stats,
                        NicStats nic) {
        public static final Queue ZERO = new Queue(-1, 0, 0, 0, 0, PoolStatsSnapshot.ZERO, NicStats.ZERO);

        /** Counter by counter sum. */
        public Queue plus(Queue o) {
            return new Queue(-1, pools + o.pools, hold + o.hold, release + o.release, inflight + o.inflight,
                    stats.plus(o.stats), nic.plus(o.nic));
        }
    }

    /**
     * The whole system at one moment.
     *
     * @param queues every RX queue in order; a single entry writes the total row only (a one-queue NIC, or a
     *               viewer that has only the sum)
     */
    public record Sample(long timeNs, long jiffies, List<Queue> queues, StackStats stack, long freePages,
                         long mapped, long syncs) {
        public Sample {
            queues = List.copyOf(queues);
            if (queues.isEmpty()) {
                throw new IllegalArgumentException("a sample of no queue");
            }
        }

        /** The same counters stamped {@code t}: a sample time at which nothing changed since these. */
        public Sample at(long t) {
            return new Sample(t, jiffies, queues, stack, freePages, mapped, syncs);
        }
    }

    /** {@code sim} now: every queue's pools and NIC counters, the stack, memory and DMA. */
    public static Sample of(Simulation sim) {
        List<Queue> queues = new ArrayList<>(sim.queueCount());
        for (int q = 0; q < sim.queueCount(); q++) {
            Queue sum = Queue.ZERO;
            for (PagePool pool : sim.pools(q)) {
                sum = sum.plus(new Queue(-1, 1, Integer.toUnsignedLong(pool.holdCount()),
                        Integer.toUnsignedLong(pool.releaseCount()), pool.inflightCount(), pool.stats(),
                        NicStats.ZERO));
            }
            queues.add(new Queue(sim.driver(q).config().irqCpu(), sum.pools(), sum.hold(), sum.release(),
                    sum.inflight(), sum.stats(), sim.driver(q).stats()));
        }
        var kernel = sim.kernel();
        return new Sample(sim.now(), kernel.jiffies().now(), queues, sim.stackStats(), kernel.mm().freePages(),
                kernel.dma().mapped(), kernel.dma().syncs());
    }

    public static String header() {
        return String.join(",", COLUMNS);
    }

    /** The sample's rows: one per queue when there are several, then the total. */
    public static List<String> rows(Sample s) {
        String time = seconds(s.timeNs());
        List<String> rows = new ArrayList<>(s.queues().size() + 1);
        Queue total = Queue.ZERO;
        for (int q = 0; q < s.queues().size(); q++) {
            Queue queue = s.queues().get(q);
            total = total.plus(queue);
            if (s.queues().size() > 1) {
                StringBuilder row = queueColumns(time, Integer.toString(q), Integer.toString(queue.irqCpu()),
                        s.jiffies(), queue);
                rows.add(row.append(",".repeat(COLUMNS.size() - QUEUE_COLUMNS)).toString());
            }
        }
        StringBuilder row = queueColumns(time, TOTAL, "", s.jiffies(), total);
        for (long v : s.stack().values()) {
            row.append(',').append(v);
        }
        rows.add(row.append(',').append(s.freePages()).append(',').append(s.mapped()).append(',')
                .append(s.syncs()).toString());
        return rows;
    }

    /** The columns every row has: time, queue, the queue's pools and NIC. */
    private static StringBuilder queueColumns(String time, String queue, String irqCpu, long jiffies, Queue q) {
        StringBuilder row = new StringBuilder(256).append(time).append(',').append(jiffies).append(',')
                .append(queue).append(',').append(irqCpu).append(',').append(q.pools()).append(',')
                .append(q.hold()).append(',').append(q.release()).append(',').append(q.inflight());
        for (long v : q.stats().values()) {
            row.append(',').append(v);
        }
        for (long v : q.nic().values()) {
            row.append(',').append(v);
        }
        return row;
    }

    /** Seconds with nine decimals, exactly (no rounding through a double). */
    static String seconds(long ns) {
        String frac = Long.toString(1_000_000_000L + Math.floorMod(ns, 1_000_000_000L)).substring(1);
        return Math.floorDiv(ns, 1_000_000_000L) + "." + frac;
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("time_s", "jiffies", "queue", "irq_cpu", "pools",
                "pages_state_hold_cnt", "pages_state_release_cnt", "inflight"));
        c.addAll(PoolStatsSnapshot.NAMES);
        c.addAll(NicStats.NAMES);
        c.addAll(StackStats.NAMES);
        c.addAll(List.of("free_pages", "dma_mapped", "dma_syncs"));
        return List.copyOf(c);
    }
}
