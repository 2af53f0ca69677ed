// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workload run ends: at the packets asked for, at the seconds asked
 * for, at the preset's duration, when nothing can happen any more, or when
 * interrupted; and its summary says which. An interrupted run still leaves a
 * recording that replays and a CSV of whole rows.
 */
class WorkloadStopTest {
    private static final String DROP = CommandLineTest.DROP;
    private static final String LEAK = Path.of("..", "assets", "scenarios", "10-driver-leak.workload").toString();

    @TempDir
    Path dir;

    private static String stopped(String out) {
        return out.lines().filter(l -> l.startsWith("stopped ")).findFirst().orElse("(no stopped line)\n" + out);
    }

    @Test
    void aLeakingDriverThatUnloadsStopsAtThePresetsDuration() {
        // the issue's case: the driver unloads before 100,000 packets and only the retry timer is left
        CommandLineTest.Result r = CommandLineTest.cli("workload", "--preset", LEAK, "--packets", "100000", "--seed",
                "42");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(stopped(r.out())).matches(
                "stopped at the preset's duration \\(130 s\\) after 99,99\\d of the 100,000 packets asked for");
        assertThat(r.out()).contains("simulated: 130.000000 s");
    }

    @Test
    void theRunStopsAtThePacketsAskedFor() {
        CommandLineTest.Result r = CommandLineTest.workload("--packets 1000");
        assertThat(stopped(r.out())).isEqualTo("stopped after the 1,000 packets asked for");
        assertThat(r.out()).contains(", 1000 packets,");
    }

    @Test
    void theRunStopsAtTheSecondsAskedForWhenTheyComeFirst() {
        CommandLineTest.Result r = CommandLineTest.workload("--seconds 0.002 --packets 1M");
        assertThat(stopped(r.out())).matches("stopped at the 0.002 s asked for after [\\d,]+ of the 1,000,000 "
                + "packets asked for");
        assertThat(r.out()).contains("simulated: 0.002000 s");
    }

    @Test
    void theRunStopsAtThePresetsDurationWhenItComesFirst() {
        CommandLineTest.Result r = CommandLineTest.workload("--seconds 5");
        assertThat(stopped(r.out())).isEqualTo("stopped at the preset's duration (0.1 s)");
        assertThat(r.out()).contains("simulated: 0.100000 s");
    }

    @Test
    void withoutLimitsTheRunLastsThePresetsDuration() {
        assertThat(stopped(CommandLineTest.workload("").out())).isEqualTo("stopped at the preset's duration (0.1 s)");
    }

    @Test
    void aRunWhereNothingCanHappenAnyMoreStops() throws IOException {
        Path preset = dir.resolve("quiet.workload");
        Files.writeString(preset, "title = no traffic\nduration = 1000000s\ntraffic.rate = 0\n");
        CommandLineTest.Result r = CommandLineTest.cli("workload", "--preset", preset.toString(), "--packets", "10");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(stopped(r.out())).matches("stopped at [0-9.]+ s: nothing can happen any more \\(no traffic, timer "
                + "or socket is left\\) after 0 of the 10 packets asked for");
    }

    @Test
    void aDriverUnloadedForGoodStopsWhenItsPoolIsFreed() throws IOException {
        Path preset = dir.resolve("unload.workload");
        Files.writeString(preset, "title = unload\nduration = 1000000s\ntraffic.rate = 1M\nat 1ms: unload\n");
        CommandLineTest.Result r = CommandLineTest.cli("workload", "--preset", preset.toString());
        assertThat(stopped(r.out())).startsWith("stopped at 0.001 s: nothing can happen any more");
    }

    @Test
    void anInterruptedRunPrintsItsSummaryAndLeavesWholeFiles() throws Exception {
        Path preset = dir.resolve("long.workload");
        Files.writeString(preset, "title = long\nduration = 1000000s\ntraffic.rate = 1M\nxdp.drop = 50\n"
                + "xdp.pass = 50\n");
        Path record = dir.resolve("run.pool");
        Path csv = dir.resolve("run.csv");
        AtomicInteger checks = new AtomicInteger();
        StopSignal afterThreeBatches = StopSignal.when(() -> checks.incrementAndGet() > 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"workload", "--preset", preset.toString(), "--record", record.toString(),
            "--csv", csv.toString(), "--every", "0.01"}, new Io(InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), afterThreeBatches, false));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(stopped(summary)).matches("stopped when interrupted, at [0-9.]+ s");
        assertThat(summary).contains("pool 1 (alive)");
        CommandLineTest.Result replay = CommandLineTest.cli("run", record.toString());
        assertThat(replay.status()).as("the recording replays: %s", replay.err()).isZero();
        assertThat(replay.out().lines().reduce((a, b) -> b).orElseThrow()).contains(" expect -> ok");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSizeGreaterThan(2);
        int columns = rows.get(0).split(",").length;
        for (String row : rows) {
            assertThat(row.split(",", -1)).as(row).hasSize(columns);
        }
        assertThat(Files.readString(csv)).endsWith("\n");
        assertThat(tempFiles()).isEmpty();
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
