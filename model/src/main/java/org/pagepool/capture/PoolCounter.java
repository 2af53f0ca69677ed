// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * The page_pool statistics (5.18 on), in the order of the model's
 * {@code PoolStatsSnapshot}, with the names ethtool (5.19 on, and mlx5's own)
 * and netlink (6.8 on) give them.
 */
public enum PoolCounter {
    FAST("fast", "alloc_fast", null, "alloc-fast"),
    SLOW("slow", "alloc_slow", null, "alloc-slow"),
    SLOW_HIGH_ORDER("slow_high_order", "alloc_slow_ho", "alloc_slow_high_order", "alloc-slow-high-order"),
    EMPTY("empty", "alloc_empty", null, "alloc-empty"),
    REFILL("refill", "alloc_refill", null, "alloc-refill"),
    WAIVE("waive", "alloc_waive", null, "alloc-waive"),
    CACHED("cached", "recycle_cached", null, "recycle-cached"),
    CACHE_FULL("cache_full", "recycle_cache_full", null, "recycle-cache-full"),
    RING("ring", "recycle_ring", null, "recycle-ring"),
    RING_FULL("ring_full", "recycle_ring_full", null, "recycle-ring-full"),
    RELEASED_REFCNT("released_refcnt", "recycle_released_ref", "recycle_released_refcnt", "recycle-released-refcnt");

    /** All of them, in order (no copy per call). */
    public static final PoolCounter[] ALL = values();

    private final String kernelName;
    private final String ethtoolName;
    private final String ethtoolAlias;
    private final String netlinkName;

    PoolCounter(String kernelName, String ethtoolName, String ethtoolAlias, String netlinkName) {
        this.kernelName = kernelName;
        this.ethtoolName = ethtoolName;
        this.ethtoolAlias = ethtoolAlias;
        this.netlinkName = netlinkName;
    }

    /** The kernel's field name ({@code struct page_pool_alloc_stats} / {@code _recycle_stats}). */
    public String kernelName() {
        return kernelName;
    }

    /** The ethtool string after {@code rx_pp_} (generic helper, 5.19 on). */
    public String ethtoolName() {
        return ethtoolName;
    }

    public String netlinkName() {
        return netlinkName;
    }

    /** The counter an ethtool name ends in after {@code pp_}, or null. */
    static PoolCounter byEthtoolSuffix(byte[] b, int from, int to) {
        for (PoolCounter c : ALL) {
            if (Scan.equals(b, from, to, c.ethtoolName)
                    || c.ethtoolAlias != null && Scan.equals(b, from, to, c.ethtoolAlias)) {
                return c;
            }
        }
        return null;
    }

    static PoolCounter byNetlinkName(String name) {
        for (PoolCounter c : ALL) {
            if (c.netlinkName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
