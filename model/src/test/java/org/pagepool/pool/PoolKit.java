// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.PageRef;

/** Helpers for the pool tests: creating pools, allocating many pages, reading counters and whole state. */
final class PoolKit {
    private PoolKit() {
    }

    static Kernel kernel(int... nodePages) {
        return new Kernel(nodePages);
    }

    static PagePool create(Kernel kernel, PagePoolParams params) {
        try {
            return PagePool.create(kernel, params);
        } catch (PoolCreateException e) {
            return fail("page_pool_create() failed: " + e.getMessage());
        }
    }

    static PagePool create(Kernel kernel) {
        return create(kernel, PagePoolParams.defaults());
    }

    /** {@code n} allocations that must all return a page, in the order they came. */
    static List<Integer> alloc(PagePool pool, int n) {
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int page = pool.allocPages();
            assertThat(page).as("allocation %d of %d", i + 1, n).isNotEqualTo(PageRef.NULL);
            pages.add(page);
        }
        return pages;
    }

    /**
     * The full {@code stats} line with the given counters and every other one 0,
     * e.g. {@code counters("slow=1 empty=1")}.
     */
    static String counters(String nonZero) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : nonZero.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=");
            if (!PoolStatsSnapshot.NAMES.contains(kv[0])) {
                throw new IllegalArgumentException("no counter " + kv[0]);
            }
            given.put(kv[0], kv[1]);
        }
        StringBuilder line = new StringBuilder();
        for (String name : PoolStatsSnapshot.NAMES) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(name).append('=').append(given.getOrDefault(name, "0"));
        }
        return line.toString();
    }

    /** Everything a refused call must leave as it was. */
    record Snapshot(String stats, PoolState state, int cache, int ring, int stale, int hold, int release, int users,
                    long free, long mapped, long maps, long unmaps, long syncs, int ringProducer, int consumerHead) {

        static Snapshot of(Kernel kernel, PagePool pool) {
            return new Snapshot(pool.stats().format(), pool.state(), pool.allocCount(), pool.ring().count(),
                    pool.ring().stale(), pool.holdCount(), pool.releaseCount(), pool.users(),
                    kernel.mm().freePages(), kernel.dma().mapped(), kernel.dma().maps(), kernel.dma().unmaps(),
                    kernel.dma().syncs(), pool.ring().producer(), pool.ring().consumerHead());
        }
    }
}
