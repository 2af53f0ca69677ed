// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.invariants.Invariants;
import org.pagepool.invariants.SimulationInvariants;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;

/**
 * Random multi-queue workloads ({@link RandomWorkload#withQueues}) with page
 * conservation checked after every step: every page is in exactly one place
 * (a pool's cache or ring, a queue's RX descriptor or TX ring, a socket, a
 * cpumap CPU), each queue holds only its own pools' pages, and every pool's
 * inflight count is explained by where its pages are.
 */
class QueueConservationTest {
    private static final int SEEDS = 12;
    private static final long STEPS = 4_000;

    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong QUEUE_RELOADS = new AtomicLong();
    private static final AtomicLong DEFERRED = new AtomicLong();
    private static final AtomicLong CROSS_QUEUE = new AtomicLong();
    private static final AtomicLong IDLE_QUEUES = new AtomicLong();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPageIsInExactlyOnePlaceAfterEveryStep(long seed) {
        RandomWorkload w = RandomWorkload.withQueues(seed, STEPS);
        Simulation sim = w.start(null);
        SimulationInvariants law = Invariants.simulation();
        law.afterPoll(sim);
        assertThat(law.violation(sim)).as("seed %d at the start%n%s", seed, w.describe()).isNull();
        while (sim.steps() < STEPS) {
            int result;
            try {
                result = sim.step();
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": the model threw at step " + sim.steps() + ", "
                        + sim.now() + " ns\n" + w.describe(), e);
            }
            if (result == Simulation.IDLE || sim.now() > w.horizonNs()) {
                break;
            }
            law.afterPoll(sim);
            String broken = law.violation(sim);
            assertThat(broken).as("seed %d, after step %d at %d ns%n%s", seed, sim.steps(), sim.now(),
                    w.describe()).isNull();
        }
        assertThat(law.checks()).as("seed %d: steps checked%n%s", seed, w.describe()).isGreaterThan(100);
        RUNS.incrementAndGet();
        for (int q = 0; q < sim.queueCount(); q++) {
            QUEUE_RELOADS.addAndGet(sim.driver(q).stats().reloads());
            if (sim.driver(q).stats().polls() == 0) {
                IDLE_QUEUES.incrementAndGet();
            }
        }
        for (PagePool pool : sim.pools()) {
            if (pool.state() == PoolState.DEFERRED) {
                DEFERRED.incrementAndGet();
            }
        }
        CROSS_QUEUE.addAndGet(sim.stackStats().remoteFrees());
    }

    @AfterAll
    static void theSeedsReachedTheInterestingPaths() {
        if (RUNS.get() < SEEDS) {
            return; // only some seeds ran
        }
        assertThat(QUEUE_RELOADS.get()).as("queue reloads").isPositive();
        assertThat(DEFERRED.get()).as("pools left deferred").isPositive();
        assertThat(CROSS_QUEUE.get()).as("pages freed on another CPU than their queue's").isPositive();
    }
}
