// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.workload.Param;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.TimedAction;

/**
 * {@code import --simulate}: the preset derived from a capture the model
 * emitted itself (trace, ethtool samples, netlink dumps) gives back the
 * source preset's key figures, parses, and runs into the same story (a
 * stalled shutdown when the source had one, leaked pages when it leaked).
 *
 * <p>The rate is allowed 5%: Poisson arrivals over 10^4 packets or more vary
 * by about 1%, and the first fill of each RX ring, which the allocation
 * counters also count, is taken out by the ring's default size (scenario 15's
 * rings are four times that: the pages that came back count the packets
 * there). Scenarios 05 and 16 are left out of the rate: sockets hold pages
 * for 40 ms of 300 (05), and the elephant flow's queue misses packets (16),
 * so their pools see fewer packets than the sender sent.
 */
class SimulateThisTest {
    private static final double RATE_TOLERANCE = 0.05;

    @TempDir
    Path dir;

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("%s: %s", String.join(" ", args), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The capture of {@code preset}'s run (every source, or only the trace), in a directory of its own. */
    private Path emit(String preset, String name, boolean all) throws Exception {
        Path capture = Files.createDirectories(dir.resolve(name));
        List<String> args = new ArrayList<>(List.of("workload", "--preset", preset, "--emit-trace",
                capture.resolve("trace.txt").toString()));
        if (all) {
            args.addAll(List.of("--emit-ethtool", capture.resolve("ethtool-eth0.txt").toString(), "--emit-netlink",
                    capture.resolve("netlink-pools.txt").toString()));
        }
        run(args.toArray(String[]::new));
        return capture;
    }

    /** When the preset's driver unloads. */
    private static List<Long> unloads(Preset p) {
        return p.timeline().stream().filter(a -> a.action() instanceof TimedAction.Unload).map(TimedAction::timeNs)
                .toList();
    }

    private static boolean stalled(Path capture) throws Exception {
        CaptureReport report = CaptureReport.of(new CaptureImporter().read(List.of(capture),
                List.of(capture.toString())));
        return report.pools().stream().anyMatch(p -> p.stall() != null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10-driver-leak, true", "09-unload-stall, true", "19-xdp-drop-16-queues, false",
        "06-skb-clone, false", "15-queues-memory, false", "17-irq-wrong-node, false", "02-redirect-ring, false"})
    void theDerivedPresetGivesBackTheSourcesKeyFigures(String scenario, boolean stall) throws Exception {
        Preset source = PresetFiles.load(Path.of("../assets/scenarios/" + scenario + ".workload"), scenario);
        Path capture = emit("../assets/scenarios/" + scenario + ".workload", "source", true);
        assertThat(stalled(capture)).as("the source's capture shows a stalled shutdown").isEqualTo(stall);
        Path out = dir.resolve("derived.workload");
        assertThat(run("import", capture.toString(), "--simulate", out.toString())).contains("simulate: wrote "
                + out);
        Preset derived = PresetFiles.load(out, out.toString());

        assertThat(derived.params().getInt(Param.QUEUES)).isEqualTo(source.params().getInt(Param.QUEUES));
        double rate = source.params().get(Param.RATE);
        assertThat(derived.params().get(Param.RATE)).as("traffic.rate").isBetween(rate * (1 - RATE_TOLERANCE),
                rate * (1 + RATE_TOLERANCE));
        assertThat(derived.params().get(Param.LEAK) > 0).as("driver.leak")
                .isEqualTo(source.params().get(Param.LEAK) > 0);
        if (source.params().get(Param.LEAK) > 0) {
            assertThat(derived.params().get(Param.LEAK)).isCloseTo(source.params().get(Param.LEAK),
                    withinPercentage(50));
        }
        assertThat(unloads(derived)).as("the unloads' times").isEqualTo(unloads(source));
        // it runs, into the same story
        assertThat(stalled(emit(out.toString(), "derived", false))).as("the derived run's shutdown stalls")
                .isEqualTo(stall);
    }

    /** The preset {@code import --simulate} derives from every source of {@code scenario}'s run. */
    private Preset derivedFrom(String scenario) throws Exception {
        Path capture = emit("../assets/scenarios/" + scenario + ".workload", "source", true);
        Path out = dir.resolve("derived.workload");
        run("import", capture.toString(), "--simulate", out.toString());
        return PresetFiles.load(out, out.toString());
    }

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../assets/scenarios"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".workload")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenariosCaptureGivesAPresetThatParses(String scenario) throws Exception {
        Path capture = Files.createDirectories(dir.resolve("capture"));
        run("workload", "--preset", "../assets/scenarios/" + scenario, "--emit-ethtool",
                capture.resolve("ethtool-eth0.txt").toString(), "--emit-netlink",
                capture.resolve("netlink-pools.txt").toString());
        Path out = dir.resolve("derived.workload");
        run("import", capture.toString(), "--simulate", out.toString());
        Preset derived = PresetFiles.load(out, out.toString());
        assertThat(derived.params().get(Param.RATE)).isPositive();
    }

    @Test
    void theVerdictMixAndClonesComeFromTheRecycleCounters() throws Exception {
        Preset derived = derivedFrom("06-skb-clone");
        assertThat(derived.params().get(Param.PASS)).isEqualTo(100);
        assertThat(derived.params().get(Param.DROP)).isZero();
        assertThat(derived.params().get(Param.SKB_CLONE)).isBetween(0.30, 0.36); // the source clones 0.33
    }

    @Test
    void whatItDefaultsIsTheSimulatorsDefault() throws Exception {
        // capture may not read the workload's Param (CaptureLayerTest), so its defaults are its own constants
        Preset derived = derivedFrom("06-skb-clone");
        for (Param p : List.of(Param.POOL_SIZE, Param.RX_RING, Param.TX)) {
            assertThat(derived.params().get(p)).as(p.key()).isEqualTo(p.defaultValue());
        }
    }

    @Test
    void socketsThatHoldPagesAfterTheUnloadGiveTheirLifetime() throws Exception {
        Preset derived = derivedFrom("09-unload-stall");
        // the source: a lognormal of mean 5 s, sigma 2
        assertThat(derived.params().get(Param.SKB_LIFETIME) / 1e9).isBetween(2.5, 10.0);
        assertThat(derived.params().get(Param.SKB_SIGMA)).isBetween(1.5, 2.5);
        assertThat(Files.readString(dir.resolve("derived.workload"))).contains("# Estimated from the capture:",
                "skb.lifetime_ns = ",
                "half the pages out at the destroy were back", "# Defaulted (the capture cannot show it):",
                "pool.size = 1024: the ptr_ring's size is not reported");
    }

    @Test
    void anUnwritablePresetIsOneError() throws Exception {
        Path capture = emit("../assets/scenarios/06-skb-clone.workload", "source", false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"import", capture.toString(), "--simulate", dir.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + dir + ": cannot write: Is a"
                + " directory\n");
    }

    @Test
    void aPresetOverACaptureFileOrWithoutANameIsRefusedAndTheCaptureStays() throws Exception {
        Path trace = emit("../assets/scenarios/06-skb-clone.workload", "source", false).resolve("trace.txt");
        String before = Files.readString(trace);
        for (String[] args : new String[][] {{"import", trace.toString(), "--simulate", trace.toString()},
            {"import", trace.toString(), "--simulate="}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(2);
            assertThat(out.size()).as("nothing read, nothing reported").isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: import: --simulate ")
                    .containsAnyOf("it would be overwritten", "needs a file name").hasLineCount(1);
        }
        assertThat(Files.readString(trace)).isEqualTo(before);
    }

    @Test
    void aPresetOverACaptureFileFoundInADirectoryIsRefusedAndTheCaptureStays() throws Exception {
        Path source = emit("../assets/scenarios/06-skb-clone.workload", "source", false);
        Path trace = source.resolve("trace.txt");
        String before = Files.readString(trace);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"import", source.toString(), "--simulate", trace.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(out.size()).as("nothing reported").isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: import: --simulate " + trace
                + " is a capture file it reads: it would be overwritten (write the preset to another file)\n");
        assertThat(Files.readString(trace)).isEqualTo(before);
    }

    @Test
    void aCaptureFileGivenTwiceIsReadOnce() throws Exception {
        Path trace = emit("../assets/scenarios/06-skb-clone.workload", "source", false).resolve("trace.txt");
        assertThat(run("import", trace.toString(), trace.toString(), trace.getParent().resolve("./trace.txt")
                .toString())).isEqualTo(run("import", trace.toString()));
    }
}
