// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}: the report on stdout, or one {@code error: FILE:LINE: message} line and exit 2. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path sample(String name) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/capture/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTraceIsReportedWithItsDiagnosis() {
        Result r = run("import", sample("tracefs-5.14-unload.txt").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("pool 0xc0ffee01\n", "  pages: hold 4, release 2, inflight 2 at the end",
                "    pfn 0x1002 held at 0.000 s, age 12.00 s",
                "diagnosis:\n  - pool 0xc0ffee01 was destroyed at 10.000 s");
    }

    @Test
    void anEthtoolSampleCutOffAtTheCapturesEndIsLeftOutAndSaidSo() throws IOException {
        Path whole = dir.resolve("ethtool-eth0.txt");
        assertThat(run("workload", "--preset", "../assets/scenarios/10-driver-leak.workload", "--seconds", "0.3",
                "--emit-ethtool", whole.toString()).exit()).isZero();
        List<String> lines = Files.readAllLines(whole);
        int last = lines.size() - 1;
        while (!lines.get(last).contains("rx_pp_alloc_fast")) {
            last--;
        }
        Path cut = dir.resolve("cut.txt"); // the capture stopped while ethtool printed its last sample
        Files.write(cut, lines.subList(0, last + 1));
        Result full = run("import", whole.toString());
        Result r = run("import", cut.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("cut.txt: ethtool -S samples, its last sample (from line ")
                .contains(") is cut off: left out, ");
        String atTheEnd = "    cached ";
        assertThat(line(r.out(), atTheEnd)).as("the last whole sample's count")
                .endsWith(line(full.out(), atTheEnd).replaceAll(".*\\(", "("));
    }

    @Test
    void moreReleasedThanHeldIsSaidAndAnEmptyDiagnosisSaysSo() throws IOException {
        String event = "          <idle>-0       [000] ..s1.      1.000000: page_pool_state_";
        Path trace = dir.resolve("neg.txt"); // the capture began with four pages already out
        Files.writeString(trace, "# tracer: nop\n"
                + event + "hold: page_pool=ffff888100001000 page=ffffea0000000000 pfn=0x0 hold=1\n"
                + event + "release: page_pool=ffff888100001000 page=ffffea0000000000 pfn=0x0 release=5\n");
        Result r = run("import", trace.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("  pages: hold 1, release 5, 4 more released than held: the capture began with"
                + " pages already out, or lost the events of some holds\n")
                .endsWith("diagnosis:\n  - nothing this report knows to point out (see the pools above)\n");
    }

    @Test
    void samplesAllTakenAtOneTimeGiveNoRateToSimulate() throws IOException {
        Path samples = dir.resolve("ethtool-eth0.txt");
        assertThat(run("workload", "--preset", "../assets/scenarios/10-driver-leak.workload", "--seconds", "0.3",
                "--emit-ethtool", samples.toString()).exit()).isZero();
        Path oneTime = dir.resolve("one-time.txt");
        Files.write(oneTime, Files.readAllLines(samples).stream()
                .map(l -> l.startsWith("# time ") ? "# time 1764806400.0 iface=eth0" : l).toList());
        Path preset = dir.resolve("s.workload");
        assertThat(run("import", oneTime.toString(), "--simulate", preset.toString()).exit()).isZero();
        assertThat(Files.readString(preset)).contains("#  traffic.rate = 5M: no page_pool statistics with times")
                .doesNotContain("200M");
    }

    @Test
    void aFolderHoldingOnlyFoldersSaysTheyAreNotRead() throws IOException {
        Path outer = dir.resolve("n");
        Files.createDirectories(outer.resolve("a"));
        Files.writeString(outer.resolve("a").resolve("trace.txt"), "# tracer: nop\n");
        Result r = run("import", outer.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + outer + ": no capture files in it (the folders inside are not read:"
                + " name one instead)\n");
    }

    private static String line(String report, String start) {
        return report.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void jsonListsTheSameFacts() {
        Result r = run("import", "--json", sample("tracefs-5.14-unload.txt").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("{\n  \"sources\": [").endsWith("}\n")
                .contains("\"pfn\": \"0x1003\"", "\"inflight\": 2,", "\"destroyed_s\": 10,", "\"diagnosis\": [");
    }

    @Test
    void aBadLineIsOneErrorWithFileAndLine() throws IOException {
        Path bad = dir.resolve("trace.txt");
        Files.writeString(bad, "# tracer: nop\n"
                + "<idle>-0 [000] ..s1 1.000000: page_pool_state_hold: page_pool=0x1 page=0x2 pfn=0x3 hold=1\n"
                + "<idle>-0 [000] ..s1 1.000001: page_pool_state_hold: page_pool=0x1 page=0x2 pfn=0x3 hold=two\n");
        Result r = run("import", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("error: " + bad + ":3: page_pool_state_hold: hold=\"two\" is not a whole number\n");
    }

    @Test
    void aDashReadsOneCaptureFromStandardInputNamedStdin() throws IOException {
        Path log = sample("dmesg-5.14.txt");
        Result fromFile = run("import", log.toString());
        CommandLineTest.Result piped = CommandLineTest.cliWithInput(Files.readAllBytes(log), "import", "-");
        assertThat(piped.status()).as(piped.err()).isZero();
        assertThat(piped.out()).isEqualTo(fromFile.out().replace(log.toString(), "<stdin>")).contains("<stdin>");

        Path bad = dir.resolve("trace.txt");
        Files.writeString(bad, "# tracer: nop\n"
                + "<idle>-0 [000] ..s1 1.000000: page_pool_state_hold: page_pool=0x1 page=0x2 pfn=0x3 hold=x\n");
        CommandLineTest.Result error = CommandLineTest.cliWithInput(Files.readAllBytes(bad), "import", "-");
        assertThat(error.status()).isEqualTo(2);
        assertThat(error.errorLine()).startsWith("error: <stdin>:2: page_pool_state_hold: ");
    }

    @Test
    void missingFilesBinaryTracesAndUnknownFilesAreNamed() throws IOException {
        assertThat(run("import", "nope.txt").err())
                .isEqualTo("error: nope.txt: cannot open: No such file or directory\n");
        Path dat = dir.resolve("trace.dat");
        Files.write(dat, new byte[] {0x17, 0x08, 'D', 't', 'r', 'a', 'c', 'i', 'n', 'g', 0, 0, 6});
        assertThat(run("import", dat.toString()).err()).isEqualTo("error: " + dat + ": a trace-cmd data file: convert"
                + " it to text first (trace-cmd report -i " + dat + " > trace.txt)\n");
        Path notes = dir.resolve("notes.md");
        Files.writeString(notes, "# my notes\nnothing here\n");
        assertThat(run("import", notes.toString()).err()).isEqualTo("error: " + notes + ": not a page_pool capture: no"
                + " tracepoint, kernel log, ethtool -S or netlink content in its first lines, and its name says"
                + " nothing\n");
    }

    @Test
    void aDirectoryIsReadWholeAndFilesItCannotPlaceAreSkipped() throws IOException {
        Files.copy(sample("tracefs-older-decimal-pfn.txt"), dir.resolve("trace.txt"));
        Files.writeString(dir.resolve("README"), "what this capture is\n");
        Files.write(dir.resolve("trace.dat"), new byte[] {0x17, 0x08, 'D', 't', 'r', 'a', 'c', 'i', 'n', 'g', 0, 6});
        Result r = run("import", dir.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("capture: 1 file, 2.000 s long").contains("README: not recognised, skipped",
                "trace.dat: not recognised, skipped, a trace-cmd data file: convert it to text first",
                "pool 0xdeadbe01");
    }

    @Test
    void aDirectoryOfNoCaptureIsAnErrorAsAnEmptyOneIs() throws IOException {
        Files.writeString(dir.resolve("README"), "what this capture is\n");
        Files.write(dir.resolve("shot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        Result r = run("import", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + dir + ": no capture files in it: none of its 2 files is a trace,"
                + " a kernel log, ethtool -S or a netlink dump\n");
        Files.delete(dir.resolve("shot.png"));
        assertThat(run("import", dir.toString()).err()).isEqualTo("error: " + dir + ": no capture files in it: its"
                + " one file is not a trace, a kernel log, ethtool -S or a netlink dump\n");
    }

    @Test
    void anEmptyDirectoryNoInputAndUnknownOptionsAreErrors() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(run("import", empty.toString()).err())
                .isEqualTo("error: " + empty + ": an empty directory: no capture files in it\n");
        Result none = run("import");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: import: needs PATH");
        // an empty argument is not the working directory (which it read, naming its files "/README.md")
        assertThat(run("import", "").err()).isEqualTo("error: import: a PATH is empty (import PATH...)\n");
        assertThat(run("import", "--csv", "x").err()).startsWith("error: import: unknown option \"--csv\"")
                .doesNotContain("\n\n");
    }
}
