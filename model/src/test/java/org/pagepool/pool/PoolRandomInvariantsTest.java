// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.dma.DmaDirection;
import org.pagepool.invariants.Invariants;
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
            check(kernel, pool, held, seen, mapped, as);
            assertThat(Invariants.allocCounters(pool.stats(), allocs[0], allocs[1])).as(as).isNull();
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
        check(kernel, pool, held, seen, mapped, "seed " + seed + " before destroy");
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

    /**
     * The pool's law ({@link Invariants#pool}), then memory and DMA: pages
     * that left the pool are detached (still referenced) or back in the page
     * allocator, and only pages in the pool's hands hold a mapping.
     */
    private static void check(Kernel kernel, PagePool pool, List<Integer> held, Set<Integer> seen, boolean mapped,
                              String as) {
        MemMap memmap = kernel.mm().memMap();
        assertThat(Invariants.pool(kernel, pool, held, 0)).as(as).isNull();
        Set<Integer> inPool = new HashSet<>(held);
        for (int i = 0; i < pool.allocCount(); i++) {
            inPool.add(pool.allocCacheSlot(i));
        }
        pool.ring().forEachLive(inPool::add);
        seen.addAll(inPool);
        long outside = 0;
        for (int page : seen) {
            String it = as + ": " + memmap.describe(page);
            if (inPool.contains(page)) {
                outside += memmap.pages(page);
            } else if (memmap.place(page) == Place.DETACHED) {
                assertThat(memmap.pageRefCount(page)).as(it + " left the pool").isPositive();
                outside += memmap.pages(page);
            } else {
                assertThat(memmap.place(page)).as(it + " left the pool").isEqualTo(Place.BUDDY);
                assertThat(memmap.pageRefCount(page)).as(it).isZero();
            }
        }
        assertThat(Invariants.first(Invariants.memory(kernel.mm(), outside),
                Invariants.dma(kernel, mapped ? inPool.size() : 0, 0))).as(as).isNull();
    }
}
