// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.kernel.Kernel;
import org.pagepool.nic.CallRecorder;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptParser;
import org.pagepool.script.ScriptRecorder;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.State;
import org.pagepool.script.StateField;
import org.pagepool.script.StepResult;

/**
 * A live run recorded as a {@code .pool} script and run again by the script
 * runner ends in the same counters and the same state line — up to a driver
 * reload, where the recording stops with a comment.
 */
class RecordReplayTest {
    private static final long STEPS = 120_000;
    private static final int RANDOM_SEEDS = 40;
    private static final String LIVE = "# live counters: ";
    private static final String ENDS = "# the recording ends here: ";

    static Stream<Path> presets() {
        return Presets.files().stream();
    }

    /**
     * A {@link ScriptRecorder} that also notes, from the live model, the
     * recorded pool's counters and the state line when the recording ends.
     */
    private static final class Witness implements CallRecorder {
        final ScriptRecorder script;
        PagePool pool;
        String liveStats;
        State liveState;
        boolean stoppedEarly;

        Witness(StringWriter out) {
            script = new ScriptRecorder(out);
        }

        private void note(Kernel kernel) {
            if (liveState == null) {
                liveState = State.of(kernel, pool);
                liveStats = pool == null ? null : pool.stats().format();
            }
        }

        @Override
        public void start(Kernel kernel, int[] nodePages, PagePoolParams params) {
            script.start(kernel, nodePages, params);
        }

        @Override
        public void alloc(Kernel kernel, PagePool p) {
            script.alloc(kernel, p);
        }

        @Override
        public void put(Kernel kernel, PagePool p, int page, int dmaSyncSize, boolean allowDirect) {
            script.put(kernel, p, page, dmaSyncSize, allowDirect);
        }

        @Override
        public void putBulk(Kernel kernel, PagePool p, int[] pages, int count) {
            script.putBulk(kernel, p, pages, count);
        }

        @Override
        public void skbFree(Kernel kernel, PagePool p, int page) {
            script.skbFree(kernel, p, page);
        }

        @Override
        public void getPage(Kernel kernel, PagePool p, int page) {
            script.getPage(kernel, p, page);
        }

        @Override
        public void putPage(Kernel kernel, PagePool p, int page) {
            script.putPage(kernel, p, page);
        }

        @Override
        public void updateNid(Kernel kernel, PagePool p, int nid) {
            script.updateNid(kernel, p, nid);
        }

        @Override
        public void xdpReg(Kernel kernel, PagePool p) {
            if (pool == null) {
                pool = p;
            }
            script.xdpReg(kernel, p);
        }

        @Override
        public void destroy(Kernel kernel, PagePool p) {
            script.destroy(kernel, p);
        }

        @Override
        public void stop(Kernel kernel, String why) {
            if (liveState == null) {
                stoppedEarly = true;
            }
            note(kernel);
            script.stop(kernel, why);
        }

        @Override
        public void finish(Kernel kernel) {
            note(kernel);
            script.finish(kernel);
        }
    }

    /** The replay of a recording: the last result of {@code stats} and the state at the end. */
    private record Replay(String lastStats, State state, PagePool pool, int lines) {
    }

    private static Replay replay(String name, String recording, String context) throws Exception {
        List<String> lines = Arrays.asList(recording.split("\n", -1));
        Script script = ScriptParser.parse(name, lines);
        ScriptRunner runner = new ScriptRunner(script);
        String lastStats = null;
        int steps = 0;
        while (runner.hasNext()) {
            StepResult step = runner.step();
            steps++;
            assertThat(step.outcome()).as("%s: line %d of the recording: %s", context, step.line(), step.error())
                    .isEqualTo(StepResult.Outcome.OK);
            if (step.word().equals("stats")) {
                lastStats = step.result();
            }
        }
        return new Replay(lastStats, runner.state(), runner.pool(), steps);
    }

    private static String lastLineStartingWith(String text, String prefix) {
        String found = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                found = line;
            }
        }
        return found;
    }

    /** Records {@code sim} for up to {@code steps} steps until {@code untilNs}, replays it and compares. */
    private static void recordAndReplay(Simulation sim, Witness witness, StringWriter out, long steps, long untilNs,
                                        String context) throws Exception {
        sim.run(steps, untilNs, 0);
        witness.finish(sim.kernel());
        String recording = out.toString();
        assertThat(witness.pool).as("%s: the recorded pool", context).isNotNull();

        String expect = lastLineStartingWith(recording, "expect ");
        assertThat(expect).as("%s: an expect line", context).isNotNull();
        for (StateField field : StateField.values()) {
            assertThat(expect).as("%s: expect names %s", context, field.key()).contains(" " + field.key() + "=");
        }
        String live = lastLineStartingWith(recording, LIVE);
        assertThat(live).as("%s: the live counters comment", context).isNotNull();
        assertThat(live.substring(LIVE.length())).as("%s: the comment is the live pool's counters", context)
                .isEqualTo(witness.liveStats);

        Replay replay = replay("recorded.pool", recording, context);
        assertThat(replay.state()).as("%s: the state line after the replay", context).isEqualTo(witness.liveState);
        assertThat(replay.pool().stats().format()).as("%s: the replayed pool's counters", context)
                .isEqualTo(witness.liveStats);
        assertThat(replay.lastStats()).as("%s: the last stats line", context).isNotNull();
        if (!witness.liveState.pool().equals("freed")) {
            assertThat(replay.lastStats()).as("%s: the last stats line", context).isEqualTo(witness.liveStats);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aRecordedPresetReplaysToTheSameCountersAndState(Path file) throws Exception {
        Preset preset = Presets.load(file);
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = preset.start(witness);
        recordAndReplay(sim, witness, out, STEPS, preset.durationNs(), file.toString());
        assertThat(sim.packets()).as("%s: packets", file).isPositive();

        long reloadAt = Long.MAX_VALUE;
        for (TimedAction a : preset.timeline()) {
            if (a.action() instanceof TimedAction.Reload) {
                reloadAt = Math.min(reloadAt, a.timeNs());
            }
        }
        String recording = out.toString();
        String[] lines = recording.split("\n");
        if (reloadAt != Long.MAX_VALUE) {
            assertThat(sim.now()).as("%s: the budget reaches the reload", file).isGreaterThan(reloadAt);
            assertThat(witness.stoppedEarly).as("%s: the recording stopped at the reload", file).isTrue();
            assertThat(lines[lines.length - 1]).as("%s: the last line", file).startsWith(ENDS).contains("reload");
            assertThat(sim.pools()).as("%s: the live run went on with a second pool", file).hasSizeGreaterThan(1);
            assertThat(sim.driver().stats().reloads()).isPositive();
        } else {
            assertThat(witness.stoppedEarly).as("%s: nothing stopped the recording", file).isFalse();
            assertThat(recording).as("%s", file).doesNotContain(ENDS);
            assertThat(lines[lines.length - 1]).as("%s: the last line", file).startsWith(LIVE);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRecordedRandomWorkloadReplaysToTheSameCountersAndState(long seed) throws Exception {
        RandomWorkload w = RandomWorkload.of(seed, 15_000);
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = w.start(witness);
        recordAndReplay(sim, witness, out, 15_000, w.horizonNs(), "seed " + seed + "\n" + w.describe());
        RANDOM_RUNS.incrementAndGet();
        if (witness.stoppedEarly) {
            RANDOM_STOPPED.incrementAndGet();
        }
        if (witness.liveState.pool().equals("deferred") || witness.liveState.pool().equals("freed")) {
            RANDOM_DESTROYED.incrementAndGet();
        }
    }

    private static final AtomicLong RANDOM_RUNS = new AtomicLong();
    private static final AtomicLong RANDOM_STOPPED = new AtomicLong();
    private static final AtomicLong RANDOM_DESTROYED = new AtomicLong();

    @AfterAll
    static void theRandomRecordingsCoveredReloadsAndUnloads() {
        if (RANDOM_RUNS.get() < RANDOM_SEEDS) {
            return; // only some seeds ran
        }
        assertThat(RANDOM_STOPPED.get()).as("recordings that ended at a reload").isPositive();
        assertThat(RANDOM_DESTROYED.get()).as("recordings that end with the pool destroyed").isPositive();
    }

    static Stream<Long> seeds() {
        return Stream.iterate(101L, s -> s + 1).limit(RANDOM_SEEDS);
    }

    @Test
    void aRecordingOfAPoolThatWasFreedEndsWithTheFreedState() throws Exception {
        // every packet dropped, then an unload: nothing is out, so the pool is freed at once
        Preset preset = PresetParser.parse("unload.workload", List.of("title = unload", "memory.pages = 8192",
                "traffic.rate = 1M", "at 2ms: unload"));
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = preset.start(witness);
        recordAndReplay(sim, witness, out, 100_000, 5_000_000, "unload");
        assertThat(witness.liveState.pool()).isEqualTo("freed");
        assertThat(out.toString()).contains("\ndestroy\ndestroy\n").doesNotContain(ENDS);
    }

    @Test
    void theCommandLineRecordingRunsWithTheRunCommand(@TempDir Path dir) throws Exception {
        Path pool = dir.resolve("tx-bulk.pool");
        String preset = Path.of("..", "assets", "scenarios", "14-tx-bulk.workload").toString();
        String[] recorded = DeterminismTest.cli("workload", "--preset", preset, "--packets", "30000", "--record",
                pool.toString());
        assertThat(recorded[0]).isEqualTo("0\n");
        String recording = Files.readString(pool);
        assertThat(recording).contains("\nput_bulk p=", "\nexpect pool=alive ");
        String[] replayed = DeterminismTest.cli("run", pool.toString());
        assertThat(replayed[0]).as("run's exit status and stderr").isEqualTo("0\n");
        String live = lastLineStartingWith(recording, LIVE).substring(LIVE.length());
        String lastStats = null;
        for (String line : replayed[1].split("\n")) {
            if (line.matches("\\d+ stats -> .*")) {
                lastStats = line.substring(line.indexOf("-> ") + 3, line.indexOf(" | "));
            }
        }
        assertThat(lastStats).isEqualTo(live);
        // and the live report printed the same counters for its pool
        assertThat(recorded[1]).contains("pool 1 (alive): " + live);
    }
}
