// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.nic.CallRecorder;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.pool.PoolStatsSnapshot;

/**
 * Pages that leave their queue come home: a frame XDP redirected to another
 * CPU (cpumap) and an skb freed on another CPU go back to the pool that owns
 * the page, through that pool's ptr_ring, from the CPU where the free
 * happens, in process context ({@code page_pool_put_full_page(pp, page,
 * false)}: {@code ptr_ring_produce_bh()} under the ring's producer lock).
 */
class CrossQueueTest {
    private static final long MS = 1_000_000;

    /** A free as the pool API saw it: which pool, from which CPU, in which context. */
    private record Free(int pool, int cpu, boolean softirq) {
    }

    /** Notes every skb free; ignores the rest. */
    private static final class Frees implements CallRecorder {
        final List<Free> frees = new ArrayList<>();

        @Override
        public void skbFree(Kernel kernel, PagePool pool, int page) {
            assertThat(PagePool.owner(kernel, page)).as("page->pp names the page's own pool").isSameAs(pool);
            frees.add(new Free(pool.id(), kernel.runningCpu(), kernel.inServingSoftirq()));
        }

        /** xdp_return_frame(): page_pool_put_full_page(pool, page, false) from the cpumap's CPU. */
        @Override
        public void put(Kernel kernel, PagePool pool, int page, int sync, boolean direct) {
            if (!direct) {
                assertThat(PagePool.owner(kernel, page)).as("the frame's page is its pool's").isSameAs(pool);
                frees.add(new Free(pool.id(), kernel.runningCpu(), kernel.inServingSoftirq()));
            }
        }

        // @formatter:off
        @Override public void start(Kernel kernel, int[] nodePages) { }
        @Override public void create(Kernel kernel, PagePoolParams params) { }
        @Override public void alloc(Kernel kernel, PagePool pool) { }
        @Override public void putBulk(Kernel kernel, PagePool pool, int[] pages, int count) { }
        @Override public void getPage(Kernel kernel, PagePool pool, int page) { }
        @Override public void putPage(Kernel kernel, PagePool pool, int page) { }
        @Override public void releasePage(Kernel kernel, PagePool pool, int page) { }
        @Override public void updateNid(Kernel kernel, PagePool pool, int nid) { }
        @Override public void xdpReg(Kernel kernel, PagePool pool) { }
        @Override public void destroy(Kernel kernel, PagePool pool) { }
        @Override public void stop(Kernel kernel, String why) { }
        @Override public void finish(Kernel kernel) { }
        // @formatter:on
    }

    @Test
    void redirectedFramesComeBackToTheirOwnPoolsRingFromTheCpumapCpus() throws Exception {
        Frees frees = new Frees();
        Simulation sim = SimulationQueuesTest.preset("cpus = 8", "nic.queues = 4", "memory.pages = 65536",
                "traffic.rate = 4M", "xdp.drop = 0", "xdp.redirect = 100", "redirect.cpus = 4-7",
                "redirect.latency_ns = 20us").start(frees);
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        assertThat(frees.frees).hasSizeGreaterThan(10_000);
        int[] perCpu = new int[8];
        for (Free f : frees.frees) {
            assertThat(f.softirq()).as("cpumap's kthread frees in process context").isFalse();
            assertThat(f.cpu()).isBetween(4, 7);
            perCpu[f.cpu()]++;
        }
        // round robin over the cpumap entries
        int least = Math.min(Math.min(perCpu[4], perCpu[5]), Math.min(perCpu[6], perCpu[7]));
        int most = Math.max(Math.max(perCpu[4], perCpu[5]), Math.max(perCpu[6], perCpu[7]));
        assertThat(most - least).isLessThanOrEqualTo(1);
        for (int q = 0; q < 4; q++) {
            PoolStatsSnapshot s = sim.poolStats(q);
            int pool = sim.driver(q).pool().id();
            assertThat(frees.frees.stream().filter(f -> f.pool() == pool).count()).as("queue %d's frees", q)
                    .isPositive();
            assertThat(s.ring()).as("queue %d: pages back through its ring", q).isPositive();
            assertThat(s.cached()).as("queue %d: nothing recycled directly", q).isZero();
            assertThat(sim.ringProducers(pool)).as("queue %d: the four cpumap CPUs produce into its ring", q)
                    .isEqualTo(4);
        }
        StackStats stack = sim.stackStats();
        assertThat(stack.framesFreed()).isEqualTo(frees.frees.size());
        assertThat(stack.remoteFrees()).as("no queue's NAPI runs on CPUs 4-7").isEqualTo(stack.framesFreed());
    }

    @Test
    void skbsFreedOnOtherCpusComeBackToTheQueueThatReceivedThem() throws Exception {
        Frees frees = new Frees();
        Simulation sim = SimulationQueuesTest.preset("cpus = 4", "nic.queues = 4", "memory.pages = 65536",
                "traffic.rate = 2M", "xdp.drop = 0", "xdp.pass = 100", "skb.remote = 1",
                "skb.lifetime_ns = 30us").start(frees);
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        assertThat(frees.frees).hasSizeGreaterThan(5_000);
        for (Free f : frees.frees) {
            int queue = f.pool() - 1; // pools 1..4 belong to queues 0..3
            assertThat(f.cpu()).as("freed on a CPU other than queue %d's", queue).isNotEqualTo(queue);
            assertThat(f.softirq()).isFalse();
        }
        StackStats stack = sim.stackStats();
        assertThat(stack.remoteFrees()).isEqualTo(stack.skbsFreed());
        assertThat(sim.poolStats().ring()).isEqualTo(stack.skbsFreed() - sim.poolStats().ringFull());
        assertThat(sim.ringProducers()).as("three other CPUs return into each ring").isEqualTo(3);
    }

    @Test
    void manyCpusReturningIntoOnePoolAreWhatTheCrossCpuCostIsPricedBy() throws Exception {
        Simulation sim = SimulationQueuesTest.preset("cpus = 8", "memory.pages = 65536", "traffic.rate = 4M",
                "xdp.drop = 0", "xdp.redirect = 100", "redirect.cpus = 1-7").start(null);
        sim.run(Long.MAX_VALUE, 3 * MS, 0);
        double[] values = StateFields.sample(sim);
        assertThat(values[StateFields.byName("ring_producers").index()]).isEqualTo(7);
        assertThat(values[StateFields.byName("cost_cross_cpu_ns").index()])
                .isEqualTo(values[StateFields.byName("cost_cross_cpu_ns_4").index()]);
        Simulation local = SimulationQueuesTest.preset("cpus = 8", "memory.pages = 65536", "traffic.rate = 4M",
                "xdp.drop = 100").start(null);
        local.run(Long.MAX_VALUE, 3 * MS, 0);
        values = StateFields.sample(local);
        assertThat(values[StateFields.byName("ring_producers").index()]).as("XDP_DROP never uses the ring").isZero();
        assertThat(values[StateFields.byName("cost_cross_cpu_ns").index()]).isZero();
    }

    @Test
    void framesTheCpumapPassesToTheStackLeaveThePoolAsV514BuildsTheirSkbs() throws Exception {
        Simulation sim = SimulationQueuesTest.preset("cpus = 8", "nic.queues = 2", "memory.pages = 65536",
                "traffic.rate = 4M", "xdp.drop = 0", "xdp.redirect = 100", "redirect.cpus = 4-7",
                "redirect.pass = 1").start(null);
        sim.run(Long.MAX_VALUE, 5 * MS, 0);
        StackStats stack = sim.stackStats();
        PoolStatsSnapshot s = sim.poolStats();
        assertThat(stack.framesFreed()).isGreaterThan(10_000);
        // xdp_release_frame() at the skb's build: unmapped and counted released, never back to the pool
        assertThat(s.ring()).as("nothing comes back through the ring").isZero();
        assertThat(sim.ringProducers()).isZero();
        assertThat(released(sim)).as("pages_state_release_cnt: one a frame").isEqualTo(stack.framesFreed());
        // each skb a socket on the cpumap CPU holds for its lifetime, then put_page() to the page allocator
        assertThat(stack.skbs()).isEqualTo(stack.framesFreed());
        assertThat(stack.skbsFreed()).isPositive().isLessThan(stack.skbs());
        assertThat(stack.remoteFrees()).as("put_page() to the page allocator returns nothing into a ring").isZero();
        assertThat(s.slow()).as("the pool allocates from the page allocator all along")
                .isGreaterThan(stack.framesFreed() / 64 - 64);

        Simulation half = SimulationQueuesTest.preset("cpus = 8", "nic.queues = 2", "memory.pages = 65536",
                "traffic.rate = 4M", "xdp.drop = 0", "xdp.redirect = 100", "redirect.cpus = 4-7",
                "redirect.pass = 0.5").start(null);
        half.run(Long.MAX_VALUE, 5 * MS, 0);
        PoolStatsSnapshot h = half.poolStats();
        long freed = half.stackStats().framesFreed();
        // a page the full ring refuses is released too: released = passed + ring_full, ring + ring_full = dropped
        assertThat(released(half) + h.ring()).as("each frame either leaves or goes to the ring").isEqualTo(freed);
        assertThat((double) (released(half) - h.ringFull()) / freed).as("about half pass").isBetween(0.45, 0.55);
    }

    /** pages_state_release_cnt summed over the queues' pools. */
    private static long released(Simulation sim) {
        long n = 0;
        for (int q = 0; q < sim.queueCount(); q++) {
            n += sim.driver(q).pool().releaseCount();
        }
        return n;
    }
}
