// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolStatsSnapshot;

/**
 * Pools added up: how many, their counters, their accounting, what their
 * caches and rings hold and their users (a reload leaves a deferred pool
 * beside the new one, and the story is about both). Computed once per view,
 * by the worker.
 */
public record PoolTotals(int pools, PoolStatsSnapshot stats, long hold, long release, long inflight, long cached,
                         long inRing, long users) {

    public static final PoolTotals ZERO = new PoolTotals(0, PoolStatsSnapshot.ZERO, 0, 0, 0, 0, 0, 0);

    /** The pools of a view, added up. */
    public static PoolTotals of(List<PoolView> pools) {
        PoolTotals sum = ZERO;
        for (PoolView p : pools) {
            sum = sum.plus(new PoolTotals(1, p.stats(), p.hold(), p.release(), p.inflight(), p.cache().size(),
                    p.ringCount(), Integer.toUnsignedLong(p.users())));
        }
        return sum;
    }

    /** Live pools added up, without copying their slots (worker side). */
    public static PoolTotals ofPools(List<PagePool> pools) {
        PoolTotals sum = ZERO;
        for (PagePool p : pools) {
            sum = sum.plus(new PoolTotals(1, p.stats(), Integer.toUnsignedLong(p.holdCount()),
                    Integer.toUnsignedLong(p.releaseCount()), p.inflightCount(), p.allocCount(), p.ring().count(),
                    Integer.toUnsignedLong(p.users())));
        }
        return sum;
    }

    public PoolTotals plus(PoolTotals o) {
        return new PoolTotals(pools + o.pools, stats.plus(o.stats), hold + o.hold, release + o.release,
                inflight + o.inflight, cached + o.cached, inRing + o.inRing, users + o.users);
    }
}
