// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts a real JVM running {@code org.pagepool.cli.Main} in the golden
 * folder, as a user would run the command line.
 */
class CliEndToEndTest {
    /** A safety net against a hung child, not a timing assertion. */
    private static final long SAFETY_NET_MINUTES = 5;

    private record Result(int exit, String stdout, String stderr) {
        List<String> stderrLines() {
            if (stderr.isEmpty()) {
                return List.of();
            }
            String text = stderr.endsWith("\n") ? stderr.substring(0, stderr.length() - 1) : stderr;
            return List.of(text.split("\n", -1));
        }
    }

    private static Result cli(String... args) throws Exception {
        Path dir = GoldenTraceTest.goldenDir();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.pagepool.cli.Main");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), out);
        Thread errPump = pump(process.getErrorStream(), err);
        boolean ended = process.waitFor(SAFETY_NET_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not end: " + command);
        }
        outPump.join();
        errPump.join();
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void assertNoStackTrace(Result r) {
        for (String line : r.stderr.split("\n")) {
            assertThat(line).as("stderr line").doesNotContain("at org.").doesNotContain("Exception");
        }
    }

    @Test
    void runsTheSpecExampleWithExactTrace() throws Exception {
        Result r = cli("run", "01-spec-example.pool");
        String expected = Files.readString(GoldenTraceTest.goldenDir().resolve("01-spec-example.trace"),
                StandardCharsets.UTF_8);
        assertThat(r.stdout).isEqualTo(expected);
        assertThat(r.exit).as("exit status; stderr: " + r.stderr).isZero();
        assertThat(r.stderr).isEmpty();
    }

    @Test
    void failedExpectExitsOne() throws Exception {
        Result r = cli("run", "err-3-expect.pool");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.stdout).isEqualTo(Files.readString(GoldenTraceTest.goldenDir().resolve("err-3-expect.trace"),
                StandardCharsets.UTF_8));
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderrLines().get(0)).startsWith("expect failed: err-3-expect.pool:7: ");
    }

    @Test
    void syntaxErrorExitsTwoWithEmptyStdout() throws Exception {
        Result r = cli("run", "err-1-syntax.pool");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stdout).isEmpty();
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderrLines().get(0)).startsWith("error: err-1-syntax.pool:7: ");
        assertNoStackTrace(r);
    }

    @Test
    void helpExitsZeroAndMentionsRun() throws Exception {
        Result r = cli("--help");
        assertThat(r.exit).isZero();
        assertThat(r.stdout).contains("run");
        assertThat(r.stdout).containsPattern("\\brun\\b");
    }

    @Test
    void noArgumentsExitsTwo() throws Exception {
        Result r = cli();
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stdout).isEmpty();
        assertThat(r.stderr).isNotEmpty();
        assertNoStackTrace(r);
    }

    @Test
    void unknownVerbIsOneErrorLine() throws Exception {
        Result r = cli("frobnicate");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stdout).isEmpty();
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderrLines().get(0)).startsWith("error:").contains("frobnicate");
        assertNoStackTrace(r);
    }

    @Test
    void missingFileNamesItAsGiven() throws Exception {
        Result r = cli("run", "nope.pool");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stdout).isEmpty();
        assertThat(r.stderr).isEqualTo("error: nope.pool: cannot open: No such file or directory\n");
    }

    @Test
    void directoryAsScriptIsOneErrorLine() throws Exception {
        Result r = cli("run", ".");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stdout).isEmpty();
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderrLines().get(0)).startsWith("error: .: ");
        assertNoStackTrace(r);
    }
}
