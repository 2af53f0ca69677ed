// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

/**
 * The page_pool statistics of Linux 5.18 ({@code CONFIG_PAGE_POOL_STATS}),
 * counted at the kernel's points (the {@code put_bulk} counting of 5.19).
 * Mutable, owned by its pool; {@link #snapshot()} gives an immutable copy.
 */
public final class PoolStats {
    long fast;
    long slow;
    long slowHighOrder;
    long empty;
    long refill;
    long waive;
    long cached;
    long cacheFull;
    long ring;
    long ringFull;
    long releasedRefcnt;

    public PoolStatsSnapshot snapshot() {
        return new PoolStatsSnapshot(fast, slow, slowHighOrder, empty, refill, waive, cached, cacheFull, ring,
                ringFull, releasedRefcnt);
    }

    void copyFrom(PoolStats other) {
        fast = other.fast;
        slow = other.slow;
        slowHighOrder = other.slowHighOrder;
        empty = other.empty;
        refill = other.refill;
        waive = other.waive;
        cached = other.cached;
        cacheFull = other.cacheFull;
        ring = other.ring;
        ringFull = other.ringFull;
        releasedRefcnt = other.releasedRefcnt;
    }
}
