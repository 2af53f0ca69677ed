// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * runner ends in the same counters and the same state line, for every pool
 * the run created: each has its own slot, a reload's new pool a new one, so
 * a reload no longer ends the recording.
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
     * A {@link ScriptRecorder} that also notes, from the live model, every
     * pool in the order they were created and, when the recording ends, each
     * one's counters and state line.
     */
    private static final class Witness implements CallRecorder {
        final ScriptRecorder script;
        final List<PagePool> pools = new ArrayList<>();
        final List<String> liveStats = new ArrayList<>();
        final List<State> liveStates = new ArrayList<>();
        boolean stoppedEarly;
        boolean ended;

        Witness(StringWriter out) {
            script = new ScriptRecorder(out);
        }

        private void note(Kernel kernel) {
            if (!ended) {
                ended = true;
                for (PagePool pool : pools) {
                    liveStates.add(State.of(kernel, pool));
                    liveStats.add(pool.stats().format());
                }
            }
        }

        @Override
        public void start(Kernel kernel, int[] nodePages) {
            script.start(kernel, nodePages);
        }

        @Override
        public void create(Kernel kernel, PagePoolParams params) {
            script.create(kernel, params);
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
        public void releasePage(Kernel kernel, PagePool p, int page) {
            script.releasePage(kernel, p, page);
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
            if (!ended && !pools.contains(p)) {
                pools.add(p); // a pool's first call: the order of creation, the order of the slots
            }
            script.xdpReg(kernel, p);
        }

        @Override
        public void destroy(Kernel kernel, PagePool p) {
            script.destroy(kernel, p);
        }

        @Override
        public void stop(Kernel kernel, String why) {
            if (!ended) {
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

    /** The replay of a recording: each slot's last {@code stats} result and state line, and the end. */
    private record Replay(Map<Integer, String> lastStats, Map<Integer, State> lastState, State state, int slot,
                          int lines) {
    }

    private static Replay replay(String name, String recording, String context) throws Exception {
        List<String> lines = Arrays.asList(recording.split("\n", -1));
        Script script = ScriptParser.parse(name, lines);
        ScriptRunner runner = new ScriptRunner(script);
        Map<Integer, String> lastStats = new HashMap<>();
        Map<Integer, State> lastState = new HashMap<>();
        int steps = 0;
        while (runner.hasNext()) {
            StepResult step = runner.step();
            steps++;
            assertThat(step.outcome()).as("%s: line %d of the recording: %s", context, step.line(), step.error())
                    .isEqualTo(StepResult.Outcome.OK);
            if (step.word().equals("stats")) {
                lastStats.put(runner.slot(), step.result());
            }
            lastState.put(runner.slot(), step.state());
        }
        return new Replay(lastStats, lastState, runner.state(), runner.slot(), steps);
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

    private static String expectLine(State state) {
        StringBuilder expect = new StringBuilder("expect");
        for (StateField field : StateField.values()) {
            expect.append(' ').append(field.key()).append('=').append(state.text(field));
        }
        return expect.toString();
    }

    /** Records {@code sim} for up to {@code steps} steps until {@code untilNs}, replays it and compares every pool. */
    private static void recordAndReplay(Simulation sim, Witness witness, StringWriter out, long steps, long untilNs,
                                        String context) throws Exception {
        sim.run(steps, untilNs, 0);
        witness.finish(sim.kernel());
        String recording = out.toString();
        assertThat(witness.pools).as("%s: the recorded pools", context).isNotEmpty();
        assertThat(witness.script.slotsUsed()).as("%s: a slot for every pool", context)
                .isEqualTo(Math.min(witness.pools.size(), 64));

        Replay replay = replay("recorded.pool", recording, context);
        for (int i = 0; i < witness.pools.size() && i < 64; i++) {
            int slot = i + 1;
            State live = witness.liveStates.get(i);
            String what = context + ": slot " + slot + " (pool " + witness.pools.get(i).id() + ")";
            assertThat(recording).as("%s: its expect line", what).contains("\n" + expectLine(live) + "\n");
            assertThat(replay.lastState().get(slot)).as("%s: the state line after the replay", what).isEqualTo(live);
            assertThat(replay.lastStats().get(slot)).as("%s: a stats line", what).isNotNull();
            if (!live.pool().equals("freed")) {
                assertThat(replay.lastStats().get(slot)).as("%s: the last stats line", what)
                        .isEqualTo(witness.liveStats.get(i));
            }
        }
        String live = lastLineStartingWith(recording, LIVE);
        assertThat(live).as("%s: the live counters comment", context).isNotNull();
        int last = replay.slot();
        assertThat(live.substring(LIVE.length())).as("%s: the last comment is the current slot's pool", context)
                .isEqualTo(witness.liveStats.get(last - 1));
        assertThat(replay.state()).isEqualTo(witness.liveStates.get(last - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aRecordedPresetReplaysToTheSameCountersAndState(Path file) throws Exception {
        Preset preset = Presets.load(file);
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = preset.start(witness);
        recordAndReplay(sim, witness, out, Presets.steps(preset, STEPS), preset.durationNs(), file.toString());
        assertThat(sim.packets()).as("%s: packets", file).isPositive();

        long reloadAt = Long.MAX_VALUE;
        for (TimedAction a : preset.timeline()) {
            if (a.action() instanceof TimedAction.Reload) {
                reloadAt = Math.min(reloadAt, a.timeNs());
            }
        }
        String recording = out.toString();
        String[] lines = recording.split("\n");
        assertThat(witness.stoppedEarly).as("%s: nothing stopped the recording", file).isFalse();
        assertThat(recording).as("%s", file).doesNotContain(ENDS);
        assertThat(lines[lines.length - 1]).as("%s: the last line", file).startsWith(LIVE);
        long creates = Arrays.stream(lines).filter(line -> line.startsWith("create")).count();
        assertThat(witness.pools).as("%s: every pool the run created", file).hasSize((int) creates)
                .hasSizeGreaterThanOrEqualTo(sim.queueCount());
        if (reloadAt != Long.MAX_VALUE) {
            assertThat(sim.now()).as("%s: the budget reaches the reload", file).isGreaterThan(reloadAt);
            assertThat(witness.pools).as("%s: the live run went on with a second pool", file).hasSizeGreaterThan(
                    sim.queueCount());
            assertThat(recording).as("%s: the new pool's slot", file).contains("\npool " + (sim.queueCount() + 1)
                    + "\n");
        }
        if (sim.queueCount() > 1) {
            for (int slot = 2; slot <= sim.queueCount(); slot++) {
                assertThat(recording).as("%s: queue %d's slot", file, slot - 1).contains("\npool " + slot + "\n");
            }
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
        assertThat(witness.stoppedEarly).as("seed %d: nothing stops a recording of a few pools", seed).isFalse();
        if (witness.pools.size() > 1) {
            RANDOM_RELOADED.incrementAndGet();
        }
        for (State state : witness.liveStates) {
            if (state.pool().equals("deferred") || state.pool().equals("freed")) {
                RANDOM_DESTROYED.incrementAndGet();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("queueSeeds")
    void aRecordedMultiQueueWorkloadReplaysEveryPool(long seed) throws Exception {
        RandomWorkload w = RandomWorkload.withQueues(seed, 15_000);
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = w.start(witness);
        recordAndReplay(sim, witness, out, 15_000, w.horizonNs(), "seed " + seed + "\n" + w.describe());
        assertThat(witness.pools.size()).isGreaterThanOrEqualTo(sim.queueCount());
    }

    static Stream<Long> queueSeeds() {
        return Stream.iterate(201L, s -> s + 1).limit(12);
    }

    private static final AtomicLong RANDOM_RUNS = new AtomicLong();
    private static final AtomicLong RANDOM_RELOADED = new AtomicLong();
    private static final AtomicLong RANDOM_DESTROYED = new AtomicLong();

    @AfterAll
    static void theRandomRecordingsCoveredReloadsAndUnloads() {
        if (RANDOM_RUNS.get() < RANDOM_SEEDS) {
            return; // only some seeds ran
        }
        assertThat(RANDOM_RELOADED.get()).as("recordings that went on past a reload").isPositive();
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
        assertThat(witness.liveStates.get(0).pool()).isEqualTo("freed");
        assertThat(out.toString()).contains("\ndestroy\ndestroy\n").doesNotContain(ENDS);
    }

    @Test
    void afterSixtyFourPoolsANewPoolTakesTheSlotOfAFreedOneOrTheRecordingEnds() throws Exception {
        // 40 queues reload: the old pools are freed at once (XDP_DROP leaves nothing out), so the last 16 new pools
        // take slots 1 to 16 again
        Preset reuse = PresetParser.parse("reuse.workload", List.of("title = reuse", "memory.pages = 262144",
                "cpus = 40", "nic.queues = 40", "nic.rx_ring = 16", "traffic.rate = 4M", "at 1ms: reload"));
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = reuse.start(witness);
        sim.run(Long.MAX_VALUE, 2_000_000, 0);
        witness.finish(sim.kernel());
        String recording = out.toString();
        assertThat(witness.pools).hasSize(80);
        assertThat(witness.script.slotsUsed()).isEqualTo(64);
        assertThat(recording).contains("\npool 16\ncreate ").doesNotContain("\npool 65\n", ENDS);
        assertThat(witness.script.endedEarly()).isNull();
        Replay replay = replay("reuse.pool", recording, "reuse");
        List<State> live = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            if (sim.pools().contains(witness.pools.get(i))) {
                live.add(witness.liveStates.get(i));
            }
        }
        List<State> replayed = new ArrayList<>(replay.lastState().values());
        replayed.removeIf(state -> state.pool().equals("freed"));
        assertThat(replayed).as("the 40 live pools' slots after the replay").containsExactlyInAnyOrderElementsOf(live);

        // with sockets holding pages every old pool stays deferred: no slot comes free
        Preset full = PresetParser.parse("full.workload", List.of("title = full", "memory.pages = 262144",
                "cpus = 40", "nic.queues = 40", "nic.rx_ring = 16", "traffic.rate = 4M", "xdp.drop = 0",
                "xdp.pass = 100", "skb.lifetime_ns = 100ms", "at 1ms: reload"));
        out = new StringWriter();
        witness = new Witness(out);
        sim = full.start(witness);
        sim.run(Long.MAX_VALUE, 2_000_000, 0);
        witness.finish(sim.kernel());
        recording = out.toString();
        String[] lines = recording.split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo(ENDS + "a pool is created while all 64 slots of a .pool script"
                + " hold pools that are not freed");
        assertThat(witness.script.endedEarly()).as("why and when, for the command line's warning")
                .isEqualTo("at jiffy 1 (a pool is created while all 64 slots of a .pool script hold pools that are"
                        + " not freed)");
        replay("full.pool", recording, "full");
    }

    @Test
    void aPageThatOutlivesItsFreedPoolEndsTheRecordingWhereItIsPut() throws Exception {
        // every frame passed up the stack by the cpumap CPU: its page leaves the pool at once, so the reload frees
        // the old pool at once, while sockets still hold its pages for half a second
        Preset outlived = PresetParser.parse("outlived.workload", List.of("title = outlived", "memory.pages = 65536",
                "cpus = 5", "traffic.rate = 20k", "xdp.drop = 0", "xdp.redirect = 100", "redirect.cpus = 1-4",
                "redirect.pass = 1", "skb.lifetime_ns = 500ms", "duration = 1500ms", "at 10ms: reload"));
        StringWriter out = new StringWriter();
        Witness witness = new Witness(out);
        Simulation sim = outlived.start(witness);
        sim.run(Long.MAX_VALUE, 1_000_000_000L, 0);
        witness.finish(sim.kernel());
        String recording = out.toString();
        assertThat(witness.script.endedEarly()).as("the put_page() of the freed pool's page ends it")
                .contains("outlived it, and a script cannot name it");
        Replay replay = replay("outlived.pool", recording, "outlived"); // it used to fail: drop on a freed pool
        assertThat(replay.lastState()).isNotEmpty();
    }

    @Test
    void theCommandLineRecordingRunsWithTheRunCommand(@TempDir Path dir) throws Exception {
        Path pool = dir.resolve("tx-bulk.pool");
        String[] recorded = recordWithTheCommandLine("14-tx-bulk", pool, "--packets", "30000");
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

    /** {@code workload --preset SCENARIO LIMIT... --record POOL}: its exit status and stderr, and its stdout. */
    private static String[] recordWithTheCommandLine(String scenario, Path pool, String... limit) {
        List<String> args = new ArrayList<>(List.of("workload", "--preset",
                Path.of("..", "assets", "scenarios", scenario + ".workload").toString(), "--record", pool.toString()));
        args.addAll(List.of(limit));
        return DeterminismTest.cli(args.toArray(String[]::new));
    }

    @Test
    void aRecordingCutAtItsSizeLimitSaysSoOnStandardError(@TempDir Path dir) throws Exception {
        Path pool = dir.resolve("long.pool");
        // 01 writes about 20 lines a simulated microsecond: 2 million lines within 0.1 s
        String[] recorded = recordWithTheCommandLine("01-xdp-drop", pool, "--seconds", "0.1");
        assertThat(recorded[0]).isEqualTo("0\nwarning: " + pool + ": the recording stopped at jiffy 98 (it reached"
                + " 2,000,000 lines), before the run did; it replays to the state at that point\n");
        String recording = Files.readString(pool);
        assertThat(recording).endsWith(ENDS + "it reached 2,000,000 lines\n");
        assertThat(recording.lines().count()).isBetween(ScriptRecorder.MAX_LINES, ScriptRecorder.MAX_LINES + 300);
    }
}
