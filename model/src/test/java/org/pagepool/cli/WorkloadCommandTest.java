// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptFiles;
import org.pagepool.script.ScriptParser;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.StepResult;
import org.pagepool.workload.CounterCsv;

/** {@code workload}: what it prints, the files it writes, and one-line errors for bad options and presets. */
class WorkloadCommandTest {
    private static final String DROP = Path.of("..", "assets", "scenarios", "01-xdp-drop.workload").toString();
    private static final String SLOW = Path.of("..", "assets", "scenarios", "05-slow-socket.workload").toString();

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsKernelCountersNicCountersAndBothRates() {
        Result r = run("workload", "--preset", DROP, "--packets", "100000");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("pool 1 (alive): fast=").contains("cache_full=").contains("released_refcnt=")
                .contains("nic: rx_packets=").contains("rx_missed=").contains("simulated: ").contains(" Mpps")
                .contains("wall clock: ").contains("M packets per wall second");
        assertThat(r.out()).containsPattern("simulated: [0-9.]+ s, 100000 packets");
    }

    /** 19's sixteen queues on one thread and on three give the same counters; the rate line says which. */
    @Test
    void theQueuesGiveTheSameCountersOnAnyNumberOfThreads() {
        String nic = Path.of("..", "assets", "scenarios", "19-xdp-drop-16-queues.workload").toString();
        Result one = run("workload", "--preset", nic, "--seconds", "0.02", "--threads", "1");
        Result three = run("workload", "--preset", nic, "--seconds", "0.02", "--threads", "3");
        assertThat(one.status()).isZero();
        assertThat(three.status()).isZero();
        assertThat(notTheWallClock(three.out())).contains("queue 15 ").contains("memory: free=")
                .isEqualTo(notTheWallClock(one.out()));
        assertThat(one.out()).containsPattern("M packets per wall second\n");
        assertThat(three.out()).contains("M packets per wall second, the queues on 3 threads\n");
    }

    @Test
    void theSameSeedGivesTheSameCountersAndAnotherSeedOthers() {
        String a = counters(run("workload", "--preset", SLOW, "--seconds", "0.02", "--seed", "5").out());
        String b = counters(run("workload", "--preset", SLOW, "--seconds", "0.02", "--seed", "5").out());
        String c = counters(run("workload", "--preset", SLOW, "--seconds", "0.02", "--seed", "6").out());
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void eventsAtOneMomentApplyInTheFilesOrderThoughTheFirstLeavesNoVerdictWeighted() throws Exception {
        // the preset is checked at the end of each moment (xdp.pass has a weight by then), and so is the run
        Path preset = dir.resolve("swap.workload");
        Files.writeString(preset, "title = t\nduration = 10ms\nxdp.drop = 100\nat 5ms: xdp.drop = 0\n"
                + "at 5ms: xdp.pass = 50\n");
        Result r = run("workload", "--preset", preset.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains(" xdp_pass=").doesNotContain(" xdp_pass=0 ").contains("stopped at the preset's");
    }

    private static String notTheWallClock(String out) {
        return out.lines().filter(l -> !l.startsWith("wall clock:")).reduce("", (x, y) -> x + y + "\n");
    }

    private static String counters(String out) {
        return out.lines().filter(l -> l.startsWith("pool ") || l.startsWith("nic:") || l.startsWith("stack:"))
                .reduce("", (x, y) -> x + y + "\n");
    }

    @Test
    void aRecordingReplaysToTheLiveState() throws Exception {
        Path pool = dir.resolve("slow.pool");
        Result r = run("workload", "--preset", SLOW, "--seconds", "0.01", "--record", pool.toString());
        assertThat(r.status()).isZero();
        Script script = ScriptFiles.load(pool.toString());
        ScriptRunner runner = new ScriptRunner(script);
        StepResult last = null;
        while (runner.hasNext()) {
            last = runner.step();
            assertThat(last.outcome()).as("line %d: %s", last.line(), last.error()).isEqualTo(StepResult.Outcome.OK);
        }
        assertThat(last.word()).isEqualTo("expect");
        String live = r.out().lines().filter(l -> l.startsWith("pool 1 (")).findFirst().orElseThrow();
        String replayedStats = runner.run(ScriptParser.parseLine(1, "stats")).result();
        assertThat(live).endsWith(replayedStats);
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerInterval() throws Exception {
        Path csv = dir.resolve("c.csv");
        Result r = run("workload", "--preset", DROP, "--seconds", "0.005", "--csv", csv.toString(), "--every", "1");
        assertThat(r.status()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(CounterCsv.header());
        assertThat(lines).hasSize(1 + 6); // 0, 1, 2, 3, 4 and 5 ms
        int columns = lines.get(0).split(",").length;
        for (String row : lines.subList(1, lines.size())) {
            assertThat(row.split(",")).hasSize(columns);
        }
        assertThat(lines.get(6)).startsWith("0.005000000,");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--preset", // needs a value
        "--preset X --bogus 1",
        "--preset X --packets 0",
        "--preset X --packets many",
        "--preset X --seconds -1",
        "--preset X --csv out.csv",
        "--preset X --every 5",
        "--packets 5",
        "stray --preset X",
    })
    void aBadOptionIsOneLineAndExitTwo(String args) {
        String[] words = ("workload " + args.replace("X", DROP)).split(" ");
        Result r = run(words);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("error: workload: ");
    }

    @Test
    void aMissingPresetIsOneLine() {
        Result r = run("workload", "--preset", "no-such.workload");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: no-such.workload: cannot open: No such file or directory\n");
    }

    @Test
    void aBadPresetNamesItsFileAndLine() throws Exception {
        Path preset = dir.resolve("bad.workload");
        Files.writeString(preset, "# a preset\ntitle = t\n\ntraffic.rate = fast\n");
        Result r = run("workload", "--preset", preset.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("error: " + preset + ":4: ").contains("traffic.rate");
    }

    @Test
    void anUnwritableOutputIsOneLineAndRunsNothing() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        Result r = run("workload", "--preset", DROP, "--record", file.resolve("out.pool").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + file.resolve("out.pool") + ": cannot write: Not a directory\n");
    }
}
