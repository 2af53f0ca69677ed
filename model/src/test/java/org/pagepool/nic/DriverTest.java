// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.pool.PoolState;
import org.pagepool.trace.Place;

/**
 * The driver on its own, with a scripted wire and a stack that keeps what it
 * is given: ring fills, polls and their budget, verdicts, misses, the node
 * check, TX completions, the leak bug, reload and unload.
 */
class DriverTest {
    private static final long US = 1_000;

    /** Packets arrive at the times given, in order. */
    private static final class ScriptedWire implements Wire {
        private final List<Long> times = new ArrayList<>();
        private int counted;
        /** When the driver brought the link up (after its first RX fill), -1 before. */
        private long linkUpAt = -1;

        void at(long time, int packets) {
            for (int i = 0; i < packets; i++) {
                times.add(time);
            }
        }

        @Override
        public long arrivalsUntil(long time) {
            int before = counted;
            while (counted < times.size() && times.get(counted) <= time) {
                counted++;
            }
            return counted - before;
        }

        @Override
        public long nextArrival() {
            return counted < times.size() ? Math.max(times.get(counted), 0) : Long.MAX_VALUE;
        }

        @Override
        public void linkUp(long time) {
            linkUpAt = time;
            arrivalsUntil(time);
        }
    }


    /** A stack that holds every skb and frame until the test frees it. */
    private final class KeepingStack implements Stack {
        final List<Integer> skbs = new ArrayList<>();
        final List<Integer> skbCpus = new ArrayList<>();
        final List<Integer> frames = new ArrayList<>();

        @Override
        public boolean receiveSkb(int page, long now, int cpu) {
            kernel.mm().move(page, Place.SKB);
            skbs.add(page);
            skbCpus.add(cpu);
            return false;
        }

        @Override
        public void redirect(int page, long now) {
            kernel.mm().move(page, Place.REMOTE_CPU);
            frames.add(page);
        }

        @Override
        public long nextTime() {
            return Long.MAX_VALUE; // the test frees them
        }

        void freeAll() {
            kernel.runOn(1, 0, false); // the sockets' CPU, in process context
            for (int page : skbs) {
                calls.skbFree(page);
            }
            for (int page : frames) {
                PagePool.owner(kernel, page).storeMemInfo(page);
                calls.skbFree(page);
            }
            skbs.clear();
            frames.clear();
        }
    }

    private Kernel kernel;
    private PoolCalls calls;
    private final ScriptedWire wire = new ScriptedWire();
    private final KeepingStack stack = new KeepingStack();
    private Driver driver;
    private long now;
    /** PACKET steps of each poll, in order. */
    private final List<Integer> packetsPerPoll = new ArrayList<>();

    private static NicConfig config(int budget, int irqCpu, int irqNode, boolean txBulk, double leak, double drop,
                                    double tx, double redirect, double pass) {
        return new NicConfig(budget, 40, 300, 2 * US, irqCpu, irqNode, 10 * US, txBulk, leak, drop, tx, redirect,
                pass);
    }

    private static NicConfig dropAll() {
        return config(64, 0, 0, false, 0, 1, 0, 0, 0);
    }

    private static PagePoolParams poolParams() {
        return new PagePoolParams(PagePool.PP_FLAG_DMA_MAP | PagePool.PP_FLAG_DMA_SYNC_DEV, 0, 256, -1,
                DmaDirection.BIDIRECTIONAL, 1536, 256);
    }

    private void open(int[] nodePages, NicConfig config, int rxRing, int txRing) throws PoolCreateException {
        kernel = new Kernel(nodePages);
        calls = new PoolCalls(kernel);
        driver = new Driver(kernel, calls, stack, wire, () -> 0.5, config, poolParams(), rxRing, txRing);
    }

    /** Runs the driver's steps in time order until it has nothing to do before {@code until}. */
    private void runUntil(long until) {
        int packets = 0;
        for (int guard = 0; guard < 1_000_000; guard++) {
            long next = driver.nextEvent();
            if (next == Long.MIN_VALUE) {
                next = now;
            }
            if (next == Long.MAX_VALUE || next > until) {
                return;
            }
            now = Math.max(now, next);
            int flags = driver.step(now);
            if ((flags & Driver.PACKET) != 0) {
                packets++;
            }
            if ((flags & Driver.POLL) != 0) {
                packetsPerPoll.add(packets);
                packets = 0;
            }
        }
        throw new AssertionError("the driver never went idle");
    }

    private int pagesOn(Place place) {
        int[] n = new int[1];
        MemMap memmap = kernel.mm().memMap();
        kernel.mm().forEachPage(page -> {
            if (memmap.pageRefCount(page) > 0 && memmap.place(page) == place) {
                n[0]++;
            }
        });
        return n[0];
    }

    @Test
    void openingFillsTheRxRingAndGoesIdle() throws Exception {
        open(new int[] {4096}, dropAll(), 128, 64);
        runUntil(1_000_000);
        assertThat(driver.napiScheduled()).isFalse();
        assertThat(driver.rx().posted()).isEqualTo(128);
        assertThat(pagesOn(Place.RX_DESCRIPTOR)).isEqualTo(128);
        assertThat(driver.pool().users()).as("the driver and the XDP memory model").isEqualTo(2);
        assertThat(driver.stats().polls()).isEqualTo(1);
        assertThat(driver.stats().refillFailed()).isZero();
    }

    @Test
    void droppedPacketsAreRecycledIntoTheCacheAndTheRingIsRefilled() throws Exception {
        open(new int[] {4096}, dropAll(), 128, 64);
        runUntil(100 * US);
        wire.at(200 * US, 50);
        runUntil(1_000 * US);
        NicStats s = driver.stats();
        assertThat(s.rxPackets()).isEqualTo(50);
        assertThat(s.drop()).isEqualTo(50);
        assertThat(s.rxMissed()).isZero();
        assertThat(driver.rx().posted()).isEqualTo(128);
        assertThat(driver.pool().stats().cached()).as("recycled direct into the cache").isEqualTo(50);
        assertThat(driver.pool().stats().fast()).as("refilled from the cache").isGreaterThanOrEqualTo(50);
        assertThat(driver.pool().inflightCount()).isEqualTo(128 + driver.pool().allocCount());
    }

    @Test
    void aPollHandlesAtMostTheBudgetAndNapiStaysScheduledForTheRest() throws Exception {
        open(new int[] {4096}, config(16, 0, 0, false, 0, 1, 0, 0, 0), 256, 64);
        runUntil(100 * US);
        packetsPerPoll.clear();
        wire.at(200 * US, 100);
        runUntil(10_000 * US);
        assertThat(packetsPerPoll).allMatch(n -> n <= 16);
        assertThat(packetsPerPoll.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(packetsPerPoll.size()).isGreaterThanOrEqualTo(7);
        assertThat(driver.stats().drop()).isEqualTo(100);
    }

    @Test
    void withoutPagesTheDescriptorsStayEmptyAndTheNicMissesPackets() throws Exception {
        open(new int[] {32}, dropAll(), 64, 8);
        runUntil(100 * US);
        assertThat(driver.rx().posted()).as("all the memory there is").isEqualTo(32);
        assertThat(driver.stats().refillFailed()).isPositive();
        assertThat(driver.rx().empty()).isEqualTo(32);
        wire.at(300 * US, 100);
        runUntil(400 * US);
        NicStats s = driver.stats();
        assertThat(s.rxPackets()).isEqualTo(32);
        assertThat(s.rxMissed()).isEqualTo(68);
        assertThat(s.drop()).isEqualTo(32);
    }

    @Test
    void aNapiPollMovesThePoolToTheNodeOfItsCpu() throws Exception {
        open(new int[] {4096, 4096}, config(64, 2, 1, false, 0, 1, 0, 0, 0), 64, 8);
        runUntil(100 * US);
        assertThat(driver.pool().nid()).as("page_pool_nid_changed() on the first poll").isEqualTo(1);
        int cached = driver.pool().allocCount();
        assertThat(kernel.mm().freePages(1)).as("pages come from node 1").isEqualTo(4096 - 64 - cached);
        assertThat(kernel.mm().freePages(0)).isEqualTo(4096);
        driver.configure(config(64, 0, 0, false, 0, 1, 0, 0, 0));
        wire.at(200 * US, 10);
        runUntil(1_000 * US);
        assertThat(driver.pool().nid()).isEqualTo(0);
        assertThat(driver.stats().drop()).isEqualTo(10);
        // page_pool_update_nid() flushed the node-1 pages of the cache; the dropped ones were recycled
        // into it afterwards and refilled the ring (the cache does not check the node, as in v5.14)
        assertThat(kernel.mm().freePages(1)).isEqualTo(4096 - 64);
        assertThat(kernel.mm().freePages(0)).isEqualTo(4096);
    }

    /**
     * mlx5 calls page_pool_nid_changed() as a poll's RX work starts, after
     * the TX completions went back into the cache: update_nid() then flushes
     * them with the rest. Called before the TX completions, the old node's
     * pages stayed in the cache, to go straight back to the NIC.
     */
    @Test
    void thePoolMovesNodeAfterTheTxCompletionsOfItsPoll() throws Exception {
        open(new int[] {4096, 4096}, config(64, 0, 0, false, 0, 0, 1, 0, 0), 64, 16);
        runUntil(100 * US);
        wire.at(200 * US, 10); // XDP_TX: on the TX ring, completed 10 us later
        runUntil(205 * US);
        assertThat(driver.tx().count()).as("sent, not completed yet").isEqualTo(10);
        driver.configure(config(64, 2, 1, false, 0, 0, 1, 0, 0)); // the IRQ moves to node 1
        runUntil(1_000 * US);
        assertThat(driver.pool().nid()).isEqualTo(1);
        assertThat(driver.stats().txCompleted()).isEqualTo(10);
        assertThat(driver.pool().allocCount()).as("the cache, completions included, flushed").isZero();
        assertThat(kernel.mm().freePages(0)).as("node 0 holds only the RX ring's pages").isEqualTo(4096 - 64);
    }

    /** mvneta and mvpp2 clean every completed TX descriptor in a poll: the NAPI budget counts RX packets only. */
    @Test
    void aPollCleansEveryCompletedTxDescriptorWhateverTheBudget() throws Exception {
        open(new int[] {4096}, config(16, 0, 0, false, 0, 0, 1, 0, 0), 256, 128);
        runUntil(100 * US);
        wire.at(200 * US, 100); // XDP_TX, in polls of 16; completed 10 us after each was sent
        long most = 0;
        long before = 0;
        for (int guard = 0; guard < 100_000 && driver.nextEvent() != Long.MAX_VALUE; guard++) {
            now = Math.max(now, driver.nextEvent());
            if ((driver.step(now) & Driver.POLL) != 0) {
                most = Math.max(most, driver.stats().txCompleted() - before);
                before = driver.stats().txCompleted();
            }
        }
        assertThat(driver.stats().txCompleted()).isEqualTo(100);
        assertThat(most).as("the completions one poll cleaned, at most").isGreaterThan(16);
    }

    @Test
    void passedPacketsGoUpTheStackMarkedForRecyclingAndComeBackThroughTheRing() throws Exception {
        open(new int[] {4096}, config(64, 3, 0, false, 0, 0, 0, 0, 1), 64, 8);
        runUntil(100 * US);
        wire.at(200 * US, 20);
        runUntil(1_000 * US);
        assertThat(stack.skbs).hasSize(20);
        assertThat(stack.skbCpus).containsOnly(3);
        MemMap memmap = kernel.mm().memMap();
        assertThat(stack.skbs).allMatch(p -> memmap.pp(p) == driver.pool().id() && memmap.place(p) == Place.SKB);
        assertThat(driver.stats().pass()).isEqualTo(20);
        int ringBefore = driver.pool().ring().count();
        stack.freeAll();
        assertThat(driver.pool().ring().count()).as("page_pool_return_skb_page(): the ring").isEqualTo(ringBefore
                + 20);
    }

    @Test
    void txFramesWaitForTheirCompletionAndAFullRingDropsTheRest() throws Exception {
        open(new int[] {4096}, config(64, 0, 0, false, 0, 0, 1, 0, 0), 64, 8);
        runUntil(100 * US);
        wire.at(200 * US, 20);
        runUntil(205 * US);
        NicStats s = driver.stats();
        assertThat(s.tx()).isEqualTo(8);
        assertThat(s.txFull()).isEqualTo(12);
        assertThat(driver.tx().count()).isEqualTo(8);
        assertThat(pagesOn(Place.TX_RING)).isEqualTo(8);
        long cachedBefore = driver.pool().stats().cached();
        runUntil(1_000 * US);
        assertThat(driver.stats().txCompleted()).isEqualTo(8);
        assertThat(driver.tx().count()).isZero();
        assertThat(driver.pool().stats().cached() - cachedBefore).as("returned direct, in NAPI").isEqualTo(8);
    }

    @Test
    void processedCountsEveryPacketNapiHandledIncludingTxFull() throws Exception {
        open(new int[] {4096}, config(64, 0, 0, false, 0, 0, 1, 0, 0), 64, 8);
        runUntil(100 * US);
        wire.at(200 * US, 20);
        runUntil(1_000 * US);
        assertThat(driver.stats().txFull()).isEqualTo(12);
        assertThat(packetsPerPoll.stream().mapToInt(Integer::intValue).sum()).as("PACKET steps").isEqualTo(20);
        assertThat(driver.stats().processed()).isEqualTo(20);
    }

    @Test
    void bulkTxCompletionsGoToTheRingInOneCall() throws Exception {
        open(new int[] {4096}, config(64, 0, 0, true, 0, 0, 1, 0, 0), 64, 32);
        runUntil(100 * US);
        wire.at(200 * US, 20);
        runUntil(1_000 * US);
        assertThat(driver.stats().txCompleted()).isEqualTo(20);
        assertThat(driver.pool().stats().ring()).as("page_pool_put_page_bulk() produces into the ring")
                .isEqualTo(20);
    }

    @Test
    void theLeakBugFreesPagesThePoolStillCounts() throws Exception {
        open(new int[] {4096}, config(64, 0, 0, false, 1.0, 1, 0, 0, 0), 64, 8);
        runUntil(100 * US);
        wire.at(200 * US, 30);
        runUntil(1_000 * US);
        assertThat(driver.stats().leaked()).isEqualTo(30);
        assertThat(kernel.mm().freePages()).as("the leaked pages are free, as far as the allocator knows")
                .isEqualTo(4096 - 64 - driver.pool().allocCount());
        assertThat(driver.pool().inflightCount()).as("the RX ring, the cache, and the 30 the pool never got back")
                .isEqualTo(64 + driver.pool().allocCount() + 30);
        assertThat(kernel.dma().mapped()).as("the leaked pages keep their mappings")
                .isEqualTo(64 + driver.pool().allocCount() + 30);
    }

    @Test
    void aReloadReturnsEveryPageFreesTheOldPoolAndFillsANewOne() throws Exception {
        open(new int[] {4096}, dropAll(), 64, 8);
        runUntil(100 * US);
        PagePool old = driver.pool();
        driver.requestReload(poolParams().withPoolSize(512), 128, 8);
        runUntil(1_000 * US);
        assertThat(old.state()).isEqualTo(PoolState.FREED);
        assertThat(driver.pool()).isNotSameAs(old);
        assertThat(driver.pool().poolSize()).isEqualTo(512);
        assertThat(driver.rx().size()).isEqualTo(128);
        assertThat(driver.rx().posted()).isEqualTo(128);
        assertThat(driver.stats().reloads()).isEqualTo(1);
        assertThat(kernel.mm().freePages()).isEqualTo(4096 - 128 - driver.pool().allocCount());
    }

    @Test
    void anUnloadWithSkbsOutLeavesTheOldPoolDeferredUntilTheyAreFreed() throws Exception {
        open(new int[] {4096}, config(64, 0, 0, false, 0, 0, 0, 0, 1), 64, 8);
        runUntil(100 * US);
        wire.at(200 * US, 10);
        runUntil(1_000 * US);
        PagePool old = driver.pool();
        driver.requestReload(null, 0, 0);
        runUntil(2_000 * US);
        assertThat(driver.pool()).isNull();
        assertThat(old.state()).isEqualTo(PoolState.DEFERRED);
        assertThat(old.inflightCount()).isEqualTo(10);
        assertThat(driver.nextEvent()).as("a device that is down").isEqualTo(Long.MAX_VALUE);
        stack.freeAll();
        assertThat(old.ring().count()).as("returned into the deferred pool's ring").isEqualTo(10);
        assertThat(old.state()).isEqualTo(PoolState.DEFERRED);
        kernel.jiffies().advance(1_000); // the release retry empties the ring and frees the pool
        assertThat(old.inflightCount()).isZero();
        assertThat(old.state()).isEqualTo(PoolState.FREED);
        assertThat(kernel.mm().freePages()).isEqualTo(4096);
    }
}
