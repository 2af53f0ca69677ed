// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line's own behaviour (picocli): help per verb, suggestions for
 * misspellings, repeated options refused, numbers only in the README's forms
 * with their ranges in the message, and one {@code error:} line with exit
 * status 2 for every mistake.
 */
class CommandLineTest {
    static final String DROP = Path.of("..", "assets", "scenarios", "01-xdp-drop.workload").toString();

    record Result(int status, String out, String err) {
        /** The single line on stderr (asserting there is exactly one). */
        String errorLine() {
            assertThat(err.lines()).as("stderr: %s", err).hasSize(1);
            return err.lines().findFirst().orElseThrow();
        }
    }

    static Result cli(String... args) {
        return cliWithInput(new byte[0], args);
    }

    /** {@link #cli} with {@code input} on standard input. */
    static Result cliWithInput(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Main.run(args, Io.of(new ByteArrayInputStream(input), outStream, errStream));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result workload(String options) {
        return cli(("workload --preset " + DROP + " " + options).trim().split(" "));
    }

    // ---- help ---------------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a second open of the FIFO would block
    void aScriptFromAFifoIsCheckedAndRunFromOneRead(@TempDir Path dir) throws Exception {
        // a pipe given by name (/dev/stdin, <(...), a FIFO) can be read once: run checks the script, then runs it
        Path fifo = dir.resolve("script.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "memory pages=256\ncreate\nalloc n=2\nexpect cache=0\n"); // blocks for a reader
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"run", fifo.toString()}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        writer.join();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("expect failed: " + fifo
                + ":4: cache is 62, expected 0\n");
        assertThat(status).as("the failed expect").isEqualTo(1);
    }

    /** A command with a bug. */
    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a state the model never reaches");
        }
    }

    @Test
    void aBugInACommandIsOneLineOfErrorNotAStackTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = Io.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        CommandLine line = Main.commandLine(io);
        line.addSubcommand("fail", new Failing());
        assertThat(line.execute("fail")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: internal error: "
                + "java.lang.IllegalStateException: a state the model never reaches\n");
    }

    @Test
    void topLevelHelpListsTheVerbsOnStdout() {
        Result r = cli("--help");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Usage: java -jar pagepool-model.jar").containsPattern("(?m)^  run\\b")
                .containsPattern("(?m)^  workload\\b");
    }

    @ParameterizedTest
    @CsvSource({"run --help, FILE.pool", "workload --help, --every=MS", "help workload, --record=OUT.pool",
        "workload -h, --seconds=S", "help run, FILE.pool"})
    void eachVerbHasItsOwnHelp(String args, String mentions) {
        Result r = cli(args.split(" "));
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains(mentions);
    }

    @Test
    void noVerbPrintsTheUsageOnStderrAndExitsTwo() {
        Result r = cli();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage:").contains("run").contains("workload");
    }

    // ---- mistakes -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rnu x.pool | error: unknown command \"rnu\" (did you mean run?)",
        "wrokload | error: unknown command \"wrokload\" (did you mean workload?)",
        "frobnicate | error: unknown command \"frobnicate\" (try --help)",
        "help frob | error: unknown command \"frob\" (try --help)",
        "help wrokload | error: unknown command \"wrokload\" (did you mean workload?)",
        "--halp | error: unknown option \"--halp\" (try --help)",
        "run | error: run: needs FILE.pool (run FILE.pool)",
        "run a.pool b.pool | error: run: unexpected argument \"b.pool\" (try --help)",
        "run --trace a.pool | error: run: unknown option \"--trace\" (try --help)",
        "workload | error: workload: needs --preset FILE",
        "workload --prset X --packets 5 | error: workload: unknown option \"--prset\" (did you mean --preset?)",
        "workload --preset | error: workload: --preset needs a value (--preset FILE)",
        "workload --preset X --record | error: workload: --record needs a value (--record OUT.pool)",
        "workload stray --preset X | error: workload: unexpected argument \"stray\" (try --help)",
        "workload --preset X --secnds 5 | error: workload: unknown option \"--secnds\""
                + " (did you mean --seconds or --seed?)",
        "workload --preset X --pakcets 5 | error: workload: unknown option \"--pakcets\" (did you mean --packets?)",
        "workload --preset X --csv out.csv | error: workload: --csv and --every go together (--csv OUT.csv --every MS)",
        "workload --preset X --every 5 | error: workload: --every goes with --csv, --emit-ethtool or --emit-netlink"
                + " (--csv OUT.csv --every MS)",
        "workload --preset X --csv - --every 1 | error: workload: --csv - : standard output carries the counters;"
                + " give the CSV a file name",
        "workload --preset X --record - | error: workload: --record - : standard output carries the counters; give"
                + " the recording a file name",
        "import X --simulate - | error: import: --simulate - : standard output carries the report; give the preset a"
                + " file name",
    })
    void aMistakeIsOneErrorLineAndExitTwo(String args, String message) {
        Result r = cli(args.split(" "));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errorLine()).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seconds 100 --seconds 0.01 | --seconds",
        "--seconds 0.01 --seconds=0.01 | --seconds",
        "--packets 5 --packets 6 | --packets",
        "--seed 1 --seed 2 | --seed",
        "--preset b.workload | --preset",
        "--record a.pool --record b.pool | --record",
        "--csv a.csv --every 1 --csv b.csv | --csv",
        "--csv a.csv --every 1 --every 2 | --every",
    })
    void aRepeatedOptionIsRefused(String options, String option) {
        Result r = workload(options);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errorLine()).isEqualTo("error: workload: " + option + " is given twice: give it once");
    }

    @Test
    void runWithAnEmptyNameSaysNoFileWasGiven() {
        Result r = cli("run", "");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).contains("no script file was given").doesNotContain("directory");
    }

    @Test
    void runDashReadsTheScriptFromStandardInputAndNamesIt() throws Exception {
        Path golden = Path.of("src", "test", "resources", "golden", "02-ring-path.pool");
        Result fromFile = cli("run", golden.toString());
        Result piped = cliWithInput(Files.readAllBytes(golden), "run", "-");
        assertThat(piped.status()).as(piped.err()).isEqualTo(fromFile.status());
        assertThat(piped.out()).isEqualTo(fromFile.out()).isNotEmpty();

        Result bad = cliWithInput("create\nalloc n=zero\n".getBytes(StandardCharsets.UTF_8), "run", "-");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.errorLine()).startsWith("error: <stdin>:2: ");
    }

    @Test
    void workloadPresetDashReadsThePresetFromStandardInputAndNamesIt() throws Exception {
        Result fromFile = workload("--packets 5000");
        byte[] preset = Files.readAllBytes(Path.of(DROP));
        Result piped = cliWithInput(preset, "workload", "--preset", "-", "--packets", "5000");
        assertThat(piped.status()).as(piped.err()).isZero();
        assertThat(piped.out().lines().filter(l -> l.startsWith("pool ") || l.startsWith("nic:")))
                .isEqualTo(fromFile.out().lines().filter(l -> l.startsWith("pool ") || l.startsWith("nic:")).toList())
                .isNotEmpty();
        assertThat(piped.out()).contains("(<stdin>)");

        Result bad = cliWithInput("title = x\ntraffic.rate = fast\n".getBytes(StandardCharsets.UTF_8),
                "workload", "--preset", "-");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.errorLine()).startsWith("error: <stdin>:2: ");
        Result tooLong = cliWithInput(new byte[1024 * 1024 + 1], "workload", "--preset", "-");
        assertThat(tooLong.errorLine()).isEqualTo("error: <stdin>: too long for a preset (more than 1024 KiB)");
    }

    @Test
    void anAtSignIsPartOfAFileNameNotAnArgumentFile() {
        Result r = cli("run", "@no-such.pool");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: @no-such.pool: cannot open: No such file or directory");
    }

    @Test
    void aFileNameWithANulByteIsOneLine() {
        Result r = cli("run", "a\0b.pool");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errorLine()).isEqualTo("error: a\\0b.pool: cannot open: not a valid file name");
    }

    // ---- numbers ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seconds 1d | --seconds: not a number: \"1d\"",
        "--seconds 0x1p-3 | --seconds: not a number: \"0x1p-3\"",
        "--seconds NaN | --seconds: not a number: \"NaN\"",
        "--seconds Infinity | --seconds: not a number: \"Infinity\"",
        "--seconds 1e400 | --seconds: number too large: \"1e400\"",
        "--seconds 1e-400 | --seconds: number too small to tell from 0: \"1e-400\"",
        "--seconds -1 | --seconds: not a number here: \"-1\" (no minus sign allowed)",
        "--seconds 0 | --seconds: \"0\" is shorter than the model's clock resolution",
        "--seconds 1e-10 | --seconds: \"1e-10\" is shorter than the model's clock resolution",
        "--seconds 2e6 | --seconds: \"2e6\" is too long",
        "--seconds 5s | --seconds: not a number: \"5s\"",
        "--seconds +1 | --seconds: not a number: \"+1\"",
        "--seconds .5 | --seconds: not a number: \".5\"",
        "--packets 1.5 | --packets: not a whole number: \"1.5\"",
        "--packets 0 | --packets: \"0\" is out of range",
        "--packets 2e15 | --packets: \"2e15\" is out of range",
        "--packets many | --packets: not a number: \"many\"",
        "--packets 0x10 | --packets: not a number: \"0x10\"",
        "--packets 10L | --packets: not a number: \"10L\"",
        "--seed 1.5 | --seed: not a seed: \"1.5\"",
        "--seed 0x10 | --seed: not a seed: \"0x10\"",
        "--seed 1234567890123456789 | --seed: not a seed: \"1234567890123456789\"",
        "--csv c.csv --every 1e-300 | --every: \"1e-300\" is shorter than the model's clock resolution",
        "--csv c.csv --every 0 | --every: \"0\" is shorter than the model's clock resolution",
        "--csv c.csv --every 1f | --every: not a number: \"1f\"",
        "--threads 0 | --threads: \"0\" is out of range; allowed: a whole number from 1 to 64",
        "--threads 65 | --threads: \"65\" is out of range",
        "--threads two | --threads: not a whole number: \"two\"",
        "--threads 1.5 | --threads: not a whole number: \"1.5\"",
    })
    void aNumberOutsideTheDocumentedFormsIsRefusedWithItsRange(String options, String message) {
        Result r = workload(options);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String line = r.errorLine();
        assertThat(line).startsWith("error: workload: " + message);
        assertThat(line).as("gives the allowed range").containsAnyOf("allowed: ", "a whole number of at most 18");
    }

    @Test
    void anIntervalBelowTheClockGivesTheSmallestAllowed() {
        assertThat(workload("--csv c.csv --every 1e-300").errorLine())
                .contains("allowed: 0.000001 (1 ns, the model's clock resolution)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--packets 2k", "--packets 2000", "--packets 2e3", "--packets 0.002M",
        "--seconds 2e-3 --packets 2k", "--seed -7 --packets 2k", "--seed=7 --packets=2k"})
    void theDocumentedFormsAreAccepted(String options) {
        Result r = workload(options);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("simulated: ");
    }

    @Test
    void aQuantityCountsExactly() {
        assertThat(workload("--packets 2k").out()).contains(", 2000 packets,");
    }

    @Test
    void theSmallestIntervalIsAccepted() {
        Result r = workload("--seconds 0.00000001 --csv /dev/null --every 0.000001");
        assertThat(r.status()).as(r.err()).isZero();
    }
}
