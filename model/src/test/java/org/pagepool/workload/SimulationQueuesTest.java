// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;

/**
 * A NIC with several RX queues: one driver instance per queue with its own
 * rings, pool and NAPI on its IRQ's CPU, all stepping in true time order,
 * deterministically.
 */
class SimulationQueuesTest {
    private static final long MS = 1_000_000;

    static Preset preset(String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("title = queues"));
        all.addAll(Arrays.asList(lines));
        return PresetParser.parse("queues.workload", all);
    }

    private static Simulation start(String... lines) throws Exception {
        return preset(lines).start(null);
    }

    @Test
    void everyQueueHasItsOwnRingsAndPoolAndItsNapiRunsOnItsCpu() throws Exception {
        Simulation sim = start("memory.nodes = 2", "memory.pages = 32768", "cpus = 4", "nic.queues = 4",
                "traffic.rate = 4M");
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        assertThat(sim.queueCount()).isEqualTo(4);
        assertThat(sim.driver()).isSameAs(sim.driver(0));
        Set<Integer> poolIds = new HashSet<>();
        for (int q = 0; q < 4; q++) {
            Driver d = sim.driver(q);
            assertThat(d.config().irqCpu()).as("queue %d's IRQ CPU", q).isEqualTo(q);
            PagePool pool = d.pool();
            poolIds.add(pool.id());
            assertThat(sim.queueOf(pool)).isEqualTo(q);
            assertThat(sim.pools(q)).containsExactly(pool);
            // page_pool_nid_changed() in the queue's NAPI: the pool follows its CPU's node
            // (CPUs 0-1 node 0, 2-3 node 1)
            assertThat(pool.nid()).as("queue %d's pool node", q).isEqualTo(q / 2);
            assertThat(d.stats().polls()).as("queue %d polls", q).isPositive();
            assertThat(d.stats().drop()).as("queue %d packets", q).isPositive();
            assertThat(d.rx().posted()).as("queue %d's own RX ring", q).isPositive();
            for (int other = 0; other < q; other++) {
                assertThat(d.rx()).isNotSameAs(sim.driver(other).rx());
                assertThat(d.tx()).isNotSameAs(sim.driver(other).tx());
            }
        }
        assertThat(poolIds).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(sim.pools()).hasSize(4);
        // pages come from the node of the CPU whose NAPI allocates them
        assertThat(sim.kernel().mm().freePages(0)).isEqualTo(sim.kernel().mm().freePages(1));
    }

    /**
     * A queue whose device is down asks for no packets, and what is sent to
     * it meanwhile is counted, not listed: after an unload, each change of
     * rate sends on what arrived at the old rate, with nobody to ask for it.
     * Once the device is up again, the queues count those packets as missed.
     */
    @Test
    void packetsForAQueueThatIsDownAreCountedNotKept() throws Exception {
        Simulation sim = start("cpus = 4", "nic.queues = 4", "traffic.rate = 10M", "memory.pages = 65536",
                "at 1ms: unload", "at 10ms: traffic.rate = 9M", "at 20ms: traffic.rate = 10M",
                "at 30ms: traffic.rate = 9M", "at 40ms: reload");
        sim.run(Long.MAX_VALUE, 10 * MS, 0);
        long missedBefore = sim.nicStats().rxMissed();
        long footprint = sim.footprintBytes();
        sim.run(Long.MAX_VALUE, 30 * MS, 0);
        // 290,000 packets sent on to queues that are down: 2.3 MB had they been kept
        assertThat(sim.footprintBytes()).isLessThan(footprint + 100_000);
        sim.run(Long.MAX_VALUE, 41 * MS, 0);
        for (int q = 0; q < 4; q++) {
            assertThat(sim.driver(q).pool()).as("queue %d is up again", q).isNotNull();
        }
        assertThat(sim.nicStats().rxMissed() - missedBefore).as("missed while down")
                .isGreaterThan(250_000);
    }

    /**
     * Queues meet only in what they share, so while queue 1 is down, whether
     * queue 0 is up changes nothing queue 1 counts. Queue 0's polls (200 us
     * each) count packets up to the end of the poll, sending queue 1 its
     * packets that far ahead: those that come after queue 1 is up again must
     * land in its posted buffers, not be counted as missed while it was down.
     */
    @Test
    void aQueueThatIsDownMissesTheSamePacketsWhateverTheOthersDo() throws Exception {
        String[] before = {"cpus = 2", "nic.queues = 2", "traffic.rate = 200k", "napi.poll_ns = 200us",
            "memory.pages = 65536", "at 1ms: unload"};
        String[] after = {"at 2500us: napi.poll_ns = 0ns", "at 2500us: reload queue=1"};
        Simulation othersUp = start(joined(before, "at 2ms: reload queue=0", after));
        Simulation othersDown = start(joined(before, "at 2500us: reload queue=0", after));
        othersUp.run(Long.MAX_VALUE, 6 * MS, 0);
        othersDown.run(Long.MAX_VALUE, 6 * MS, 0);
        NicStats up = othersUp.driver(1).stats();
        NicStats down = othersDown.driver(1).stats();
        assertThat(up.rxMissed()).as("missed while down").isPositive();
        assertThat(new long[] {up.rxMissed(), up.rxPackets()}).as("queue 1: rx_missed, rx_packets")
                .containsExactly(down.rxMissed(), down.rxPackets());
    }

    /**
     * The only queue up is one that RSS all but never picks (zipf:10 over 64
     * queues: a share of 1e-24): asking when the next step comes, and letting
     * time pass, must still answer at once rather than look for its packet
     * for ever; a run bounded by time ends at its limit.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against a hang, not a speed test
    void aQueueThatAlmostNeverGetsAPacketLeavesTheOtherQuestionsQuick() throws Exception {
        Simulation probe = start("cpus = 4", "nic.queues = 64", "rss = zipf:10", "memory.pages = 262144");
        int rarest = 0;
        for (int q = 1; q < 64; q++) {
            rarest = probe.rssShare(q) < probe.rssShare(rarest) ? q : rarest;
        }
        assertThat(probe.rssShare(rarest)).isPositive().isLessThan(1e-20);
        Simulation sim = start("cpus = 4", "nic.queues = 64", "rss = zipf:10", "memory.pages = 262144",
                "traffic.rate = 100M", "at 1ms: unload", "at 2ms: reload queue=" + rarest);
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        assertThat(sim.driver(rarest).pool()).as("the rare queue is up").isNotNull();
        assertThat(sim.nextStepTime()).isGreaterThan(5 * MS);
        sim.idleUntil(6 * MS);
        assertThat(sim.now()).isEqualTo(6 * MS);
        sim.run(Long.MAX_VALUE, 8 * MS, 0);
        sim.idleUntil(8 * MS);
        assertThat(sim.now()).isEqualTo(8 * MS);
    }

    private static String[] joined(String[] before, String line, String[] after) {
        List<String> all = new ArrayList<>(Arrays.asList(before));
        all.add(line);
        all.addAll(Arrays.asList(after));
        return all.toArray(String[]::new);
    }

    @Test
    void irqCpusPinsQueueIToEntryIOfTheList() throws Exception {
        Simulation sim = start("cpus = 8", "nic.queues = 6", "irq.cpus = 1,3-4", "memory.pages = 65536");
        int[] cpus = new int[6];
        for (int q = 0; q < 6; q++) {
            cpus[q] = sim.driver(q).config().irqCpu();
        }
        assertThat(cpus).containsExactly(1, 3, 4, 1, 3, 4);
        Simulation byDefault = start("cpus = 4", "nic.queues = 6", "irq.cpu = 2", "memory.pages = 65536");
        for (int q = 0; q < 6; q++) {
            cpus[q] = byDefault.driver(q).config().irqCpu();
        }
        assertThat(cpus).as("irq.cpu + i, mod cpus").containsExactly(2, 3, 0, 1, 2, 3);
    }

    @Test
    void cpusPerNodePlacesTheCpusOnTheirNodesAndTheQueuesWaiveWhereTheirCpuIsNotThePoolsNode() throws Exception {
        String[] machine = {"memory.nodes = 2", "memory.pages = 65536", "cpus = 12", "nic.queues = 12",
            "pool.nid = 0", "driver.nid_changed = off", "traffic.rate = 2M", "xdp.drop = 0", "xdp.pass = 100",
            "skb.lifetime_ns = 20us"};
        Simulation eight = start(concat(machine, "cpus.per_node = 8"));
        Simulation even = start(machine);
        eight.run(Long.MAX_VALUE, 5 * MS, 0);
        even.run(Long.MAX_VALUE, 5 * MS, 0);
        for (int q = 0; q < 12; q++) {
            assertThat(eight.driver(q).config().irqNode()).as("queue %d: CPU %d of 8 a node", q, q).isEqualTo(q / 8);
            assertThat(even.driver(q).config().irqNode()).as("queue %d: CPU %d of 6 a node", q, q).isEqualTo(q / 6);
            // refills from the ptr_ring free the pages of node 0 that a CPU of node 1 gets back (waive)
            assertThat(eight.driver(q).pool().stats().waive() > 0).as("queue %d waives", q).isEqualTo(q >= 8);
            assertThat(even.driver(q).pool().stats().waive() > 0).as("queue %d waives", q).isEqualTo(q >= 6);
        }
    }

    private static String[] concat(String[] lines, String line) {
        String[] all = Arrays.copyOf(lines, lines.length + 1);
        all[lines.length] = line;
        return all;
    }

    @Test
    void anIrqCpuChangeMovesEveryQueueByTheSameRule() throws Exception {
        Simulation sim = start("cpus = 4", "nic.queues = 3", "memory.pages = 65536", "traffic.rate = 1M",
                "at 2ms: irq.cpu = 3");
        sim.run(Long.MAX_VALUE, 3 * MS, 0);
        assertThat(sim.driver(0).config().irqCpu()).isEqualTo(3);
        assertThat(sim.driver(1).config().irqCpu()).isEqualTo(0);
        assertThat(sim.driver(2).config().irqCpu()).isEqualTo(1);
    }

    @Test
    void anIrqEventMovesOneQueueAndItsPoolFollowsTheNewNode() throws Exception {
        Simulation sim = start("memory.nodes = 2", "cpus = 4", "nic.queues = 2", "memory.pages = 32768",
                "traffic.rate = 2M", "at 2ms: irq queue=1 cpu=3");
        sim.run(Long.MAX_VALUE, 1 * MS, 0);
        assertThat(sim.driver(1).pool().nid()).isEqualTo(0);
        sim.run(Long.MAX_VALUE, 3 * MS, 0);
        assertThat(sim.driver(0).config().irqCpu()).isEqualTo(0);
        assertThat(sim.driver(1).config().irqCpu()).isEqualTo(3);
        assertThat(sim.driver(1).config().irqNode()).isEqualTo(1);
        assertThat(sim.driver(1).pool().nid()).as("page_pool_nid_changed() on CPU 3's first poll").isEqualTo(1);
        assertThat(sim.driver(0).pool().nid()).isEqualTo(0);
        assertThat(sim.params().getInt(Param.IRQ_CPU)).as("irq.cpu, the base of the default rule, stays").isZero();
    }

    @Test
    void aReloadRecreatesEveryQueuesPoolAndTheOldOnesWaitDeferred() throws Exception {
        Simulation sim = start("cpus = 4", "nic.queues = 4", "memory.pages = 65536", "traffic.rate = 2M",
                "xdp.drop = 0", "xdp.pass = 100", "skb.lifetime_ns = 50ms", "at 2ms: reload");
        sim.run(Long.MAX_VALUE, 4 * MS, 0);
        List<PagePool> pools = sim.pools();
        assertThat(pools).hasSize(8);
        for (int q = 0; q < 4; q++) {
            assertThat(sim.driver(q).stats().reloads()).isEqualTo(1);
            List<PagePool> mine = sim.pools(q);
            assertThat(mine).as("queue %d: its old pool and its new one", q).hasSize(2);
            assertThat(mine.get(0).state()).isEqualTo(PoolState.DEFERRED);
            assertThat(mine.get(1)).isSameAs(sim.driver(q).pool());
            assertThat(mine.get(1).state()).isEqualTo(PoolState.ALIVE);
        }
    }

    @Test
    void aReloadOfOneQueueLeavesTheOthersAlone() throws Exception {
        Simulation sim = start("cpus = 4", "nic.queues = 4", "memory.pages = 65536", "traffic.rate = 2M",
                "xdp.drop = 0", "xdp.pass = 100", "skb.lifetime_ns = 50ms", "at 2ms: reload queue=2");
        sim.run(Long.MAX_VALUE, 4 * MS, 0);
        assertThat(sim.pools()).hasSize(5);
        for (int q = 0; q < 4; q++) {
            assertThat(sim.driver(q).stats().reloads()).as("queue %d", q).isEqualTo(q == 2 ? 1 : 0);
            assertThat(sim.pools(q)).as("queue %d", q).hasSize(q == 2 ? 2 : 1);
        }
        PagePool fresh = sim.driver(2).pool();
        assertThat(fresh.id()).as("the fifth pool created").isEqualTo(5);
        assertThat(sim.queueOf(fresh)).isEqualTo(2);
        assertThat(fresh.stats().fast() + fresh.stats().slow()).as("the new pool serves queue 2").isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyPacketGoesToOneQueueAndIsHandledOrWaitsThere(long seed) throws Exception {
        Simulation sim = preset("cpus = 8", "nic.queues = 8", "memory.pages = 65536", "traffic.rate = 6M",
                "xdp.drop = 50", "xdp.pass = 50").withSeed(seed).start(null);
        sim.run(Long.MAX_VALUE, 4 * MS, 0);
        long completed = 0;
        long received = 0;
        for (int q = 0; q < 8; q++) {
            NicStats s = sim.driver(q).stats();
            completed += sim.driver(q).rx().completed();
            received += s.rxPackets();
            assertThat(s.rxPackets()).as("seed %d: queue %d", seed, q).isEqualTo(s.processed()
                    + sim.driver(q).rx().completed());
        }
        NicStats total = sim.nicStats();
        assertThat(total.rxPackets()).isEqualTo(received);
        assertThat(sim.packets()).as("seed %d", seed).isEqualTo(total.processed());
        assertThat(received - completed).isEqualTo(sim.packets());
        assertThat(sim.packets()).as("about 6 packets a microsecond for 4 ms, less the link's first fill")
                .isBetween(20_000L, 24_000L);
    }

    @Test
    void everyStepHappensAtTheEarliestTimeAnyQueueOrActorHasSomethingToDo() throws Exception {
        Simulation sim = start("cpus = 4", "nic.queues = 4", "memory.pages = 65536", "traffic.rate = 3M",
                "xdp.tx = 30", "xdp.drop = 70", "napi.budget = 8", "at 1ms: reload");
        long before = 0;
        for (int i = 0; i < 50_000; i++) {
            long t = sim.nextStepTime();
            for (int q = 0; q < 4; q++) {
                long next = sim.driver(q).nextEvent();
                assertThat(Math.max(sim.now(), next == Long.MIN_VALUE ? sim.now() : next))
                        .as("step %d: queue %d is due before the step", i, q).isGreaterThanOrEqualTo(t);
            }
            if (sim.step() == Simulation.IDLE) {
                break;
            }
            assertThat(sim.now()).as("step %d", i).isEqualTo(t).isGreaterThanOrEqualTo(before);
            before = sim.now();
        }
        assertThat(sim.nicStats().reloads()).as("every queue reloaded").isEqualTo(4);
        assertThat(sim.pools()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theSameSeedGivesTheSameRunAndStepsBatchesAndCopiesAgree() throws Exception {
        Preset p = preset("cpus = 6", "nic.queues = 5", "memory.nodes = 2", "memory.pages = 32768",
                "traffic.rate = 5M", "traffic.duty = 0.5", "xdp.drop = 40", "xdp.tx = 20", "xdp.pass = 20",
                "xdp.redirect = 20", "skb.remote = 0.5", "at 2ms: reload", "at 3ms: irq.cpu = 1");
        Simulation a = p.start(null);
        a.run(80_000, Long.MAX_VALUE, 0);
        Simulation b = p.start(null);
        b.run(80_000, Long.MAX_VALUE, 0);
        assertThat(Outcome.of(b)).isEqualTo(Outcome.of(a));
        assertThat(a.nicStats().reloads()).isEqualTo(5);

        Simulation single = p.start(null);
        for (int i = 0; i < 80_000; i++) {
            single.step();
        }
        assertThat(Outcome.of(single)).as("one step at a time").isEqualTo(Outcome.of(a));

        Simulation original = p.start(null);
        original.run(30_000, Long.MAX_VALUE, 0);
        Simulation copy = original.copy();
        original.run(50_000, Long.MAX_VALUE, 0);
        copy.run(50_000, Long.MAX_VALUE, 0);
        assertThat(Outcome.of(copy)).as("a copy").isEqualTo(Outcome.of(a));
        assertThat(Outcome.of(original)).isEqualTo(Outcome.of(a));

        Simulation other = p.withSeed(99).start(null);
        other.run(80_000, Long.MAX_VALUE, 0);
        assertThat(Outcome.of(other)).as("another seed").isNotEqualTo(Outcome.of(a));
    }
}
