// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolStatsSnapshot;

/**
 * The execution context belongs to the code that runs: a NAPI poll is in
 * softirq on its CPU from its first step to its last, whatever sockets and
 * other CPUs do in process context between its steps. So every XDP_DROP
 * recycles directly (into the cache, or counts cache_full), never silently
 * through the ptr_ring.
 */
class ExecutionContextTest {
    private static final long STEPS = 200_000;

    /** Counters of every pool the run created, added up. */
    private record Totals(PoolStatsSnapshot pool, NicStats nic) {
        static Totals of(Simulation sim) {
            long cached = 0;
            long cacheFull = 0;
            long released = 0;
            for (PagePool p : sim.pools()) {
                PoolStatsSnapshot s = p.stats();
                cached += s.cached();
                cacheFull += s.cacheFull();
                released += s.releasedRefcnt();
            }
            return new Totals(new PoolStatsSnapshot(0, 0, 0, 0, 0, 0, cached, cacheFull, 0, 0, released),
                    sim.driver().stats());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void everyDropIsRecycledDirectlyWhileFramesAndSkbsAreFreedInProcessContextBetweenThePollsSteps(long seed)
            throws Exception {
        // half the packets are dropped, the rest redirected to another CPU or passed to a socket: those pages come
        // back in process context, interleaved with the polls
        Preset preset = Presets.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload")).withSeed(seed);
        Simulation sim = preset.start(null);
        sim.set(Param.REDIRECT, 60);
        sim.set(Param.PASS, 40);
        sim.run(STEPS, Long.MAX_VALUE, 0);
        Totals t = Totals.of(sim);
        assertThat(sim.stackStats().framesFreed()).as("seed %d: frames freed on the other CPU", seed).isPositive();
        assertThat(sim.stackStats().skbsFreed()).as("seed %d: skbs freed by sockets", seed).isPositive();
        assertThat(t.nic().drop()).as("seed %d: drops", seed).isPositive();
        assertThat(t.pool().cached() + t.pool().cacheFull())
                .as("seed %d: direct recycles of %d drops", seed, t.nic().drop()).isEqualTo(t.nic().drop());
    }

    static Stream<Path> presets() {
        return Presets.files().stream();
    }

    /**
     * In every preset each dropped page that the driver recycles (not the
     * leaked ones) ends in the cache, or counts cache_full, or is released for
     * its refcount or pfmemalloc: a drop in a poll can never reach the ring
     * uncounted.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void noDropInAPollEscapesTheDirectPath(Path file) throws Exception {
        Preset preset = Presets.load(file);
        for (long seed : new long[] {preset.seed(), preset.seed() + 1}) {
            Simulation sim = preset.withSeed(seed).start(null);
            sim.run(STEPS, preset.durationNs(), 0);
            Totals t = Totals.of(sim);
            long recycledDrops = t.nic().drop() - t.nic().leaked();
            assertThat(t.pool().cached() + t.pool().cacheFull() + t.pool().releasedRefcnt())
                    .as("%s seed %d: cached + cache_full + released_refcnt against %d recycled drops", file, seed,
                            recycledDrops)
                    .isGreaterThanOrEqualTo(recycledDrops);
        }
    }
}
