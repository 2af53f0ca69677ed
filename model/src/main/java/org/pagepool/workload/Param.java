// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every tunable of a workload: its preset key, unit, default, range and
 * whether it can change while the simulation runs (the others take effect at
 * the next reset or, for the pool and NIC, at the next driver reload).
 */
public enum Param {
    // machine
    NODES("memory.nodes", Unit.COUNT, 1, 1, 8, Scope.RESET, "NUMA nodes"),
    NODE_PAGES("memory.pages", Unit.COUNT, 262_144, 16, 1 << 24, Scope.RESET, "4 KiB pages per node"),
    CPUS("cpus", Unit.COUNT, 4, 1, 64, Scope.RESET,
            "CPUs, spread evenly over the nodes in order (4 CPUs on 2 nodes: 0-1 on node 0, 2-3 on node 1)"),
    CPUS_PER_NODE("cpus.per_node", Unit.COUNT, 0, 0, 64, Scope.RESET,
            "CPUs on each node: CPU c on node c / cpus.per_node (0: cpus spread evenly over the nodes)"),
    // the driver's pool
    POOL_SIZE("pool.size", Unit.COUNT, 1024, 0, 32_768, Scope.RELOAD, "ptr_ring slots (pool_size; 0 = 1024)"),
    POOL_ORDER("pool.order", Unit.COUNT, 0, 0, 10, Scope.RELOAD, "page order of the pool (0 = 4 KiB pages)"),
    POOL_DMA_MAP("pool.dma_map", Unit.BOOLEAN, 1, 0, 1, Scope.RELOAD, "PP_FLAG_DMA_MAP: the pool maps pages"),
    POOL_DMA_SYNC("pool.dma_sync", Unit.BOOLEAN, 1, 0, 1, Scope.RELOAD,
            "PP_FLAG_DMA_SYNC_DEV: recycled pages are synced for the device"),
    POOL_MAX_LEN("pool.max_len", Unit.BYTES, 1536, 1, 65_536, Scope.RELOAD, "bytes synced for the device"),
    POOL_NID("pool.nid", Unit.COUNT, -1, -1, 7, Scope.RELOAD, "the pool's node (-1 = NUMA_NO_NODE)"),
    // the NIC and its driver
    RX_RING("nic.rx_ring", Unit.COUNT, 1024, 8, 8192, Scope.RELOAD, "RX descriptors"),
    TX_RING("nic.tx_ring", Unit.COUNT, 512, 8, 8192, Scope.RELOAD, "TX descriptors (XDP_TX)"),
    QUEUES("nic.queues", Unit.COUNT, 1, 1, 64, Scope.RESET,
            "RX queues, each with its own RX and TX ring, page_pool and NAPI on its IRQ's CPU"),
    BUDGET("napi.budget", Unit.COUNT, 64, 1, 1024, Scope.LIVE, "NAPI budget: packets per poll"),
    PACKET_COST("napi.packet_ns", Unit.NANOS, 40, 1, 1_000_000, Scope.LIVE, "CPU time per packet in NAPI"),
    POLL_COST("napi.poll_ns", Unit.NANOS, 300, 0, 1_000_000, Scope.LIVE, "CPU time per NAPI poll"),
    IRQ_LATENCY("irq.latency_ns", Unit.NANOS, 2_000, 0, 1_000_000_000, Scope.LIVE,
            "from the first packet to the NAPI poll"),
    IRQ_CPU("irq.cpu", Unit.COUNT, 0, 0, 63, Scope.LIVE,
            "CPU the RX interrupt (and NAPI) runs on; with several queues, queue i's is irq.cpu + i (mod cpus)"),
    TX_LATENCY("tx.latency_ns", Unit.NANOS, 10_000, 0, 1_000_000_000, Scope.LIVE,
            "from XDP_TX to its completion"),
    TX_BULK("tx.bulk", Unit.BOOLEAN, 0, 0, 1, Scope.LIVE,
            "TX completions return pages in bulk (page_pool_put_page_bulk) instead of one by one"),
    // traffic
    RATE("traffic.rate", Unit.PER_SECOND, 5_000_000, 0, 200_000_000, Scope.LIVE, "packets per second (average)"),
    DUTY("traffic.duty", Unit.FRACTION, 1.0, 0.01, 1.0, Scope.LIVE,
            "share of time the sender is on; below 1 the same average comes in bursts"),
    BURST("traffic.burst_ns", Unit.NANOS, 200_000, 1_000, 1_000_000_000, Scope.LIVE, "mean length of a burst"),
    // XDP verdicts, as weights
    DROP("xdp.drop", Unit.WEIGHT, 100, 0, 1_000_000, Scope.LIVE, "XDP_DROP: recycled straight into the cache"),
    TX("xdp.tx", Unit.WEIGHT, 0, 0, 1_000_000, Scope.LIVE, "XDP_TX: sent back out, returned on completion"),
    REDIRECT("xdp.redirect", Unit.WEIGHT, 0, 0, 1_000_000, Scope.LIVE,
            "XDP_REDIRECT through a cpumap to another CPU: its program drops the frame there, through the"
                    + " ptr_ring (see redirect.pass)"),
    PASS("xdp.pass", Unit.WEIGHT, 0, 0, 1_000_000, Scope.LIVE, "XDP_PASS: an skb up the stack to a socket"),
    REDIRECT_CPU("redirect.cpu", Unit.COUNT, 1, 0, 63, Scope.LIVE, "CPU that frees redirected frames"),
    REDIRECT_LATENCY("redirect.latency_ns", Unit.NANOS, 5_000, 0, 1_000_000_000, Scope.LIVE,
            "from redirect to the free on the other CPU"),
    REDIRECT_PASS("redirect.pass", Unit.FRACTION, 0.0, 0.0, 1.0, Scope.LIVE,
            "share of redirected frames the cpumap CPU passes to the stack as skbs: in v5.14 their pages leave"
                    + " the pool (xdp_release_frame) and go to the page allocator when a socket there frees the skb"
                    + " (skb.lifetime_ns); the rest its program drops (xdp_return_frame), into the ptr_ring"),
    // sockets
    SKB_LIFETIME("skb.lifetime_ns", Unit.NANOS, 50_000, 0, 600_000_000_000L, Scope.LIVE,
            "mean time a socket holds an skb"),
    SKB_SIGMA("skb.sigma", Unit.FRACTION, 0.0, 0.0, 4.0, Scope.LIVE,
            "0: exponential lifetimes; above 0: lognormal with this sigma (a long tail)"),
    SKB_REMOTE("skb.remote", Unit.FRACTION, 0.0, 0.0, 1.0, Scope.LIVE, "share of skbs freed on another CPU"),
    SKB_CLONE("skb.clone", Unit.FRACTION, 0.0, 0.0, 1.0, Scope.LIVE,
            "share of skbs cloned with a second reference on their page (shared fragments; skb_clone() alone"
                    + " shares the data by dataref): the page leaves the pool"),
    CLONE_LIFETIME("skb.clone_lifetime_ns", Unit.NANOS, 200_000, 0, 600_000_000_000L, Scope.LIVE,
            "mean time the clone outlives the skb"),
    // trouble
    PRESSURE("memory.pressure", Unit.BOOLEAN, 0, 0, 1, Scope.LIVE,
            "memory pressure: new pages come from the pfmemalloc reserves below the min watermark (in the kernel,"
                    + " only allocations that may dip into them; here every one)"),
    LEAK("driver.leak", Unit.FRACTION, 0.0, 0.0, 1.0, Scope.LIVE,
            "driver bug: share of dropped pages freed with put_page() instead of recycled"),
    NID_CHANGED("driver.nid_changed", Unit.BOOLEAN, 1, 0, 1, Scope.LIVE,
            "the driver calls page_pool_nid_changed() every NAPI poll, as mlx5 does (off: like most drivers, the"
                    + " pool keeps the node it was created with)");

    /** What a value measures; decides how presets write it. */
    public enum Unit { COUNT, BYTES, NANOS, PER_SECOND, FRACTION, WEIGHT, BOOLEAN }

    /** When a change takes effect. */
    public enum Scope {
        /** at once */
        LIVE,
        /** when the driver reloads (a new pool and new rings) */
        RELOAD,
        /** only when the simulation is reset */
        RESET
    }

    private final String key;
    private final Unit unit;
    private final double defaultValue;
    private final double min;
    private final double max;
    private final Scope scope;
    private final String description;

    Param(String key, Unit unit, double defaultValue, double min, double max, Scope scope, String description) {
        this.key = key;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.scope = scope;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public Scope scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    /** The group the key starts with ("pool", "traffic", ...). */
    public String category() {
        int dot = key.indexOf('.');
        return dot < 0 ? "machine" : key.substring(0, dot);
    }

    public boolean integral() {
        return unit != Unit.FRACTION;
    }

    public static Param byKey(String key) {
        for (Param p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** Every key, for messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Param::key).toList();
    }

    /** The value as a preset writes it. */
    public String format(double value) {
        if (unit == Unit.BOOLEAN) {
            return value != 0 ? "on" : "off";
        }
        if (integral()) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
