// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Checkpoint;
import org.pagepool.workload.CheckpointConditions;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;

/**
 * Every preset, played as a guided scenario (the runner's core on the test's thread): it stops at each checkpoint in
 * turn and runs to its end.
 */
class GuidedScenarioTest {

    static Stream<Path> presets() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("..", "assets", "scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".workload")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void stopsAtEveryCheckpointAndRunsToTheEnd(Path file) throws Exception {
        Preset preset = PresetFiles.load(file, file.getFileName().toString());
        assertThat(preset.checkpoints()).as("checkpoints of %s", file).hasSizeBetween(2, 4);
        Simulation alongside = preset.start(null);
        try (SyncRunner runner = SyncRunner.live(preset)) {
            runner.submit(new RunnerCommand.Guide(true));
            runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
            for (Checkpoint expected : preset.checkpoints()) {
                runner.submit(new RunnerCommand.Play());
                ModelView stopped = runner.runUntil(v -> v.guide().stoppedAt() == expected
                        && v.state() == RunnerState.PAUSED, 600_000_000_000L, "checkpoint on line " + expected.line());
                assertThat(expected.reached(stopped.position(), stopped.timeNs())).isTrue();
                if (expected.timeNs() >= 0) {
                    assertThat(stopped.timeNs()).as("stopped at the checkpoint's time").isEqualTo(expected.timeNs());
                } else {
                    assertThat(stopped.position()).as("stopped at the checkpoint's step").isEqualTo(expected.step());
                }
                // the window stops where the checkpoint conditions are checked, in the same state
                CheckpointConditions.runTo(alongside, expected);
                assertThat(stopped.timeNs()).as("time at line %d", expected.line()).isEqualTo(alongside.now());
                assertThat(stopped.position()).as("step at line %d", expected.line()).isEqualTo(alongside.steps());
                assertThat(stopped.totals().stats()).as("pool counters at line %d", expected.line())
                        .isEqualTo(alongside.poolStats());
                assertThat(stopped.nic()).as("NIC counters at line %d", expected.line())
                        .isEqualTo(alongside.nicStats());
            }
            ModelView end = runner.apply(new RunnerCommand.Seek(preset.durationNs()));
            assertThat(end.timeNs()).as("the end").isGreaterThanOrEqualTo(preset.durationNs());
            assertThat(end.state()).isNotEqualTo(RunnerState.ERROR);
            assertThat(end.guide().next()).isEqualTo(preset.checkpoints().size());
        }
    }
}
