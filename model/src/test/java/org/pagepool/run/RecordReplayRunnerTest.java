// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptFiles;
import org.pagepool.script.ScriptParser;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.State;
import org.pagepool.script.StepResult;
import org.pagepool.view.ModelView;
import org.pagepool.view.PoolView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/**
 * Recording through the runner (its core, on the test's thread), as the window does: record, play, stop, then step
 * through the script.
 */
class RecordReplayRunnerTest {

    @Test
    void aRecordingOpenedAndSteppedToItsEndGivesTheLiveCounters() throws Exception {
        Preset preset = PresetFiles.load(Path.of("..", "assets", "scenarios", "06-skb-clone.workload"), "06");
        try (SyncRunner runner = SyncRunner.live(preset)) {
            ModelView recording = runner.apply(new RunnerCommand.Record(true));
            assertThat(recording.recordedLines()).as("recording").isNotNegative();
            assertThat(recording.position()).as("the run started again").isZero();
            ModelView live = runner.apply(new RunnerCommand.Seek(3_000_000L));
            assertThat(live.timeNs()).isEqualTo(3_000_000L);
            assertThat(runner.apply(new RunnerCommand.Record(false)).recordedLines()).as("stopped").isNegative();
            Recording done = runner.recording();
            assertThat(done).isNotNull();
            assertThat(done.name()).isEqualTo("06.pool");

            Script script = ScriptParser.parse(done.name(), ScriptFiles.splitLines(
                    done.script().getBytes(StandardCharsets.UTF_8)));
            try (SyncRunner replay = SyncRunner.script(script)) {
                replay.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
                replay.submit(new RunnerCommand.Play());
                ModelView end = replay.runUntil(v -> v.state() == RunnerState.ENDED
                        || v.state() == RunnerState.ERROR, 60_000_000_000L, "the end of the script");
                assertThat(end.state()).as(end.error()).isEqualTo(RunnerState.ENDED);
                PoolView replayed = end.currentPool();
                PoolView original = live.currentPool();
                assertThat(replayed.stats()).isEqualTo(original.stats());
                assertThat(replayed.hold()).isEqualTo(original.hold());
                assertThat(replayed.release()).isEqualTo(original.release());
                assertThat(end.buddy().totalFree()).isEqualTo(live.buddy().totalFree());
                assertThat(end.mapped()).isEqualTo(live.mapped());
                List<String> trace = end.script().trace();
                assertThat(trace.get(trace.size() - 1)).contains(" expect -> ok ");
            }
        }
    }

    @Test
    void aRecordingThatReachesItsSizeLimitSaysWhenAndWhy() throws Exception {
        Preset preset = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "01");
        try (SyncRunner runner = SyncRunner.live(preset)) {
            runner.apply(new RunnerCommand.Record(true));
            ModelView ended = runner.apply(new RunnerCommand.Seek(99_000_000L)); // 2 million lines by 98 ms
            assertThat(ended.recordedLines()).as("the recording stopped itself").isNegative();
            assertThat(ended.error()).isEqualTo("the recording stopped at jiffy 98 (it reached 2,000,000 lines):"
                    + " Save ▸ Recording as .pool keeps what it holds, which replays to that point");
            assertThat(runner.recording().script()).endsWith("# the recording ends here: it reached 2,000,000 lines\n");
        }
    }

    @Test
    void steppingBackEndsTheRecordingWithWhatItHas() throws Exception {
        Preset preset = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "01");
        try (SyncRunner runner = SyncRunner.live(preset)) {
            runner.submit(new RunnerCommand.Record(true));
            for (int i = 0; i < 5; i++) {
                runner.submit(new RunnerCommand.Step(Unit.KERNEL_CALL));
            }
            ModelView five = runner.tick();
            assertThat(five.position()).as("five calls").isEqualTo(5);
            assertThat(five.recordedLines()).as("recording").isNotNegative();
            ModelView back = runner.apply(new RunnerCommand.StepBack(Unit.KERNEL_CALL));
            assertThat(back.recordedLines()).as("the recording ended").isNegative();
            assertThat(back.error()).contains("recording");
            Script script = ScriptParser.parse("x.pool", ScriptFiles.splitLines(
                    runner.recording().script().getBytes(StandardCharsets.UTF_8)));
            ScriptRunner check = new ScriptRunner(script);
            StepResult last = null;
            while (check.hasNext()) {
                last = check.step();
            }
            assertThat(last.outcome()).isEqualTo(StepResult.Outcome.OK);
            State state = check.state();
            assertThat(state.hold()).isEqualTo(five.currentPool().hold());
        }
    }
}
