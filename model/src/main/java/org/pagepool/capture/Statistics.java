// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.pagepool.capture.PoolCounter.CACHED;
import static org.pagepool.capture.PoolCounter.CACHE_FULL;
import static org.pagepool.capture.PoolCounter.EMPTY;
import static org.pagepool.capture.PoolCounter.FAST;
import static org.pagepool.capture.PoolCounter.RELEASED_REFCNT;
import static org.pagepool.capture.PoolCounter.RING;
import static org.pagepool.capture.PoolCounter.RING_FULL;
import static org.pagepool.capture.PoolCounter.SLOW;
import static org.pagepool.capture.PoolCounter.SLOW_HIGH_ORDER;
import static org.pagepool.capture.PoolCounter.WAIVE;

import java.util.ArrayList;
import java.util.List;

/**
 * What a source's page_pool statistics say, in words: where allocations come
 * from and, when the page allocator is called often, which recycle counter
 * explains it. {@code slow} counts calls into the page allocator (a bulk
 * refill of up to 64 pages each), {@code fast} pages served from the cache.
 */
final class Statistics {
    /** Pages a bulk refill brings at most ({@code PP_ALLOC_CACHE_REFILL}). */
    static final int BULK = 64;

    private Statistics() {
    }

    static List<String> read(String who, Rates r) {
        List<String> out = new ArrayList<>();
        if (r.rows().isEmpty()) {
            return out;
        }
        if (!r.timed()) {
            StringBuilder totals = new StringBuilder();
            for (Rates.Row row : r.rows()) {
                totals.append(totals.length() == 0 ? "" : ", ").append(row.counter().kernelName()).append(' ')
                        .append(Show.count(row.total()));
            }
            out.add(who + ": the counters were read at one time only, so there are no rates (since they started: "
                    + totals + "); samples over time show what climbs");
            return out;
        }
        double fast = r.perSecond(FAST);
        double slow = r.perSecond(SLOW);
        double highOrder = r.perSecond(SLOW_HIGH_ORDER);
        double allocations = fast + slow + highOrder;
        double newPages = Math.min(allocations, BULK * slow + highOrder);
        if (allocations <= 0) {
            return out;
        }
        double share = newPages / allocations;
        if (slow + highOrder < 0.5 || share < 0.01) {
            out.add(who + ": allocations come from the pool's cache (fast " + Show.rate(fast) + ", page allocator "
                    + Show.rate(slow + highOrder) + "): recycling works");
            return out;
        }
        String base = who + ": the page allocator is called " + Show.rate(slow + highOrder) + " (alloc_slow"
                + (highOrder > 0 ? ", alloc_slow_high_order" : "") + ") against " + Show.rate(fast)
                + " allocations from the cache, so up to " + percent(share) + " of the pages are new";
        List<String> causes = causes(r, allocations);
        out.add(base + (causes.isEmpty()
                ? ": pages leave the pool in ways its counters do not see (put_page() on pool pages, or skbs freed "
                        + "without recycling)"
                : ": " + String.join("; ", causes)));
        return out;
    }

    private static List<String> causes(Rates r, double allocations) {
        List<String> causes = new ArrayList<>();
        double cached = r.perSecond(CACHED);
        double ring = r.perSecond(RING);
        double released = r.perSecond(RELEASED_REFCNT);
        double returned = cached + ring + released;
        if (released > 0.05 * returned && released > 0) {
            causes.add("recycle_released_refcnt " + Show.rate(released) + ": pages came back with a refcount "
                    + "above 1 (cloned skbs, shared page fragments) or as pfmemalloc pages under memory pressure, "
                    + "and went to the page allocator instead of the pool");
        }
        if (r.perSecond(RING_FULL) > 0) {
            causes.add("recycle_ring_full " + Show.rate(r.perSecond(RING_FULL)) + ": the ptr_ring was full, so "
                    + "pages returned from other CPUs were freed; a larger pool (the driver's RX ring size) helps");
        }
        if (r.perSecond(WAIVE) > 0) {
            causes.add("alloc_waive " + Show.rate(r.perSecond(WAIVE)) + ": pages of another NUMA node were "
                    + "freed instead of reused; the interrupt runs on a different node from the pool's memory");
        }
        if (returned < 0.5 * allocations) {
            String empty = r.perSecond(EMPTY) > 0 ? " (alloc_empty " + Show.rate(r.perSecond(EMPTY))
                    + ": the ring was empty when the cache needed pages)" : "";
            causes.add("only " + Show.rate(returned) + " pages come back against " + Show.rate(allocations)
                    + " allocated" + empty + ": pages are held outside the pool, by sockets, TX completions or "
                    + "a leak");
        }
        if (r.perSecond(CACHE_FULL) > 0 && causes.isEmpty()) {
            causes.add("recycle_cache_full " + Show.rate(r.perSecond(CACHE_FULL)) + ": the alloc cache was full "
                    + "and pages went on to the ring");
        }
        return causes;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
