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
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;

/**
 * Random workloads over seeds and parameters, with page conservation checked
 * after every NAPI poll: every page is in exactly one place, counted 2^order
 * times, and every pool's inflight count is explained by where its pages are
 * (or by the pages the buggy driver leaked).
 */
class SimulationSoakTest {
    private static final int SEEDS = 60;
    private static final long STEPS = 40_000;

    /** What the seeds exercised, all together: the soak must reach the interesting paths. */
    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong RELOADS = new AtomicLong();
    private static final AtomicLong DEFERRED = new AtomicLong();
    private static final AtomicLong LEAKED = new AtomicLong();
    private static final AtomicLong CLONES = new AtomicLong();
    private static final AtomicLong RELEASED = new AtomicLong();
    private static final AtomicLong REFILL_FAILED = new AtomicLong();
    private static final AtomicLong WAIVED = new AtomicLong();
    private static final AtomicLong TX_FULL = new AtomicLong();
    private static final AtomicLong HIGH_ORDER = new AtomicLong();
    private static final AtomicLong TWO_NODES = new AtomicLong();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPageIsInExactlyOnePlaceAfterEveryPoll(long seed) {
        RandomWorkload w = RandomWorkload.of(seed, STEPS);
        Simulation sim = w.start(null);
        SimulationInvariants law = Invariants.simulation();
        long polls = 0;
        while (sim.steps() < STEPS) {
            int result;
            try {
                result = sim.run(STEPS - sim.steps(), w.horizonNs(), Driver.POLL);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": the model threw at step " + sim.steps() + ", "
                        + sim.now() + " ns\n" + w.describe(), e);
            }
            if (result == Simulation.IDLE || result == Simulation.LATER) {
                break;
            }
            if ((result & Driver.POLL) != 0) {
                polls++;
                law.afterPoll(sim);
                String broken = law.violation(sim);
                assertThat(broken).as("seed %d, after poll %d at %d ns (step %d)%n%s", seed, polls, sim.now(),
                        sim.steps(), w.describe()).isNull();
            }
        }
        assertThat(law.checks()).as("seed %d: polls checked%n%s", seed, w.describe()).isPositive();
        tally(sim, law);
    }

    private static void tally(Simulation sim, SimulationInvariants law) {
        RUNS.incrementAndGet();
        NicStats nic = sim.driver().stats();
        RELOADS.addAndGet(nic.reloads());
        LEAKED.addAndGet(nic.leaked());
        REFILL_FAILED.addAndGet(nic.refillFailed());
        TX_FULL.addAndGet(nic.txFull());
        CLONES.addAndGet(sim.stackStats().clones());
        RELEASED.addAndGet(sim.poolStats().releasedRefcnt());
        WAIVED.addAndGet(sim.poolStats().waive());
        HIGH_ORDER.addAndGet(sim.poolStats().slowHighOrder());
        for (PagePool pool : sim.pools()) {
            if (pool.state() == PoolState.DEFERRED) {
                DEFERRED.incrementAndGet();
            }
        }
        if (sim.kernel().mm().nodeCount() > 1) {
            TWO_NODES.incrementAndGet();
        }
    }

    @AfterAll
    static void theSeedsReachedTheInterestingPaths() {
        if (RUNS.get() < SEEDS) {
            return; // only some seeds ran (a single one picked in an IDE): nothing to say about coverage
        }
        assertThat(RELOADS.get()).as("reloads and unloads").isPositive();
        assertThat(DEFERRED.get()).as("pools left deferred").isPositive();
        assertThat(LEAKED.get()).as("leaked pages").isPositive();
        assertThat(CLONES.get()).as("cloned skbs").isPositive();
        assertThat(RELEASED.get()).as("released_refcnt").isPositive();
        assertThat(REFILL_FAILED.get()).as("failed refills").isPositive();
        assertThat(WAIVED.get()).as("NUMA waives").isPositive();
        assertThat(TX_FULL.get()).as("full TX rings").isPositive();
        assertThat(HIGH_ORDER.get()).as("high-order allocations").isPositive();
        assertThat(TWO_NODES.get()).as("two-node machines").isPositive();
    }
}
