// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.nic.Driver;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;

/** The simulation's clock, its timeline, its parameter changes and what it shows. */
class SimulationTest {
    private static final long MS = 1_000_000;

    private static Simulation start(String... lines) throws Exception {
        return PresetParser.parse("test.workload", Arrays.asList(lines)).start(null);
    }

    @Test
    void runStopsBeforeAStepAfterTheTimeLimitAndSaysLater() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 1M");
        int result = sim.run(Long.MAX_VALUE, 3 * MS, 0);
        assertThat(result).isEqualTo(Simulation.LATER);
        assertThat(sim.now()).isLessThanOrEqualTo(3 * MS);
        assertThat(sim.nextStepTime()).isGreaterThan(3 * MS);
        assertThat(sim.packets()).as("a packet every microsecond").isBetween(2_990L, 3_000L);
    }

    @Test
    void aStopFlagEndsTheRunAtThatStep() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 1M");
        int result = sim.run(Long.MAX_VALUE, 3 * MS, Driver.PACKET);
        assertThat(result & Driver.PACKET).isNotZero();
        assertThat(sim.packets()).isEqualTo(1);
        long steps = sim.steps();
        assertThat(sim.run(5, Long.MAX_VALUE, 0)).isNotEqualTo(Simulation.IDLE);
        assertThat(sim.steps()).isEqualTo(steps + 5);
    }

    @Test
    void aSimulationWithNothingLeftToDoIsIdle() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 1M", "at 1ms: unload");
        int result = sim.run(Long.MAX_VALUE, 10 * MS, 0);
        assertThat(result).isEqualTo(Simulation.IDLE);
        assertThat(sim.nextStepTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(sim.driver().pool()).isNull();
        assertThat(sim.pools()).as("every page was back: the pool was freed").isEmpty();
        assertThat(sim.kernel().mm().freePages()).isEqualTo(8192);
        assertThat(sim.kernel().dma().mapped()).isZero();
    }

    @Test
    void jiffiesFollowSimulatedTime() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 100k");
        sim.run(Long.MAX_VALUE, 25 * MS + 500_000, 0);
        sim.idleUntil(25 * MS + 500_000);
        assertThat(sim.now()).isEqualTo(25 * MS + 500_000);
        assertThat(sim.kernel().jiffies().now()).isEqualTo(25);
    }

    @Test
    void timelineEventsTakeEffectAtTheirTime() throws Exception {
        Simulation sim = start("title = t", "memory.nodes = 2", "memory.pages = 8192", "cpus = 4",
                "traffic.rate = 1M", "at 2ms: irq.cpu = 3", "at 3ms: memory.pressure = on",
                "at 4ms: memory.pressure = off");
        sim.run(Long.MAX_VALUE, 2 * MS - 1, 0);
        assertThat(sim.driver().config().irqCpu()).isZero();
        assertThat(sim.driver().pool().nid()).isZero();
        sim.run(Long.MAX_VALUE, 3 * MS - 1, 0);
        assertThat(sim.driver().config().irqCpu()).isEqualTo(3);
        assertThat(sim.driver().config().irqNode()).isEqualTo(1);
        assertThat(sim.driver().pool().nid()).as("page_pool_nid_changed() after the IRQ moved").isEqualTo(1);
        assertThat(sim.kernel().mm().pressure()).isFalse();
        sim.run(Long.MAX_VALUE, 4 * MS - 1, 0);
        assertThat(sim.kernel().mm().pressure()).isTrue();
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        assertThat(sim.kernel().mm().pressure()).isFalse();
        assertThat(sim.nextActionIndex()).isEqualTo(3);
    }

    @Test
    void reloadScopeChangesWaitForTheReload() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 1M", "nic.rx_ring = 256");
        sim.run(Long.MAX_VALUE, MS, 0);
        sim.set(Param.RX_RING, 64);
        sim.set(Param.POOL_SIZE, 128);
        sim.run(Long.MAX_VALUE, 2 * MS, 0);
        assertThat(sim.driver().rx().size()).isEqualTo(256);
        PagePool old = sim.driver().pool();
        sim.apply(new TimedAction.Reload());
        sim.run(Long.MAX_VALUE, 3 * MS, 0);
        assertThat(sim.driver().rx().size()).isEqualTo(64);
        assertThat(sim.driver().pool()).isNotSameAs(old);
        assertThat(sim.driver().pool().poolSize()).isEqualTo(128);
        assertThat(old.state()).isEqualTo(PoolState.FREED);
    }

    @Test
    void aValueOutOfRangeIsRefusedAndChangesNothing() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192");
        WorkloadParams before = sim.params();
        assertThatThrownBy(() -> sim.set(Param.RATE, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("traffic.rate");
        assertThatThrownBy(() -> sim.set(Param.SKB_CLONE, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.set(Param.BUDGET, 2.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number");
        assertThat(sim.params()).isEqualTo(before);
    }

    @Test
    void aLiveEditCannotLeaveEveryXdpVerdictAtWeightZero() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "xdp.drop = 100", "xdp.pass = 0");
        WorkloadParams before = sim.params();
        assertThatThrownBy(() -> sim.set(Param.DROP, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xdp.drop").hasMessageContaining("weight 0");
        assertThat(sim.params()).isEqualTo(before);
        sim.set(Param.PASS, 10); // another verdict first, then the first may go to 0
        sim.set(Param.DROP, 0);
        assertThat(sim.params().get(Param.DROP)).isZero();
    }

    @Test
    void whenMemoryRunsOutTheNicMissesPackets() throws Exception {
        // 512 pages, a 1024-descriptor ring: the ring can never be full
        Simulation sim = start("title = t", "memory.pages = 512", "nic.rx_ring = 1024", "traffic.rate = 20M",
                "xdp.drop = 0", "xdp.pass = 1", "skb.lifetime_ns = 1ms");
        sim.run(2_000_000, 5 * MS, 0);
        assertThat(sim.driver().stats().refillFailed()).isPositive();
        assertThat(sim.driver().stats().rxMissed()).isPositive();
        assertThat(sim.driver().rx().posted() + sim.driver().rx().completed()).isLessThanOrEqualTo(512);
    }

    @Test
    void aRemoteSocketFreesOnAnotherCpuSoThePageGoesToTheRing() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "cpus = 4", "traffic.rate = 1M", "xdp.drop = 0",
                "xdp.pass = 1", "skb.lifetime_ns = 20us", "skb.remote = 100%");
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        assertThat(sim.stackStats().skbsFreed()).isPositive();
        assertThat(sim.poolStats().cached()).as("never back into the cache from process context").isZero();
        assertThat(sim.poolStats().ring()).isEqualTo(sim.stackStats().skbsFreed());
    }

    @Test
    void redirectedFramesAreFreedOnTheOtherCpuThroughTheRing() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 1M", "xdp.drop = 0",
                "xdp.redirect = 1", "redirect.latency_ns = 10us");
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        StackStats s = sim.stackStats();
        assertThat(s.redirected()).isEqualTo(sim.driver().stats().redirect());
        assertThat(s.framesFreed()).isEqualTo(s.redirected() - s.framesHeld());
        assertThat(sim.poolStats().ring()).isEqualTo(s.framesFreed());
    }

    // ---- suspected model bugs -------------------------------------------------------------------------------

    @Test
    void poolStatsDoesNotDependOnWhetherPoolsWasCalled() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 8192", "traffic.rate = 1M", "at 2ms: unload");
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        String first = sim.poolStats().format();
        assertThat(sim.pools()).isEmpty();
        assertThat(sim.poolStats().format()).isEqualTo(first);
    }

    @Test
    void aResetScopeChangeDoesNotReachTheRunningMachine() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 4096", "cpus = 4", "traffic.rate = 1M");
        sim.run(Long.MAX_VALUE, MS, 0);
        sim.set(Param.NODES, 2);
        sim.set(Param.IRQ_CPU, 3);
        sim.run(Long.MAX_VALUE, 2 * MS, 0);
        assertThat(sim.kernel().mm().nodeCount()).isEqualTo(1);
        assertThat(sim.driver().config().irqNode()).isZero();
        assertThat(sim.driver().pool().nid()).isZero();
    }

    @Test
    void aCloneOutlivesItsSkb() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 65536", "traffic.rate = 100k", "xdp.drop = 0",
                "xdp.pass = 1", "skb.clone = 100%", "skb.lifetime_ns = 100us", "skb.clone_lifetime_ns = 300us");
        sim.run(Long.MAX_VALUE, 50 * MS, 0);
        StackStats s = sim.stackStats();
        assertThat(s.clones()).isEqualTo(s.skbs());
        assertThat(sim.poolStats().releasedRefcnt()).as("every skb freed while its clone still holds the page")
                .isEqualTo(s.skbsFreed());
        assertThat(sim.poolStats().ring()).isZero();
    }

    @Test
    void thePoolsListShowsTheDeferredOldPoolBesideTheNewOne() throws Exception {
        Simulation sim = start("title = t", "memory.pages = 16384", "traffic.rate = 500k", "xdp.drop = 0",
                "xdp.pass = 1", "skb.lifetime_ns = 20ms", "at 2ms: reload");
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        List<PagePool> pools = sim.pools();
        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).state()).isEqualTo(PoolState.DEFERRED);
        assertThat(pools.get(1)).isSameAs(sim.driver().pool());
        assertThat(pools.get(1).state()).isEqualTo(PoolState.ALIVE);
        // the sockets free the old pool's pages; a release retry then frees it
        sim.run(Long.MAX_VALUE, 3_000 * MS, 0);
        assertThat(sim.pools()).containsExactly(sim.driver().pool());
    }
}
