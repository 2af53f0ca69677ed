// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.PoolCounter;
import org.pagepool.capture.PoolFindings;
import org.pagepool.capture.Rates;

/**
 * "Simulate this": the shipped scenario that tells the story a real machine's
 * capture shows, so that a class can watch it happen step by step. The most
 * serious finding decides, in the diagnosis's order.
 */
final class Lookalike {
    /** A preset to load and why it fits. */
    record Suggestion(String preset, String why) {
    }

    private Lookalike() {
    }

    static Optional<Suggestion> of(CaptureReport report) {
        for (PoolFindings pool : report.pools()) {
            if (pool.stall() != null) {
                boolean cameBack = pool.stall().inflightAtStart() > pool.stall().inflightAtEnd();
                return Optional.of(cameBack
                        ? new Suggestion("09-unload-stall.workload", "a shutdown waiting for pages that sockets hold")
                        : new Suggestion("10-driver-leak.workload", "a shutdown waiting for pages that never come"
                                + " back"));
            }
        }
        for (PoolFindings pool : report.pools()) {
            if (pool.climb() != null) {
                return Optional.of(new Suggestion("05-slow-socket.workload", "pages in flight that keep climbing"));
            }
        }
        List<Rates> rates = new ArrayList<>(report.interfaces());
        for (PoolFindings pool : report.pools()) {
            if (pool.rates() != null) {
                rates.add(pool.rates());
            }
        }
        if (grew(rates, PoolCounter.WAIVE)) {
            return Optional.of(new Suggestion("08-irq-numa-move.workload", "refills that waive pages of another node"));
        }
        if (grew(rates, PoolCounter.RELEASED_REFCNT)) {
            return Optional.of(new Suggestion("06-skb-clone.workload", "pages that come back with extra references"));
        }
        if (grew(rates, PoolCounter.RING_FULL)) {
            return Optional.of(new Suggestion("04-undersized-ring.workload", "a ptr_ring that is full"));
        }
        if (grew(rates, PoolCounter.CACHE_FULL)) {
            return Optional.of(new Suggestion("03-cache-full.workload", "an alloc cache that overflows"));
        }
        return Optional.empty();
    }

    private static boolean grew(List<Rates> all, PoolCounter counter) {
        for (Rates r : all) {
            for (Rates.Row row : r.rows()) {
                if (row.counter() == counter && row.growth() > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
