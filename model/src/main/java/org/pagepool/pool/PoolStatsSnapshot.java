// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import java.util.List;

/** The pool's counters at one moment ({@code page_pool_get_stats()}), under their kernel names. */
public record PoolStatsSnapshot(long fast, long slow, long slowHighOrder, long empty, long refill, long waive,
                                long cached, long cacheFull, long ring, long ringFull, long releasedRefcnt) {

    /** Every counter 0: a pool that does not exist. */
    public static final PoolStatsSnapshot ZERO = new PoolStatsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The kernel names, in {@code stats} order. */
    public static final List<String> NAMES = List.of("fast", "slow", "slow_high_order", "empty", "refill", "waive",
            "cached", "cache_full", "ring", "ring_full", "released_refcnt");

    /** The values in {@link #NAMES} order. */
    public long[] values() {
        return new long[] {fast, slow, slowHighOrder, empty, refill, waive, cached, cacheFull, ring, ringFull,
                releasedRefcnt};
    }

    /** {@code fast=N slow=N ...}, as the {@code stats} command prints them. */
    public String format() {
        return CounterLine.format(NAMES, values());
    }

    /** Counter by counter sum (for several pools at once). */
    public PoolStatsSnapshot plus(PoolStatsSnapshot o) {
        return new PoolStatsSnapshot(fast + o.fast, slow + o.slow, slowHighOrder + o.slowHighOrder,
                empty + o.empty, refill + o.refill, waive + o.waive, cached + o.cached, cacheFull + o.cacheFull,
                ring + o.ring, ringFull + o.ringFull, releasedRefcnt + o.releasedRefcnt);
    }
}
