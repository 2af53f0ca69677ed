// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.mm.HeapGuard;
import org.pagepool.script.ScriptFiles;
import org.pagepool.view.GuideView;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Param;
import org.pagepool.workload.PresetFiles;

/**
 * A run that fills the Java heap for real, in a JVM of its own with a small
 * heap, driven as the app drives it: the runner goes back to the start,
 * paused, with room to show it, instead of failing for good.
 */
class RunnerHeapTest {
    private static final long GENEROUS_NS = 60_000_000_000L; // of manual wall time: a bound on ticks
    /** 64 RX rings of 8192 blocks of 32 pages: their first fill takes 2^24 pages. */
    private static final String RINGS = "title = rings\nmemory.pages = 16777216\nnic.queues = 64\n"
            + "nic.rx_ring = 8192\npool.order = 5\n";

    @TempDir
    Path dir;

    /** Played in a 64 MB heap it runs out; sought in the app's heap the guard may stop it first: either says so. */
    @ParameterizedTest
    @CsvSource({"-Xmx64m, play", "-Xmx256m, seek"})
    void aNicWhoseRingsFillTheHeapGoesBackToItsStartAndTheRunnerStaysUsable(String heap, String how)
            throws Exception {
        Path preset = Files.writeString(dir.resolve("rings.workload"), RINGS);
        File out = dir.resolve("out.txt").toFile();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                preset.toString(), how).redirectErrorStream(true).redirectOutput(out).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        String said = Files.readString(out.toPath(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).contains("state PAUSED").contains("position 0").contains("Java heap ")
                .contains("starts again").contains("nic.rx_ring").containsPattern("stepped to [1-9]")
                .doesNotContain("Exception").doesNotContain("ERROR");
    }

    @Test
    void aHeapNearlyFullAfterACollectionStopsAPlayingRunBeforeItRunsOut() throws Exception {
        HeapGuard turned = HeapGuard.start(1e-9); // any collection leaves more than that
        System.gc();
        assertThat(turned.checkNow()).isTrue();
        try (SyncRunner runner = new SyncRunner(Sessions.of("01-xdp-drop.workload"), turned)) {
            runner.submit(new RunnerCommand.Play());
            ModelView stopped = runner.runUntil(v -> v.error() != null, GENEROUS_NS, "the guard stopping the run");

            assertThat(stopped.state()).isEqualTo(RunnerState.PAUSED);
            assertThat(stopped.position()).isZero();
            assertThat(stopped.error()).startsWith("the Java heap was nearly full (").contains("starts again");
        }
    }

    @Test
    void aRestartedLiveSessionIsThePresetsFreshStart() throws Exception {
        LiveSession session = Sessions.of("13-reload-two-pools.workload");
        Fingerprint fresh = Sessions.fingerprint(session);
        session.run(Long.MAX_VALUE, 10_000_000L, 0);
        session.set(Param.RATE, 2e6); // a change after the start: it goes too
        session.run(Long.MAX_VALUE, 30_000_000L, 0);
        session.paused(); // a snapshot later than the start, which goes as well
        assertThat(session.position()).isPositive();

        session.restart();

        assertThat(session.position()).isZero();
        assertThat(session.history().size()).isEqualTo(1);
        assertThat(Sessions.fingerprint(session)).isEqualTo(fresh);
    }

    @Test
    void aRestartedScriptIsBeforeItsFirstLine() throws Exception {
        Path golden = Path.of(RunnerHeapTest.class.getResource("/golden/01-spec-example.pool").toURI());
        ScriptSession session = new ScriptSession(ScriptFiles.load(golden, "01-spec-example.pool"));
        RunnerStatus status = new RunnerStatus(1, 0, RunnerState.PAUSED, null, 1, false, 0, 0, 0, null, List.of(),
                GuideView.NONE, 0);
        Fingerprint fresh = Fingerprint.of(session.view(status));
        session.run(5, Long.MAX_VALUE, 0);
        assertThat(session.position()).isEqualTo(5);

        session.restart();

        assertThat(session.position()).isZero();
        assertThat(Fingerprint.of(session.view(status))).isEqualTo(fresh);
    }

    /** In the small heap: load, play as fast as it goes until the runner says something, then step once. */
    static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws Exception {
            Path path = Path.of(args[0]);
            try (SyncRunner runner = SyncRunner.live(PresetFiles.load(path, path.getFileName().toString()))) {
                if (args[1].equals("seek")) {
                    runner.submit(new RunnerCommand.Seek(1_000_000L)); // as a headless screenshot goes there
                } else {
                    runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
                    runner.submit(new RunnerCommand.Play());
                }
                ModelView v = runner.runUntil(view -> view.error() != null || view.state() != RunnerState.PLAYING
                        && view.position() > 0, GENEROUS_NS, "the heap running out");
                System.out.println("state " + v.state() + "\nposition " + v.position() + "\nerror " + v.error());
                ModelView stepped = runner.apply(new RunnerCommand.Step(Unit.KERNEL_CALL));
                System.out.println("stepped to " + stepped.position() + ", " + stepped.state());
            }
        }
    }
}
