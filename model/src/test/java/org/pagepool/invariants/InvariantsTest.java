// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageAllocator;
import org.pagepool.mm.PageRef;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.trace.Place;
import org.pagepool.workload.PresetParser;
import org.pagepool.workload.Simulation;

/**
 * Every law of {@link Invariants} catches a state that breaks it on purpose:
 * a checker that cannot fail would let the randomized tests pass anything.
 * Each test first shows the law holds on the sound state, then breaks one
 * thing and expects the law to name it.
 */
class InvariantsTest {
    private Kernel kernel;
    private PageAllocator mm;
    private MemMap memmap;
    private PageTracker tracker;
    private PagePool pool;
    /** Pages the driver holds: allocated, not returned. */
    private final List<Integer> held = new ArrayList<>();
    private int cached;

    @BeforeEach
    void aPoolWithPagesInItsCacheAndRingAndTheDriversHands() throws PoolCreateException {
        kernel = new Kernel(new int[] {512});
        mm = kernel.mm();
        memmap = mm.memMap();
        tracker = new PageTracker(kernel);
        kernel.tracer().attach(tracker);
        pool = PagePool.create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP)
                .withPoolSize(16));
        for (int i = 0; i < 40; i++) {
            held.add(pool.allocPages());
        }
        for (int i = 0; i < 8; i++) {
            pool.recycleDirect(held.remove(held.size() - 1)); // into the alloc cache
        }
        kernel.setSoftirq(false);
        for (int i = 0; i < 4; i++) {
            pool.putPage(held.remove(held.size() - 1), -1, false); // not in softirq: into the ptr_ring
        }
        kernel.setSoftirq(true);
        cached = pool.allocCacheSlot(0);
        assertThat(pool.ring().count()).isEqualTo(4);
        assertThat(sound()).isNull();
    }

    /** Every law over the pool's state as set up: null while nothing is broken. */
    private String sound() {
        return Invariants.first(Invariants.script(kernel, pool, tracker, 0, 0),
                Invariants.pool(kernel, pool, held, 0),
                Invariants.allocCounters(pool.stats(), 40, 0));
    }

    private long outside() {
        return (long) held.size() + pool.allocCount() + pool.ring().count();
    }

    // ---- the page allocator and memory ----------------------------------------------------------------------

    @Test
    void aPageInUseInsideAFreeBlockBreaksTheBuddyLaw() {
        int page = mm.allocPagesNode(0, 2);
        assertThat(Invariants.buddy(mm, List.of(page))).isNull();
        mm.putPage(page);
        assertThat(Invariants.buddy(mm, List.of(page))).contains("is in use but overlaps a free block");
    }

    @Test
    void twoUsedBlocksOverOneAnotherBreakTheBuddyLaw() {
        int page = mm.allocPagesNode(0, 1);
        assertThat(Invariants.buddy(mm, List.of(page, page))).contains("overlaps a free block or another used one");
    }

    @Test
    void aPageNobodyCountsBreaksMemoryConservation() {
        assertThat(Invariants.memory(mm, outside())).isNull();
        mm.allocPagesNode(0, 0);
        assertThat(Invariants.memory(mm, outside())).startsWith("pages out (" + outside() + ") + free");
    }

    @Test
    void aMappingWithoutItsPageBreaksTheDmaLaw() {
        assertThat(Invariants.dma(kernel, outside(), 0)).isNull();
        memmap.setDmaAddr(held.get(0), 0); // the page forgets its mapping, the mapper still counts it
        assertThat(Invariants.script(kernel, pool, tracker, 0, 0)).startsWith("mapped=" + outside() + " but "
                + (outside() - 1) + " pages hold a mapping");
    }

    // ---- a pool ---------------------------------------------------------------------------------------------

    @Test
    void aPageInTwoPlacesBreaksThePoolLaw() {
        held.add(cached);
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("driver: ").contains("in more than one place");
    }

    @Test
    void aPageTheDriverForgetsBreaksInflight() {
        held.remove(0);
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("inflight " + pool.inflightCount() + " != cache "
                + pool.allocCount() + " + ring 4 + driver " + held.size() + " + lost 0");
        assertThat(Invariants.pool(kernel, pool, held, 1)).as("unless the driver lost it").isNull();
    }

    @Test
    void aPageElsewhereThanItsPlaceSaysBreaksThePoolLaw() {
        mm.move(held.get(3), Place.SKB);
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("is at SKB, not DRIVER");
    }

    @Test
    void anExtraReferenceOnAPooledPageBreaksThePoolLaw() {
        mm.getPage(cached);
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("cache slot 0: ")
                .contains("has refcount 2 while pooled");
    }

    @Test
    void aPageWithoutItsSignatureOrOfAnotherPoolBreaksThePoolLaw() {
        memmap.setPpMagic(cached, 0);
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("lost its pp signature");
        memmap.setPpMagic(cached, MemMap.PP_SIGNATURE);
        assertThat(Invariants.pool(kernel, pool, held, 0)).isNull();
        memmap.setOwner(held.get(0), pool.id() + 1, memmap.handle(held.get(0)));
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("is not of the pool");
    }

    @Test
    void aRingSlotItsIndexesDoNotCountBreaksTheRingLaw() {
        int page = held.remove(0);
        pool.ring().produce(page); // behind the pool's back: the place still says driver
        assertThat(Invariants.pool(kernel, pool, held, 0)).contains("ptr_ring: ")
                .contains("is at DRIVER, not PTR_RING");
    }

    @Test
    void anAllocationNoCounterCountedBreaksTheCounterLaw() {
        assertThat(Invariants.allocCounters(pool.stats(), 41, 0)).startsWith(
                "fast + slow + slow_high_order + refill != 41");
        assertThat(Invariants.allocCounters(pool.stats(), 40, 5)).contains("slow-path entries");
    }

    // ---- a script against its trace -------------------------------------------------------------------------

    @Test
    void aMoveTheTraceDidNotSeeBreaksTheScriptLaw() {
        int page = held.get(0);
        tracker.moved(pool.id(), memmap.handle(page), PageRef.pageToNid(page), PageRef.pageToPfn(page), 0,
                Place.DRIVER, Place.SKB);
        assertThat(Invariants.script(kernel, pool, tracker, 0, 0))
                .contains("is at DRIVER but the trace moved it to SKB");
    }

    // ---- a whole simulation, per queue ----------------------------------------------------------------------

    private static Simulation twoQueues() throws Exception {
        Simulation sim = PresetParser.parse("two.workload", List.of("title = two queues", "cpus = 2",
                "nic.queues = 2", "memory.pages = 8192", "traffic.rate = 2M", "xdp.drop = 100")).start(null);
        sim.run(Long.MAX_VALUE, 200_000, 0);
        return sim;
    }

    /** A page on one of queue {@code q}'s RX descriptors. */
    private static int rxPage(Simulation sim, int q) {
        int page = PageRef.NULL;
        for (int i = 0; page == PageRef.NULL; i++) {
            page = sim.driver(q).rx().page(i);
        }
        return page;
    }

    private static String check(Simulation sim) {
        SimulationInvariants law = Invariants.simulation();
        law.afterPoll(sim);
        return law.violation(sim);
    }

    @Test
    void anExtraReferenceOnAQueuesPageBreaksConservation() throws Exception {
        Simulation sim = twoQueues();
        assertThat(check(sim)).isNull();
        sim.kernel().mm().getPage(rxPage(sim, 1));
        assertThat(check(sim)).contains("has refcount 2 but is held by 1 x RX descriptor");
    }

    @Test
    void aLostPageBreaksConservation() throws Exception {
        Simulation sim = twoQueues();
        sim.kernel().mm().allocPagesNode(0, 0);
        assertThat(check(sim)).contains("nothing holds it (a lost page)");
    }

    @Test
    void aQueueHoldingAnotherQueuesPageBreaksPerQueueConservation() throws Exception {
        Simulation sim = twoQueues();
        int page = rxPage(sim, 1);
        MemMap pages = sim.kernel().mm().memMap();
        pages.setOwner(page, sim.pools(0).get(0).id(), pages.handle(page));
        assertThat(check(sim)).startsWith("queue 1: RX descriptor ").contains("not the queue's pool");
    }
}
