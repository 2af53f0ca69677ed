// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageRef;
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicStats;
import org.pagepool.nic.RxRing;
import org.pagepool.nic.TxRing;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.trace.Place;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.StackStats;

/**
 * The page-conservation law of a running simulation, checked from the outside
 * at NAPI poll boundaries: every page the page allocator handed out is held in
 * exactly one place — a pool's alloc cache or ptr_ring, an RX descriptor, the
 * TX ring, an skb in a socket, a frame on another CPU — or is detached with
 * only clones' references left; its refcount is the number of holders; blocks
 * of order k count as 2^k pages; and each pool's inflight count is its pages
 * out there plus the pages the buggy driver leaked from it.
 *
 * <p>With several queues every queue's rings count, and each queue holds
 * only pages of its own pools: its RX descriptors pages of its current pool,
 * its TX ring pages of its pools.
 *
 * <p>Leaks are attributed to each queue's pool of the moment: call
 * {@link #afterPoll} at every poll end (or after every step), before the
 * driver can start a reload. Made by {@link Invariants#simulation()}.
 */
public final class SimulationInvariants {
    private static final int CACHE = 0;
    private static final int RING = 1;
    private static final int RX = 2;
    private static final int TX = 3;
    private static final int SKB = 4;
    private static final int FRAME = 5;
    private static final int CLONE = 6;
    private static final Place[] PLACE = {Place.ALLOC_CACHE, Place.PTR_RING, Place.RX_DESCRIPTOR, Place.TX_RING,
        Place.SKB, Place.REMOTE_CPU};
    private static final String[] HOLDER = {"alloc cache", "ptr_ring", "RX descriptor", "TX ring", "socket skb",
        "remote CPU frame", "clone"};

    /** Every pool the run has shown, freed ones included, with the pages the driver leaked from each. */
    private final Map<PagePool, long[]> pools = new IdentityHashMap<>();
    private final List<PagePool> order = new ArrayList<>();
    private long[] leakedSeen = new long[64];
    private String leakError;
    private long checks;

    private long[] of(PagePool pool) {
        return pools.computeIfAbsent(pool, p -> {
            order.add(p);
            return new long[1];
        });
    }

    /** Notes the pools now alive and gives each queue's leaks since the last look to its current pool. */
    SimulationInvariants() {
    }

    public void afterPoll(Simulation sim) {
        for (PagePool pool : sim.pools()) {
            of(pool);
        }
        for (int q = 0; q < sim.queueCount(); q++) {
            Driver driver = sim.driver(q);
            long leaked = driver.stats().leaked();
            if (leaked != leakedSeen[q]) {
                PagePool pool = driver.pool();
                if (pool == null && leakError == null) {
                    leakError = (leaked - leakedSeen[q]) + " page(s) leaked while queue " + q + " had no pool";
                } else if (pool != null) {
                    of(pool)[0] += leaked - leakedSeen[q];
                }
                leakedSeen[q] = leaked;
            }
        }
    }

    public long checks() {
        return checks;
    }

    /** Pages leaked from {@code pool} so far (as attributed by {@link #afterPoll}). */
    public long leaked(PagePool pool) {
        long[] n = pools.get(pool);
        return n == null ? 0 : n[0];
    }

    /** The first broken law, or null. */
    public String violation(Simulation sim) {
        checks++;
        if (leakError != null) {
            return leakError;
        }
        Kernel kernel = sim.kernel();
        // who holds which page, and how often
        Map<Integer, int[]> held = new HashMap<>();
        Map<Integer, PagePool> pooledBy = new HashMap<>();
        for (PagePool pool : sim.pools()) {
            if (pool.state() == PoolState.FREED) {
                return "pools() lists freed pool " + pool.id();
            }
            for (int i = 0; i < pool.allocCount(); i++) {
                int page = pool.allocCacheSlot(i);
                count(held, page, CACHE);
                pooledBy.put(page, pool);
            }
            List<Integer> live = new ArrayList<>();
            pool.ring().forEachLive(live::add);
            if (live.size() != pool.ring().count()) {
                return "pool " + pool.id() + ": ring count " + pool.ring().count() + " but " + live.size()
                        + " live entries";
            }
            for (int page : live) {
                count(held, page, RING);
                pooledBy.put(page, pool);
            }
        }
        for (int q = 0; q < sim.queueCount(); q++) {
            String queue = queue(sim, q);
            String broken = rings(sim, q, held, queue);
            if (broken != null) {
                return broken;
            }
        }
        for (int i = 0; i < sim.socketCount(); i++) {
            count(held, sim.socketPage(i), sim.socketPageReleased(i) ? CLONE : SKB);
        }
        for (int i = 0; i < sim.framesInFlight(); i++) {
            count(held, sim.frame(i), FRAME);
        }

        // every page record: referenced ones are held as counted, free ones are in the buddy allocator
        PageAllocator mm = kernel.mm();
        MemMap memmap = mm.memMap();
        long[] outside = new long[1];
        long[] mappedBlocks = new long[1];
        int[] visited = new int[1];
        Map<PagePool, long[]> outOf = new IdentityHashMap<>();
        String[] problem = new String[1];
        mm.forEachPage(page -> {
            if (problem[0] != null) {
                return;
            }
            int[] h = held.get(page);
            String it = memmap.describe(page);
            if (memmap.pageRefCount(page) <= 0) {
                if (h != null) {
                    problem[0] = it + " is held by " + holders(h) + " but its refcount is "
                            + memmap.pageRefCount(page);
                } else if (memmap.place(page) != Place.BUDDY) {
                    problem[0] = it + " has refcount 0 but is at " + memmap.place(page);
                }
                return;
            }
            outside[0] += memmap.pages(page);
            if (memmap.dmaAddr(page) != 0) {
                mappedBlocks[0]++;
            }
            if (h == null) {
                problem[0] = it + " has refcount " + memmap.pageRefCount(page)
                        + " but nothing holds it (a lost page)";
                return;
            }
            visited[0]++;
            int primary = -1;
            int holders = 0;
            for (int k = CACHE; k <= FRAME; k++) {
                holders += h[k];
                if (h[k] > 0) {
                    primary = k;
                }
            }
            if (holders > 1) {
                problem[0] = it + " is in more than one place: " + holders(h);
                return;
            }
            Place expected = holders == 1 ? PLACE[primary] : Place.DETACHED;
            if (memmap.place(page) != expected) {
                problem[0] = it + " is held by " + holders(h) + " but its place is " + memmap.place(page);
                return;
            }
            if (h[CLONE] > 0 && primary != -1 && primary != SKB) {
                problem[0] = it + " has a clone but is in the " + HOLDER[primary];
                return;
            }
            if (memmap.pageRefCount(page) != holders + h[CLONE]) {
                problem[0] = it + " has refcount " + memmap.pageRefCount(page) + " but is held by " + holders(h);
                return;
            }
            if (holders == 1) {
                PagePool owner = PagePool.owner(kernel, page);
                if (owner == null) {
                    problem[0] = it + " in the " + HOLDER[primary] + " has no pool";
                    return;
                }
                if (primary == CACHE || primary == RING) {
                    if (pooledBy.get(page) != owner) {
                        problem[0] = it + " of pool " + owner.id() + " sits in pool "
                                + pooledBy.get(page).id() + "'s " + HOLDER[primary];
                    }
                } else {
                    outOf.computeIfAbsent(owner, o -> new long[1])[0]++;
                    if (primary == SKB && memmap.pp(page) != owner.id()) {
                        problem[0] = it + " rides an skb but page->pp is not its pool";
                    }
                }
            }
        });
        if (problem[0] != null) {
            return problem[0];
        }
        if (visited[0] != held.size()) {
            return (held.size() - visited[0]) + " held page(s) are not among the allocator's page records";
        }
        String memory = Invariants.memory(mm, outside[0]);
        if (memory != null) {
            return memory;
        }

        // each pool: inflight = cache + ring + out with the driver and the stack + leaked
        long leakedMapped = 0;
        for (PagePool pool : order) {
            long leaked = leaked(pool);
            long out = outOf.containsKey(pool) ? outOf.get(pool)[0] : 0;
            if ((pool.flags() & PagePool.PP_FLAG_DMA_MAP) != 0) {
                leakedMapped += leaked;
            }
            if (pool.state() == PoolState.FREED) {
                if (out != 0 || leaked != 0) {
                    return "pool " + pool.id() + " was freed with " + out + " pages out and " + leaked + " leaked";
                }
                continue;
            }
            long inPool = pool.allocCount() + pool.ring().count();
            if (pool.inflightCount() != inPool + out + leaked) {
                return "pool " + pool.id() + " (" + pool.state().word() + "): inflight " + pool.inflightCount()
                        + " but cache " + pool.allocCount() + " + ring " + pool.ring().count() + " + out " + out
                        + " + leaked " + leaked;
            }
        }
        for (PagePool owner : outOf.keySet()) {
            if (!pools.containsKey(owner)) {
                return "pages of pool " + owner.id() + " are out, but the simulation never listed that pool";
            }
        }
        return Invariants.first(Invariants.dma(kernel, mappedBlocks[0], leakedMapped), counters(sim));
    }

    private static String queue(Simulation sim, int q) {
        return sim.queueCount() == 1 ? "" : "queue " + q + ": ";
    }

    /** Queue {@code q}'s RX and TX rings: counted as holders, each page of the queue's own pools. */
    private static String rings(Simulation sim, int q, Map<Integer, int[]> held, String queue) {
        Kernel kernel = sim.kernel();
        Driver driver = sim.driver(q);
        RxRing rx = driver.rx();
        int rxPages = 0;
        for (int i = 0; i < rx.size(); i++) {
            int page = rx.page(i);
            if (page != PageRef.NULL) {
                count(held, page, RX);
                rxPages++;
                if (rx.slot(i) == RxRing.Slot.EMPTY) {
                    return queue + "RX descriptor " + i + " holds " + kernel.mm().memMap().describe(page)
                            + " but says it is empty";
                }
                PagePool owner = PagePool.owner(kernel, page);
                if (driver.pool() != null && !driver.reloading() && owner != driver.pool()) {
                    return queue + "RX descriptor " + i + " holds " + kernel.mm().memMap().describe(page)
                            + " of pool " + (owner == null ? "none" : owner.id()) + ", not the queue's pool "
                            + driver.pool().id();
                }
            }
        }
        // a teardown drains the descriptors one call at a time and drops the ring's counts with the ring (an
        // unloaded driver keeps its drained ring)
        if (!driver.reloading() && driver.pool() != null && rxPages != rx.posted() + rx.completed()) {
            return queue + "RX ring: " + rxPages + " pages on descriptors, but posted " + rx.posted()
                    + " + completed " + rx.completed();
        }
        TxRing tx = driver.tx();
        for (int i = 0; i < tx.count(); i++) {
            int page = tx.inFlight(i);
            count(held, page, TX);
            PagePool owner = PagePool.owner(kernel, page);
            if (owner != null && sim.queueOf(owner) != q) {
                return queue + "the TX ring holds " + kernel.mm().memMap().describe(page) + " of queue "
                        + sim.queueOf(owner) + "'s pool " + owner.id();
            }
        }
        return null;
    }

    /** The NIC's and the stack's counters agree with what they hold. */
    private static String counters(Simulation sim) {
        NicStats nic = sim.nicStats();
        StackStats stack = sim.stackStats();
        // every verdict, the XDP_TX frames dropped on a full TX ring included
        if (sim.packets() != nic.processed()) {
            return "packets " + sim.packets() + " but the verdicts add up to " + nic.processed();
        }
        if (stack.skbs() != nic.pass() + stack.framesPassed() || stack.redirected() != nic.redirect()) {
            return "stack " + stack.format() + " disagrees with nic " + nic.format();
        }
        if (stack.skbsHeld() != (stack.skbs() - stack.skbsFreed()) + (stack.clones() - stack.clonesFreed())
                || stack.framesHeld() != stack.redirected() - stack.framesFreed()) {
            return "stack holds what it did not count: " + stack.format();
        }
        for (int q = 0; q < sim.queueCount(); q++) {
            NicStats mine = sim.driver(q).stats();
            if (mine.reloads() == 0) {
                Driver d = sim.driver(q);
                if (mine.rxPackets() != mine.processed() + d.rx().completed()) {
                    return queue(sim, q) + "rx_packets " + mine.rxPackets() + " != processed " + mine.processed()
                            + " + waiting " + d.rx().completed();
                }
                if (mine.tx() - mine.txCompleted() != d.tx().count()) {
                    return queue(sim, q) + "xdp_tx " + mine.tx() + " - tx_completed " + mine.txCompleted()
                            + " != TX ring " + d.tx().count();
                }
            }
        }
        return null;
    }

    private static void count(Map<Integer, int[]> held, int page, int holder) {
        held.computeIfAbsent(page, p -> new int[CLONE + 1])[holder]++;
    }

    private static String holders(int[] h) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < h.length; k++) {
            if (h[k] > 0) {
                text.append(text.length() > 0 ? ", " : "").append(h[k]).append(" x ").append(HOLDER[k]);
            }
        }
        return text.length() == 0 ? "nothing" : text.toString();
    }
}
