// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of a machine taken into a pool fits in a small heap: a forked
 * {@code run} of a script that allocates all 2^22 pages of two nodes, in a
 * JVM whose heap is {@value #BYTES_PER_PAGE} bytes per page. (One object per
 * page, as the model had before, needed about 70.)
 */
class LargeMemoryRunTest {
    private static final int NODE_PAGES = 1 << 21;
    private static final long PAGES = 2L * NODE_PAGES;
    private static final int BYTES_PER_PAGE = 24;
    /** A safety net against a hung child, not a timing assertion. */
    private static final long SAFETY_NET_MINUTES = 5;

    @Test
    void allocatingEveryPageOfTwoNodesRunsInTwentyFourBytesAPage(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("every-page.pool");
        List<String> lines = new ArrayList<>();
        lines.add("memory nodes=2 pages=" + NODE_PAGES);
        lines.add("create");
        for (long taken = 0; taken < PAGES; taken += 100_000) {
            lines.add("alloc n=100000");
        }
        lines.add("alloc"); // NULL: nothing is left
        lines.add("expect hold=" + PAGES + " inflight=" + PAGES + " free=0");
        Files.write(script, lines);
        long heapMb = PAGES * BYTES_PER_PAGE >> 20;
        assertRunsIn(heapMb, script, dir);
    }

    /**
     * A script is read as a stream, twice, never whole: one larger than the
     * heap (a comment of 8 MB, then 600,000 commands in about 7 MB) runs in
     * a 16 MB heap.
     */
    @Test
    void aScriptLargerThanTheHeapRunsStreaming(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("long.pool");
        try (var out = Files.newBufferedWriter(script, StandardCharsets.US_ASCII)) {
            out.write("memory pages=256\ncreate\n# ");
            out.write("c".repeat(8 << 20));
            out.write("\n");
            for (int i = 0; i < 200_000; i++) {
                out.write("alloc\nrecycle p=64 # back to the cache\nstats\n");
            }
            out.write("expect cache=64 hold=64\n");
        }
        assertThat(Files.size(script)).isGreaterThan(16L << 20);
        assertRunsIn(16, script, dir);
    }

    /**
     * More pages than the heap can describe: the run stops early with an error
     * on the line where the heap filled, naming what to change, and the trace
     * before it is whole; never an "internal error".
     */
    @Test
    void aScriptThatFillsTheHeapStopsWithAClearError(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("too-many.pool");
        List<String> lines = new ArrayList<>();
        lines.add("memory nodes=2 pages=16777216");
        lines.add("create");
        for (int i = 0; i < 336; i++) {
            lines.add("alloc n=100000");
        }
        Files.write(script, lines);
        Path stdout = dir.resolve("stdout.txt");
        Process process = fork(48, script, stdout, dir.resolve("stderr.txt"));
        String errors = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("stderr: %s", errors).isEqualTo(2);
        assertThat(errors).startsWith("error: " + script + ":").contains("Java heap").contains("-Xmx")
                .doesNotContain("internal error").doesNotContain("Exception");
        int line = Integer.parseInt(errors.split(":")[2]);
        assertThat(line).isBetween(3, lines.size());
        byte[] trace = Files.readAllBytes(stdout);
        assertThat(trace[trace.length - 1]).as("the trace ends at a whole line").isEqualTo((byte) '\n');
        List<String> printed = Files.readAllLines(stdout, StandardCharsets.US_ASCII);
        String lastTraceLine = printed.get(printed.size() - 1);
        if (errors.contains("after this line")) {
            assertThat(lastTraceLine).as("the guard stops after the line that filled the heap").startsWith(line + " ");
        } else {
            assertThat(errors).contains("while running this line");
            assertThat(lastTraceLine).as("the line that ran out did not finish").startsWith((line - 1) + " ");
        }
    }

    private static void assertRunsIn(long heapMb, Path script, Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process process = fork(heapMb, script, null, stderr);
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit status with -Xmx%dm; stderr: %s", heapMb, errors).isZero();
        assertThat(errors).isEmpty();
    }

    /** {@code run script} in a JVM of {@code heapMb}; stdout kept when {@code stdout} is not null. */
    private static Process fork(long heapMb, Path script, Path stdout, Path stderr) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"), "org.pagepool.cli.Main",
                "run", script.toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(
                        stdout.toFile()))
                .redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(SAFETY_NET_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the run ended").isTrue();
        return process;
    }
}
