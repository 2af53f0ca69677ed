// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NIC's queues run ahead on threads of their own ({@link
 * Simulation#runQueuesOn}) end exactly where the same run with the queues in
 * turn ends: every counter, every page in the same place, the same clock and
 * steps; on random NICs of up to 64 queues (every verdict, skewed RSS, rare
 * queues, bursts, reloads, changes of rate on the timeline and between runs)
 * and on the shipped presets of several queues. The threads meet whenever a
 * single packet is listed here, so that they run together as often as they
 * can; the shipped threshold only makes it rarer.
 */
class QueuesTogetherTest {
    private static final long MS = 1_000_000;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomNicsEndWhereTheQueuesInTurnEnd(long seed) {
        RandomWorkload queues = RandomWorkload.withQueues(seed, 10_000);
        for (RandomWorkload w : RandomWorkload.threeKinds(queues)) {
            int threads = 2 + (int) (seed % 3);
            Simulation together = w.start(null);
            together.runQueuesOn(threads, 1);
            together.run(Long.MAX_VALUE, w.horizonNs(), 0);
            Simulation inTurn = w.start(null);
            inTurn.run(Long.MAX_VALUE, w.horizonNs(), 0);
            assertSameEnd(inTurn, together, "seed " + seed + ", " + threads + " threads\n" + w.describe());
        }
    }

    /** The random NICs must run together often, or the test above proves little. */
    @Test
    void mostRandomDroppingNicsRunTogether() {
        long ran = seeds().filter(seed -> {
            RandomWorkload w = RandomWorkload.withQueues(seed, 10_000).dropping();
            Simulation together = w.start(null);
            together.runQueuesOn(2, 1);
            together.run(Long.MAX_VALUE, w.horizonNs(), 0);
            return together.runsTogether() > 0;
        }).count();
        assertThat(ran).as("seeds whose queues ran together, of %d", seeds().count())
                .isGreaterThanOrEqualTo(seeds().count() / 4);
    }

    static Stream<Path> presets() {
        return DeterminismTest.presets().filter(file -> {
            try {
                return PresetFiles.load(file.toString()).params().getInt(Param.QUEUES) > 1;
            } catch (PresetFiles.BadPreset e) {
                throw new AssertionError(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void presetsOfSeveralQueuesEndWhereTheQueuesInTurnEnd(Path file) throws Exception {
        Preset preset = PresetFiles.load(file.toString());
        Simulation together = preset.start(null);
        together.runQueuesOn(2, 1);
        together.run(Long.MAX_VALUE, 12 * MS, 0);
        Simulation inTurn = preset.start(null);
        inTurn.run(Long.MAX_VALUE, 12 * MS, 0);
        assertSameEnd(inTurn, together, file.toString());
    }

    @Test
    void theSixteenQueueDropRunsTogetherOnceAJiffy() throws Exception {
        Simulation sim = PresetFiles.load("../assets/scenarios/19-xdp-drop-16-queues.workload").start(null);
        sim.runQueuesOn(2);
        sim.run(Long.MAX_VALUE, 20 * MS, 0);
        assertThat(sim.runsTogether()).isBetween(15L, 21L);
        assertThat(sim.queueThreads()).isEqualTo(2);
    }

    /**
     * A change of rate between two runs acts from the clock's time: the
     * packets sent early for the queues running together, which none asked
     * for yet, are taken back first, as in turn.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRateChangedBetweenRunsActsAsInTurn(long seed) {
        RandomWorkload w = RandomWorkload.withQueues(seed, 10_000).skewed().dropping();
        Simulation together = w.start(null);
        together.runQueuesOn(2, 1);
        Simulation inTurn = w.start(null);
        for (Simulation sim : List.of(together, inTurn)) {
            sim.run(Long.MAX_VALUE, w.horizonNs() / 3, 0);
            sim.set(Param.RATE, 3e6);
            sim.run(Long.MAX_VALUE, 2 * w.horizonNs() / 3, 0);
            sim.set(Param.RATE, 90e6);
            sim.run(Long.MAX_VALUE, w.horizonNs(), 0);
        }
        assertSameEnd(inTurn, together, "seed " + seed + "\n" + w.describe());
    }

    @Test
    void rareQueuesInBurstsWithAChangeOfRateEndAsInTurn() throws Exception {
        String[] lines = {"nic.queues = 16", "rss = zipf:5", "traffic.rate = 191M", "irq.latency_ns = 15ms",
            "traffic.duty = 0.5", "traffic.burst_ns = 859us"};
        Simulation together = SimulationQueuesTest.preset(lines).start(null);
        together.runQueuesOn(3, 1);
        Simulation inTurn = SimulationQueuesTest.preset(lines).start(null);
        for (Simulation sim : List.of(together, inTurn)) {
            sim.run(Long.MAX_VALUE, 28_838_995, 0);
            sim.set(Param.RATE, 50e6);
            sim.run(Long.MAX_VALUE, 40_000_000, 0);
        }
        assertSameEnd(inTurn, together, "rare queues in bursts");
    }

    @Test
    void aCopyRunsItsQueuesInTurnToTheSameEnd() throws Exception {
        Simulation together = PresetFiles.load("../assets/scenarios/16-elephant-flow.workload").start(null);
        together.runQueuesOn(2, 1);
        together.run(Long.MAX_VALUE, 5 * MS, 0);
        Simulation copy = together.copy();
        assertThat(copy.queueThreads()).isEqualTo(1);
        together.set(Param.RATE, 1e6);
        copy.set(Param.RATE, 1e6);
        together.run(Long.MAX_VALUE, 9 * MS, 0);
        copy.run(Long.MAX_VALUE, 9 * MS, 0);
        assertSameEnd(copy, together, "16 and its copy");
    }

    @Test
    void theThreadsRunEveryQueueOnceAndThrowTheLowestQueuesFailure() {
        QueueThreads threads = new QueueThreads(3);
        AtomicIntegerArray ran = new AtomicIntegerArray(40);
        threads.runAll(40, ran::incrementAndGet);
        for (int q = 0; q < 40; q++) {
            assertThat(ran.get(q)).as("queue %d", q).isEqualTo(1);
        }
        assertThatThrownBy(() -> threads.runAll(40, q -> {
            if (q % 7 == 3) {
                throw new IllegalStateException("queue " + q);
            }
        })).hasMessage("queue 3");
        threads.runAll(2, ran::incrementAndGet); // the failure ended the phase, not the threads
        assertThat(ran.get(0)).isEqualTo(2);
        assertThatThrownBy(() -> new QueueThreads(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameEnd(Simulation inTurn, Simulation together, String what) {
        assertThat(Outcome.of(together)).as(what).isEqualTo(Outcome.of(inTurn));
        assertThat(Outcome.pages(together)).as("%s: pages", what).isEqualTo(Outcome.pages(inTurn));
    }

}
