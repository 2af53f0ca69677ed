// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.pagepool.cost.CostPath;
import org.pagepool.cost.CostTable;
import org.pagepool.cost.CpuProfile;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageRef;
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.trace.Place;

/**
 * What a checkpoint's condition can name: the counters and state of a
 * running simulation under their kernel names, as the window shows them.
 * Pool counters and accounting are summed over the pools not yet freed (a
 * reload leaves a deferred pool beside the new one); a parameter's key
 * gives the value in force. Each RX queue's own counters and state are
 * {@code queueN.NAME} (N from 0 to 63, 0 for a queue the NIC does not have),
 * and {@code max_queue.NAME} / {@code min_queue.NAME} are the largest and
 * smallest over the NIC's queues, for the names in {@link #QUEUE_NAMES}.
 */
public final class StateFields {
    /** A name a condition may use: what it means, where its value is in a {@link #sample}, how to read it. */
    public record Field(String name, String meaning, int index, ToDoubleFunction<Probe> read) {
    }

    /** The state names among {@link #QUEUE_NAMES}, after the counters. */
    private static final List<String> QUEUE_STATE = List.of("inflight", "alloc_count", "ring_count", "rx_posted",
            "irq_cpu", "nid", "ring_producers");
    /** The names read per queue: the NIC counters, the queue's pools' counters, and its state. */
    public static final List<String> QUEUE_NAMES = queueNames();

    private static List<String> queueNames() {
        List<String> names = new ArrayList<>(NicStats.NAMES);
        names.addAll(PoolStatsSnapshot.NAMES);
        names.addAll(QUEUE_STATE);
        return List.copyOf(names);
    }

    /** A simulation being read, with what several fields share computed once. */
    static final class Probe {
        final Simulation sim;
        private long[] census;
        private long[][] queues;

        /** Queue {@code q}'s values in {@link #QUEUE_NAMES} order (all 0 for a queue the NIC does not have). */
        long[] queue(int q) {
            if (queues == null) {
                queues = new long[sim.queueCount()][];
                for (int i = 0; i < queues.length; i++) {
                    queues[i] = readQueue(sim, i);
                }
            }
            return q < queues.length ? queues[q] : NO_QUEUE;
        }

        /** The largest ({@code max}) or smallest value of name {@code k} over the NIC's queues. */
        long extreme(int k, boolean max) {
            long best = queue(0)[k];
            for (int q = 1; q < sim.queueCount(); q++) {
                best = max ? Math.max(best, queue(q)[k]) : Math.min(best, queue(q)[k]);
            }
            return best;
        }

        Probe(Simulation sim) {
            this.sim = sim;
        }

        /** Pages the pools hold, by node (0..7), and of those the pfmemalloc ones (at index 8). */
        long[] census() {
            if (census == null) {
                long[] counts = new long[PageAllocator.MAX_NODES + 1];
                MemMap memmap = sim.kernel().mm().memMap();
                sim.kernel().mm().forEachPage(page -> {
                    if (!memmap.isAt(page, Place.BUDDY) && !memmap.isAt(page, Place.DETACHED)) {
                        counts[PageRef.pageToNid(page)] += memmap.pages(page);
                        if (memmap.pageIsPfmemalloc(page)) {
                            counts[PageAllocator.MAX_NODES] += memmap.pages(page);
                        }
                    }
                });
                census = counts;
            }
            return census;
        }
    }

    private static final long[] NO_QUEUE = new long[QUEUE_NAMES.size()];

    private static long[] readQueue(Simulation sim, int q) {
        long[] values = new long[QUEUE_NAMES.size()];
        int k = 0;
        Driver driver = sim.driver(q);
        for (long v : driver.stats().values()) {
            values[k++] = v;
        }
        List<PagePool> pools = sim.pools(q);
        PoolStatsSnapshot stats = PoolStatsSnapshot.ZERO;
        long inflight = 0;
        long cached = 0;
        long ring = 0;
        long producers = 0;
        for (PagePool pool : pools) {
            stats = stats.plus(pool.stats());
            inflight += pool.inflightCount();
            cached += pool.allocCount();
            ring += pool.ring().count();
            producers = Math.max(producers, sim.ringProducers(pool.id()));
        }
        for (long v : stats.values()) {
            values[k++] = v;
        }
        values[k++] = inflight;
        values[k++] = cached;
        values[k++] = ring;
        values[k++] = rxPosted(driver);
        values[k++] = driver.config().irqCpu();
        values[k++] = driver.pool() == null ? -1 : driver.pool().nid();
        values[k] = producers;
        return values;
    }

    private static final Map<String, Field> FIELDS = fields();

    private StateFields() {
    }

    /** Every field, in the order the README lists them. */
    public static List<Field> all() {
        return List.copyOf(FIELDS.values());
    }

    /** The field called {@code name}, or null. */
    public static Field byName(String name) {
        return FIELDS.get(name);
    }

    /** Every field's value now, by {@link Field#index()}. */
    public static double[] sample(Simulation sim) {
        Probe probe = new Probe(sim);
        double[] values = new double[FIELDS.size()];
        for (Field f : FIELDS.values()) {
            values[f.index()] = f.read().applyAsDouble(probe);
        }
        return values;
    }

    private static Map<String, Field> fields() {
        Map<String, Field> f = new LinkedHashMap<>();
        List<String> stats = PoolStatsSnapshot.NAMES;
        for (int i = 0; i < stats.size(); i++) {
            int k = i;
            add(f, stats.get(i), "pool counter (page_pool_get_stats()), summed over the pools",
                    s -> s.poolStats().values()[k]);
        }
        add(f, "hold", "pages_state_hold_cnt, summed over the pools", s -> sumPools(s, p ->
                Integer.toUnsignedLong(p.holdCount())));
        add(f, "release", "pages_state_release_cnt, summed over the pools", s -> sumPools(s, p ->
                Integer.toUnsignedLong(p.releaseCount())));
        add(f, "inflight", "hold - release: pages the pools answer for, summed", s -> sumPools(s,
                PagePool::inflightCount));
        add(f, "users", "user_cnt of the driver's current pool (0 without one)",
                s -> s.driver().pool() == null ? 0 : Integer.toUnsignedLong(s.driver().pool().users()));
        add(f, "alloc_count", "pages in the alloc caches (pool->alloc.count), summed", s -> sumPools(s,
                PagePool::allocCount));
        add(f, "ring_count", "pages in the ptr_rings, summed", s -> sumPools(s, p -> p.ring().count()));
        add(f, "ring_stale", "ptr_ring slots consumed but not yet zeroed, summed", s -> sumPools(s,
                p -> p.ring().stale()));
        add(f, "pools", "pools not yet freed", s -> s.pools().size());
        add(f, "pools_alive", "pools in use", s -> countPools(s, PoolState.ALIVE));
        add(f, "pools_deferred", "pools destroyed while pages were in flight, waiting for them",
                s -> countPools(s, PoolState.DEFERRED));
        add(f, "pool_size", "ptr_ring slots of the driver's current pool (0 without one)",
                s -> s.driver().pool() == null ? 0 : s.driver().pool().ring().size());
        add(f, "order", "page order of the driver's current pool (0 without one)",
                s -> s.driver().pool() == null ? 0 : s.driver().pool().order());
        add(f, "nid", "the current pool's node (pool->p.nid; -1 for NUMA_NO_NODE or without a pool)",
                s -> s.driver().pool() == null ? -1 : s.driver().pool().nid());
        List<String> nic = NicStats.NAMES;
        for (int i = 0; i < nic.size(); i++) {
            int k = i;
            add(f, nic.get(i), "NIC and driver counter, summed over the queues", s -> s.nicStats().values()[k]);
        }
        add(f, "rx_posted", "RX descriptors holding a page for the NIC, all queues", s -> sumQueues(s,
                StateFields::rxPosted));
        add(f, "tx_pending", "XDP_TX frames waiting for their completion, all queues", s -> sumQueues(s,
                StateFields::txPending));
        List<String> stack = StackStats.NAMES;
        for (int i = 0; i < stack.size(); i++) {
            int k = i;
            add(f, stack.get(i), "network stack counter", s -> s.stackStats().values()[k]);
        }
        add(f, "free", "free pages in the page allocator, all nodes", s -> s.kernel().mm().freePages());
        for (int node = 0; node < PageAllocator.MAX_NODES; node++) {
            int n = node;
            add(f, "node" + node + "_free", "free pages of node " + node + " (0 when it does not exist)",
                    s -> s.kernel().mm().nodeExists(n) ? s.kernel().mm().freePages(n) : 0);
        }
        for (int node = 0; node < PageAllocator.MAX_NODES; node++) {
            int n = node;
            addProbe(f, "held_node" + node, "pages of node " + node + " the pools hold (cache, ring, driver,"
                    + " NIC, sockets, other CPUs)", p -> p.census()[n]);
        }
        addProbe(f, "held_pfmemalloc", "pfmemalloc pages the pools hold (they will never be recycled)",
                p -> p.census()[PageAllocator.MAX_NODES]);
        for (int order = 0; order < PageAllocator.MAX_ORDER; order++) {
            int o = order;
            add(f, "free_blocks_order" + order, "free blocks of order " + order + ", all nodes (buddyinfo)",
                    s -> freeBlocks(s, o));
        }
        add(f, "pressure", "1 while memory pressure makes new pages pfmemalloc", s -> s.kernel().mm().pressure()
                ? 1 : 0);
        add(f, "mapped", "pages DMA-mapped now", s -> s.kernel().dma().mapped());
        add(f, "jiffies", "the kernel clock (1 jiffy = 1 ms)", s -> s.kernel().jiffies().now());
        add(f, "log_lines", "lines the kernel log (printk) has printed", s -> s.kernel().log().total());
        add(f, "time_ns", "simulated time in ns (compare it with a time: time_ns >= 30ms)", Simulation::now);
        add(f, "packets", "packets NAPI has handled", Simulation::packets);
        for (int cpus = 1; cpus <= 4; cpus++) {
            int n = cpus;
            add(f, "cost_cross_cpu_ns_" + cpus, "published ns per page returned from another CPU with " + cpus
                    + " CPU(s) returning at once (Xeon E5-1650 v4, the cost panel's first CPU)",
                    s -> CostTable.figure(CpuProfile.XEON_E5_1650_V4, CostPath.CROSS_CPU, false, n).ns());
        }
        add(f, "ring_producers", "the most CPUs that returned pages into one ptr_ring (its producer lock) in"
                + " this millisecond or the one before", Simulation::ringProducers);
        add(f, "cost_cross_cpu_ns", "published ns per page returned from another CPU with ring_producers CPUs"
                + " returning at once (1 to 4; 0 when none returns), Xeon E5-1650 v4", s -> s.ringProducers() == 0 ? 0
                : CostTable.figure(CpuProfile.XEON_E5_1650_V4, CostPath.CROSS_CPU, false, s.ringProducers()).ns());
        add(f, "cost_ring_ns", "published ns per page recycled through the ptr_ring (Xeon E5-1650 v4)",
                s -> CostTable.figure(CpuProfile.XEON_E5_1650_V4, CostPath.RING, false, 1).ns());
        queueFields(f);
        for (Param p : Param.values()) {
            add(f, p.key(), "the parameter in force", s -> s.params().get(p));
        }
        return Collections.unmodifiableMap(f);
    }

    private static void queueFields(Map<String, Field> f) {
        for (int queue = 0; queue < Param.QUEUES.max(); queue++) {
            for (int i = 0; i < QUEUE_NAMES.size(); i++) {
                int q = queue;
                int k = i;
                addProbe(f, "queue" + q + "." + QUEUE_NAMES.get(k), "queue " + q + "'s " + QUEUE_NAMES.get(k)
                        + queueMeaning(k) + " (0 when the NIC has no queue " + q + ")", p -> p.queue(q)[k]);
            }
        }
        for (int i = 0; i < QUEUE_NAMES.size(); i++) {
            int k = i;
            addProbe(f, "max_queue." + QUEUE_NAMES.get(k), "the largest " + QUEUE_NAMES.get(k) + " of any queue",
                    p -> p.extreme(k, true));
            addProbe(f, "min_queue." + QUEUE_NAMES.get(k), "the smallest " + QUEUE_NAMES.get(k) + " of any queue",
                    p -> p.extreme(k, false));
        }
    }

    private static String queueMeaning(int k) {
        if (k < NicStats.NAMES.size()) {
            return ", a NIC and driver counter";
        }
        if (k < NicStats.NAMES.size() + PoolStatsSnapshot.NAMES.size()) {
            return ", a pool counter summed over the queue's pools not yet freed";
        }
        switch (QUEUE_STATE.get(k - NicStats.NAMES.size() - PoolStatsSnapshot.NAMES.size())) {
            case "irq_cpu": return ": the CPU its interrupt and NAPI run on";
            case "nid": return ": its current pool's node (-1 for NUMA_NO_NODE or no pool)";
            case "ring_producers": return ": CPUs returning pages into its pools' rings this millisecond or the last";
            case "rx_posted": return ": RX descriptors holding a page";
            default: return ", summed over the queue's pools not yet freed";
        }
    }

    private static void add(Map<String, Field> f, String name, String meaning, ToDoubleFunction<Simulation> read) {
        addProbe(f, name, meaning, probe -> read.applyAsDouble(probe.sim));
    }

    private static void addProbe(Map<String, Field> f, String name, String meaning, ToDoubleFunction<Probe> read) {
        if (f.put(name, new Field(name, meaning, f.size(), read)) != null) {
            throw new IllegalStateException("two fields named " + name);
        }
    }

    // without a pool the driver is unloaded: its drained RX ring still counts its old descriptors
    private static long rxPosted(Driver d) {
        return d.pool() == null ? 0 : d.rx().posted();
    }

    private static long txPending(Driver d) {
        return d.tx() == null ? 0 : d.tx().count();
    }

    private static long sumQueues(Simulation s, ToLongFunction<Driver> value) {
        long sum = 0;
        for (int q = 0; q < s.queueCount(); q++) {
            sum += value.applyAsLong(s.driver(q));
        }
        return sum;
    }

    private static long sumPools(Simulation s, ToLongFunction<PagePool> value) {
        long sum = 0;
        for (PagePool p : s.pools()) {
            sum += value.applyAsLong(p);
        }
        return sum;
    }

    private static long countPools(Simulation s, PoolState state) {
        return s.pools().stream().filter(p -> p.state() == state).count();
    }

    private static long freeBlocks(Simulation s, int order) {
        long blocks = 0;
        for (int n = 0; n < s.kernel().mm().nodeCount(); n++) {
            blocks += s.kernel().mm().buddyinfo(n)[order];
        }
        return blocks;
    }
}
