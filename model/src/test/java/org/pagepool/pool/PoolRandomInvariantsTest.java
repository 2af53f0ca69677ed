// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;

/**
 * Random driver behaviour (allocs, every kind of put, extra references,
 * releases, context and node changes, pressure, injected failures) with the
 * pool's bookkeeping checked after every step: every page is in exactly one
 * place, in-flight pages are exactly those in the cache, the ring and the
 * driver's hands, and no page is lost or made up.
 */
class PoolRandomInvariantsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 99, 2024, 5140, 777_777})
    void everyPageIsAccountedForAfterEveryStep(long seed) {
        Random random = new Random(seed);
        int[] nodes = {64 + random.nextInt(400), random.nextInt(300)};
        long total = nodes[0] + nodes[1];
        Kernel kernel = kernel(nodes);
        MemMap memmap = kernel.mm().memMap();
        int order = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        boolean mapped = random.nextBoolean();
        int flags = mapped ? (random.nextBoolean() ? PagePool.PP_FLAG_ALL : PagePool.PP_FLAG_DMA_MAP) : 0;
        PagePool pool = create(kernel, PagePoolParams.defaults().withOrder(order).withFlags(flags)
                .withMaxLen(2048).withDmaDir(DmaDirection.BIDIRECTIONAL)
                .withPoolSize(1 + random.nextInt(80)).withNid(random.nextInt(3) - 1));
        List<Integer> held = new ArrayList<>();
        long[] allocs = new long[2]; // [0] calls that returned a page, [1] calls that returned NULL
        Set<Integer> seen = new HashSet<>();

        for (int step = 0; step < 800; step++) {
            String what = step(random, kernel, pool, held, allocs);
            String as = String.format("seed %d step %d (%s)", seed, step, what);
            check(kernel, pool, held, seen, total, mapped, as);
            checkCounters(pool.stats(), allocs, as);
        }

        // give everything back, drop every extra reference, destroy: all memory returns
        kernel.mm().setPressure(false);
        for (int page : held) {
            while (memmap.pageRefCount(page) > 1) {
                kernel.mm().putPage(page);
            }
            pool.putFullPage(page, random.nextBoolean());
        }
        held.clear();
        for (int page : seen) {
            while (memmap.place(page) == Place.DETACHED && memmap.pageRefCount(page) > 0) {
                kernel.mm().putPage(page);
            }
        }
        check(kernel, pool, held, seen, total, mapped, "seed " + seed + " before destroy");
        pool.destroy();
        assertThat(pool.state()).as("seed %d", seed).isEqualTo(PoolState.FREED);
        assertThat(kernel.mm().freePages()).as("seed %d: all memory back", seed).isEqualTo(total);
        assertThat(kernel.dma().mapped()).as("seed %d: all unmapped", seed).isZero();
    }

    private static String step(Random random, Kernel kernel, PagePool pool, List<Integer> held, long[] allocs) {
        MemMap memmap = kernel.mm().memMap();
        int op = random.nextInt(100);
        if (op < 30 || held.isEmpty()) {
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                int page = pool.allocPages();
                if (page != PageRef.NULL) {
                    held.add(page);
                    allocs[0]++;
                } else {
                    allocs[1]++;
                }
            }
            return "alloc " + n;
        }
        int page = held.get(random.nextInt(held.size()));
        if (op < 45) {
            held.remove(Integer.valueOf(page));
            pool.recycleDirect(page);
            return "recycle";
        }
        if (op < 58) {
            held.remove(Integer.valueOf(page));
            pool.putPage(page, random.nextInt(5000) - 1, random.nextBoolean());
            return "put";
        }
        if (op < 66) {
            List<Integer> some = new ArrayList<>(held);
            Collections.shuffle(some, random);
            some = some.subList(0, 1 + random.nextInt(Math.min(some.size(), 12)));
            held.removeAll(some);
            pool.putPageBulk(some.stream().mapToInt(Integer::intValue).toArray(), some.size());
            return "put_bulk " + some.size();
        }
        if (op < 72) {
            kernel.mm().getPage(page);
            return "get";
        }
        if (op < 76) {
            if (memmap.pageRefCount(page) > 1) {
                kernel.mm().putPage(page);
            }
            return "drop";
        }
        if (op < 79) {
            held.remove(Integer.valueOf(page));
            pool.releasePage(page);
            return "release";
        }
        if (op < 83) {
            held.remove(Integer.valueOf(page));
            pool.storeMemInfo(page);
            PagePool.returnSkbPage(kernel, page);
            return "skb_free";
        }
        if (op < 88) {
            kernel.setSoftirq(!kernel.inServingSoftirq());
            return "softirq";
        }
        if (op < 92) {
            kernel.setCpuNode(random.nextInt(2));
            return "cpu";
        }
        if (op < 94) {
            pool.nidChanged(random.nextInt(3) - 1);
            return "nid_changed";
        }
        if (op < 96) {
            kernel.mm().setPressure(!kernel.mm().pressure());
            return "pressure";
        }
        if (op < 98) {
            kernel.mm().failNextAllocCalls(random.nextInt(3));
            return "fail alloc";
        }
        kernel.dma().failNextMaps(random.nextInt(5));
        return "fail dma";
    }

    private static void check(Kernel kernel, PagePool pool, List<Integer> held, Set<Integer> seen, long total,
                              boolean mapped, String as) {
        MemMap memmap = kernel.mm().memMap();
        Map<Integer, Place> inPool = new HashMap<>();
        for (int i = 0; i < pool.allocCount(); i++) {
            int page = pool.allocCacheSlot(i);
            assertThat(inPool.put(page, Place.ALLOC_CACHE)).as(as + ": twice in the cache: " + memmap.describe(page))
                    .isNull();
        }
        pool.ring().forEachLive(page -> assertThat(inPool.put(page, Place.PTR_RING))
                .as(as + ": in the cache and the ring, or twice in the ring: " + memmap.describe(page)).isNull());
        for (int page : held) {
            assertThat(inPool.put(page, Place.DRIVER)).as(as + ": held and pooled: " + memmap.describe(page)).isNull();
        }
        seen.addAll(inPool.keySet());

        long poolPages = 0;
        for (Map.Entry<Integer, Place> e : inPool.entrySet()) {
            int page = e.getKey();
            String it = as + ": " + memmap.describe(page);
            assertThat(memmap.place(page)).as(it).isEqualTo(e.getValue());
            assertThat(memmap.owner(page)).as(it).isEqualTo(pool.id());
            assertThat(memmap.compoundOrder(page)).as(it).isEqualTo(pool.order());
            assertThat(memmap.ppMagic(page) & ~0x3L).as(it + ": signature").isEqualTo(MemMap.PP_SIGNATURE);
            if (e.getValue() != Place.DRIVER) {
                assertThat(memmap.pageRefCount(page)).as(it + ": pooled pages have one reference").isEqualTo(1);
            }
            poolPages += memmap.pages(page);
        }
        long detachedPages = 0;
        for (int page : seen) {
            if (!inPool.containsKey(page)) {
                String it = as + ": " + memmap.describe(page);
                assertThat(memmap.place(page)).as(it + " left the pool").isIn(Place.DETACHED, Place.BUDDY);
                if (memmap.place(page) == Place.DETACHED) {
                    assertThat(memmap.pageRefCount(page)).as(it).isPositive();
                    detachedPages += memmap.pages(page);
                } else {
                    assertThat(memmap.pageRefCount(page)).as(it).isZero();
                }
            }
        }
        assertThat(pool.inflightCount()).as(as + ": inflight = cache + ring + driver").isEqualTo(inPool.size());
        assertThat(pool.holdCount() - pool.releaseCount()).as(as).isEqualTo(pool.inflightCount());
        assertThat(kernel.mm().freePages() + poolPages + detachedPages)
                .as(as + ": free + pool pages + detached pages = total").isEqualTo(total);
        assertThat(kernel.dma().mapped()).as(as + ": live mappings")
                .isEqualTo(mapped ? inPool.size() : 0);
        assertThat(pool.allocCount()).as(as).isBetween(0, PagePool.PP_ALLOC_CACHE_SIZE);
        assertThat(pool.ring().count() + pool.ring().stale()).as(as).isLessThanOrEqualTo(pool.ring().size());

    }

    /** Conservation laws of the alloc-side counters. */
    private static void checkCounters(PoolStatsSnapshot s, long[] allocs, String as) {
        // every page handed out was counted by exactly one of these
        assertThat(s.fast() + s.slow() + s.slowHighOrder() + s.refill())
                .as(as + ": fast + slow + slow_high_order + refill = allocations that returned a page")
                .isEqualTo(allocs[0]);
        // the slow path is entered after an empty ring, or a refill that met a remote page first
        long slowPathEntries = s.slow() + s.slowHighOrder() + allocs[1];
        assertThat(slowPathEntries).as(as + ": slow-path entries vs empty").isGreaterThanOrEqualTo(s.empty());
        assertThat(slowPathEntries).as(as + ": slow-path entries vs empty + waive")
                .isLessThanOrEqualTo(s.empty() + s.waive());
        // refills and waives both take pages out of the ring
        assertThat(s.refill() + s.waive()).as(as + ": refill + waive <= ring").isLessThanOrEqualTo(s.ring());
    }
}
