// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output is never lost silently: a failed write to stdout is an error with
 * the system's reason; {@code --record} and {@code --csv} targets are
 * complete or untouched, and a failure names the path; an output that is
 * the preset or the other output is refused before anything runs.
 */
class OutputFilesTest {
    private static final String DROP = CommandLineTest.DROP;
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    /** A device that is always full, as /dev/full is. */
    private static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static CommandLineTest.Result cliToStdout(PrintStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, stdout, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLineTest.Result(status, "", err.toString(StandardCharsets.UTF_8));
    }

    // ---- stdout -------------------------------------------------------------------------------------------

    @Test
    void aTraceThatCannotBeWrittenToStdoutIsAnError() {
        Path script = GoldenTraceTest.goldenDir().resolve("01-spec-example.pool");
        CommandLineTest.Result r = cliToStdout(Stdout.over(new FullDevice()), "run", script.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: stdout: No space left on device");
    }

    @Test
    void aSummaryThatCannotBeWrittenToStdoutIsAnError() {
        CommandLineTest.Result r = cliToStdout(Stdout.over(new FullDevice()), "workload", "--preset", DROP,
                "--packets", "100");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: stdout: No space left on device");
    }

    @Test
    void helpThatCannotBeWrittenIsAnErrorToo() {
        CommandLineTest.Result r = cliToStdout(Stdout.over(new FullDevice()), "--help");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: stdout: No space left on device");
    }

    @Test
    void anyPrintStreamThatFailedIsReportedWithoutAReasonToGive() {
        CommandLineTest.Result r = cliToStdout(new PrintStream(new FullDevice(), true, StandardCharsets.UTF_8),
                "--help");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: stdout: write error");
    }

    // ---- --record and --csv -------------------------------------------------------------------------------

    @Test
    void aRecordingToAFullDeviceNamesThePathAndTheReason() {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full");
        CommandLineTest.Result r = CommandLineTest.workload("--packets 1000 --record /dev/full");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: /dev/full: cannot write: No space left on device");
    }

    @Test
    void aFailedCsvLeavesTheOtherTargetUntouchedAndNoTemporaryFiles() throws IOException {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full");
        Path record = dir.resolve("kept.pool");
        Files.writeString(record, "old\n");
        CommandLineTest.Result r = CommandLineTest.workload("--packets 20k --record " + record
                + " --csv /dev/full --every 0.001");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: /dev/full: cannot write: No space left on device");
        assertThat(r.out()).contains("stopped at ").contains("an output file could not be written");
        assertThat(Files.readString(record)).isEqualTo("old\n");
        assertThat(others(record)).isEmpty();
    }

    @Test
    void aCompleteRunReplacesTheTargetsAndKeepsTheirMode() throws IOException {
        Path record = dir.resolve("r.pool");
        Path csv = dir.resolve("c.csv");
        Files.writeString(record, "old\n");
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("rw-r-----"));
        CommandLineTest.Result r = CommandLineTest.workload("--packets 1000 --record " + record + " --csv " + csv
                + " --every 1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(record)).startsWith("# recorded from a live run").endsWith("\n");
        assertThat(Files.readString(csv)).startsWith("time_s,");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record))).isEqualTo("rw-r-----");
        assertThat(others(record, csv)).isEmpty();
    }

    @Test
    void aFolderAsATargetIsRefusedBeforeTheRun() {
        CommandLineTest.Result r = CommandLineTest.workload("--record " + dir);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errorLine()).isEqualTo("error: " + dir + ": cannot write: Is a directory");
    }

    @Test
    void aNameEndingInASlashIsNoFileName() {
        CommandLineTest.Result r = CommandLineTest.workload("--record " + dir.resolve("out.pool") + "/");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: " + dir.resolve("out.pool") + "/: cannot write: Not a directory");
        assertThat(dir.resolve("out.pool")).doesNotExist();
    }

    @Test
    void aTargetInAMissingFolderNamesThePath() {
        Path target = dir.resolve("no-such-folder").resolve("r.pool");
        CommandLineTest.Result r = CommandLineTest.workload("--record " + target);
        assertThat(r.errorLine()).isEqualTo("error: " + target + ": cannot write: No such file or directory");
    }

    // ---- outputs that are inputs --------------------------------------------------------------------------

    @Test
    void recordingOverThePresetIsRefusedAndThePresetKept() throws IOException {
        Path preset = dir.resolve("v.workload");
        Files.copy(Path.of(DROP), preset);
        String before = Files.readString(preset);
        for (String same : List.of(preset.toString(), dir.resolve(".").resolve("v.workload").toString(),
                dir.resolve("sub").resolve("..").resolve("v.workload").toString())) {
            CommandLineTest.Result r = CommandLineTest.cli("workload", "--preset", preset.toString(), "--record", same);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.errorLine()).isEqualTo("error: workload: --record " + same
                    + " is the preset itself: it would be overwritten (write the recording to another file)");
        }
        assertThat(Files.readString(preset)).isEqualTo(before);
    }

    @Test
    void aCsvOverThePresetThroughALinkIsRefused() throws IOException {
        Path preset = dir.resolve("v.workload");
        Files.copy(Path.of(DROP), preset);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), preset);
        CommandLineTest.Result r = CommandLineTest.cli("workload", "--preset", preset.toString(), "--csv",
                link.toString(), "--every", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).startsWith("error: workload: --csv " + link + " is the preset itself");
    }

    @Test
    void theRecordingAndTheCsvInOneFileAreRefused() {
        Path f = dir.resolve("f");
        CommandLineTest.Result r = CommandLineTest.workload("--record " + f + " --csv " + dir.resolve(".")
                .resolve("f") + " --every 1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: workload: --record and --csv name the same file, "
                + dir.resolve(".").resolve("f") + ": each needs its own");
        assertThat(f).doesNotExist();
    }

    /** Files in the folder other than {@code expected}. */
    private List<Path> others(Path... expected) throws IOException {
        List<Path> keep = List.of(expected);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !keep.contains(f)).toList();
        }
    }
}
