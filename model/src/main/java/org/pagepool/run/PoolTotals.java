// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.pool.PoolStatsSnapshot;

/**
 * The pools of a view added up: their counters, their accounting and what
 * their caches and rings hold (a reload leaves a deferred pool beside the new
 * one, and the story is about both).
 */
public record PoolTotals(PoolStatsSnapshot stats, long hold, long release, long inflight, long cached,
                         long inRing) {

    public static PoolTotals of(ModelView view) {
        PoolStatsSnapshot stats = PoolStatsSnapshot.ZERO;
        long hold = 0;
        long release = 0;
        long inflight = 0;
        long cached = 0;
        long inRing = 0;
        for (PoolView p : view.pools()) {
            stats = stats.plus(p.stats());
            hold += p.hold();
            release += p.release();
            inflight += p.inflight();
            cached += p.cache().size();
            inRing += p.ringCount();
        }
        return new PoolTotals(stats, hold, release, inflight, cached, inRing);
    }
}
