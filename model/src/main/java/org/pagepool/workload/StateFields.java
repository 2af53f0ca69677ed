// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

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
 * gives the value in force.
 */
public final class StateFields {
    /** A name a condition may use: what it means, where its value is in a {@link #sample}, how to read it. */
    public record Field(String name, String meaning, int index, ToDoubleFunction<Probe> read) {
    }

    /** A simulation being read, with what several fields share computed once. */
    static final class Probe {
        final Simulation sim;
        private long[] census;

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
        for (Param p : Param.values()) {
            add(f, p.key(), "the parameter in force", s -> s.params().get(p));
        }
        return Collections.unmodifiableMap(f);
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
    private static long rxPosted(org.pagepool.nic.Driver d) {
        return d.pool() == null ? 0 : d.rx().posted();
    }

    private static long txPending(org.pagepool.nic.Driver d) {
        return d.tx() == null ? 0 : d.tx().count();
    }

    private static long sumQueues(Simulation s, ToLongFunction<org.pagepool.nic.Driver> value) {
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
