// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a separate process, for what only a process shows: the
 * real {@code /dev/full} as stdout, SIGTERM in the middle of a run, a small
 * heap, and no progress line when stderr is not a terminal.
 */
class CliProcessTest {
    /** Safety nets against a hung child, not timing assertions. */
    private static final long SAFETY_NET_MINUTES = 5;
    private static final long FILE_APPEARS_NS = 120_000_000_000L;
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    private record Outcome(int exit, String stdout, String stderr) {
    }

    private ProcessBuilder java(List<String> jvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.pagepool.cli.Main");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("CI");
        return builder;
    }

    private Outcome finish(Process process, File stdout, File stderr) throws Exception {
        process.getOutputStream().close();
        boolean ended = process.waitFor(SAFETY_NET_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the command line ended").isTrue();
        return new Outcome(process.exitValue(), stdout == null ? "" : Files.readString(stdout.toPath()),
                Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
    }

    private Outcome toDevFull(String... args) throws Exception {
        File err = dir.resolve("err.txt").toFile();
        Process p = java(List.of(), args).redirectOutput(DEV_FULL.toFile()).redirectError(err).start();
        return finish(p, null, err);
    }

    @Test
    void runAndWorkloadToDevFullExitTwoWithTheReason() throws Exception {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full");
        Path script = GoldenTraceTest.goldenDir().resolve("01-spec-example.pool");
        Outcome run = toDevFull("run", script.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("error: stdout: No space left on device\n");
        Outcome workload = toDevFull("workload", "--preset", Path.of(CommandLineTest.DROP).toAbsolutePath()
                .toString(), "--packets", "100");
        assertThat(workload.exit()).isEqualTo(2);
        assertThat(workload.stderr()).isEqualTo("error: stdout: No space left on device\n");
    }

    @Test
    void sigtermEndsTheRunWithItsSummaryAWholeRecordingAndWholeRows() throws Exception {
        Path preset = dir.resolve("long.workload");
        Files.writeString(preset, "title = long\nduration = 1000000s\ntraffic.rate = 1M\nxdp.drop = 50\n"
                + "xdp.pass = 50\n");
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = java(List.of(), "workload", "--preset", "long.workload", "--record", "r.pool", "--csv", "c.csv",
                "--every", "0.1").redirectOutput(out).redirectError(err).start();
        awaitTemporaryFileWithData();
        p.destroy(); // SIGTERM
        Outcome o = finish(p, out, err);

        assertThat(o.exit()).as("exit status after SIGTERM (128 + 15); stderr: %s", o.stderr()).isEqualTo(143);
        assertThat(o.stderr()).isEmpty();
        assertThat(o.stdout()).containsPattern("(?m)^stopped when interrupted, at [0-9.]+ s$").contains("pool 1 (");
        CommandLineTest.Result replay = CommandLineTest.cli("run", dir.resolve("r.pool").toString());
        assertThat(replay.status()).as("the recording replays: %s", replay.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("c.csv"));
        int columns = rows.get(0).split(",").length;
        assertThat(rows).hasSizeGreaterThan(1).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(columns));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    /** The run is under way once its CSV has reached the file system (its buffer is 64 KiB). */
    private void awaitTemporaryFileWithData() throws IOException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < FILE_APPEARS_NS) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith(".c.csv.") && size(f) > 0)) {
                    return;
                }
            }
            LockSupport.parkNanos(10_000_000L);
        }
        throw new AssertionError("the run wrote no CSV rows");
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aPresetThatExhaustsTheHeapNamesItselfAndWhatToChangeAndKeepsTheSummary() throws Exception {
        // the case, scaled to a 64 MB heap: many pages, sockets that keep every skb
        Outcome o = outOfHeap("huge", "title = huge\nduration = 1000s\nmemory.nodes = 8\nmemory.pages = 16777216\n"
                + "traffic.rate = 1M\nxdp.drop = 0\nxdp.pass = 100\nskb.lifetime_ns = 600s\n", "--record", "r.pool");
        assertThat(o.stderr()).matches("(?s)error: huge\\.workload: the Java heap (is nearly full|ran out) \\(.*\\) at "
                + "[0-9.]+ s: give the preset fewer pages \\(now memory\\.nodes = 8, memory\\.pages = 16777216\\).*"
                + "-Xmx\\d+m.*\n");
        assertThat(o.stdout()).contains("nic: rx_packets=");
    }

    @Test
    void aNicWhoseRingsFillTheHeapWhenItOpensSaysWhatToChangeAndKeepsTheSummary() throws Exception {
        // 64 rings of 8192 blocks of 32 pages: the first steps fill 2^24 pages, faster than the guard can turn
        Outcome o = outOfHeap("rings", "title = rings\nmemory.pages = 16777216\nnic.queues = 64\nnic.rx_ring = 8192\n"
                + "pool.order = 5\n", "--seconds", "0.001");
        assertThat(o.stderr()).matches("(?s)error: rings\\.workload: the Java heap (is nearly full|ran out) "
                + "\\(.*\\) at [0-9.]+ s: .*RX rings.*"
                + "\\(now nic\\.queues = 64, nic\\.rx_ring = 8192, pool\\.order = 5\\).*-Xmx\\d+m.*\n");
        assertThat(o.stdout()).contains("total: rx_packets=");
    }

    /**
     * 20 G packets a second in bursts. On two queues that poll once a
     * millisecond, a change of rate sends the 80 million packets so far to
     * their queues, which count them ahead rather than list them; on 64
     * queues that poll as usual, a queue running ahead sends every queue's
     * packets up to its time, for a million packets at most.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nic.queues = 2\nnapi.packet_ns = 1000us\nat 4ms: traffic.rate = 1M\n",
        "nic.queues = 64\n"})
    void burstsFarFasterThanTheQueuesPollRunInASmallHeap(String queues) throws Exception {
        Files.writeString(dir.resolve("bursts.workload"), "title = bursts\ntraffic.rate = 200M\ntraffic.duty = 0.01\n"
                + "traffic.burst_ns = 1s\n" + queues);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = java(List.of("-Xmx64m"), "workload", "--preset", "bursts.workload", "--seconds", "0.005")
                .redirectOutput(out).redirectError(err).start();
        Outcome o = finish(p, out, err);

        assertThat(o.exit()).as(o.stderr()).isZero();
        assertThat(o.stdout()).contains("total: rx_packets=").contains("stopped at the 0.005 s asked for");
    }

    @Test
    void aTickOfWeeksPrintsItsMillionWarningsAsTheyComeInASmallHeap() throws Exception {
        // eight pools whose shutdown stalls, then 24 days at once: a warning a minute from each, 286,328 lines
        StringBuilder script = new StringBuilder();
        for (int slot = 1; slot <= 8; slot++) {
            script.append("pool ").append(slot).append("\ncreate\nalloc\ndestroy\n");
        }
        script.append("tick ms=2147483647\n");
        Files.writeString(dir.resolve("weeks.pool"), script);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = java(List.of("-Xmx64m"), "run", "weeks.pool").redirectOutput(out).redirectError(err).start();
        Outcome o = finish(p, out, err);

        assertThat(o.exit()).as(o.stderr()).isZero();
        List<String> lines = o.stdout().lines().toList();
        assertThat(lines).hasSize(32 + 286_328 + 1);
        assertThat(lines.get(lines.size() - 2)).startsWith("! page_pool_release_retry() stalled pool shutdown");
        assertThat(lines.get(lines.size() - 1)).startsWith("33 tick -> ok | pool=deferred");
    }

    /**
     * Runs the preset {@code content} as {@code NAME.workload} in a 64 MB heap,
     * which it fills: exit 2, the summary so far and one line saying so.
     */
    private Outcome outOfHeap(String name, String content, String... args) throws Exception {
        Files.writeString(dir.resolve(name + ".workload"), content);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        List<String> command = new ArrayList<>(List.of("workload", "--preset", name + ".workload"));
        command.addAll(List.of(args));
        Process p = java(List.of("-Xmx64m"), command.toArray(String[]::new)).redirectOutput(out).redirectError(err)
                .start();
        Outcome o = finish(p, out, err);
        assertThat(o.exit()).as(o.stderr()).isEqualTo(2);
        assertThat(o.stderr().lines()).as(o.stderr()).hasSize(1);
        assertThat(o.stderr()).startsWith("error: " + name + ".workload: the Java heap ")
                .doesNotContain("internal error").doesNotContain("OutOfMemoryError");
        assertThat(o.stdout()).contains("preset: " + name + " (" + name + ".workload)")
                .containsPattern("(?m)^stopped at [0-9.]+ s because the Java heap (is nearly full|ran out)$");
        return o;
    }

    @Test
    void noProgressWhenStderrIsAPipe() throws Exception {
        assertThat(Progress.stderrIsTerminal()).as("the test JVM's stderr").isFalse();
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = java(List.of(), "workload", "--preset", Path.of(CommandLineTest.DROP).toAbsolutePath().toString())
                .redirectOutput(out).redirectError(err).start();
        Outcome o = finish(p, out, err);
        assertThat(o.exit()).isZero();
        assertThat(o.stderr()).isEmpty();
    }
}
