// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.view.ModelView;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/** What the core does with wall time, now that a test holds the clock: pacing, publishing, giving way. */
class RunnerCoreTest {

    private static Preset xdpDrop() throws Exception {
        return PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "xdp-drop");
    }

    @Test
    void theSameCommandsAtTheSameWallTimesGiveTheSameRun() throws Exception {
        Fingerprint[] runs = new Fingerprint[2];
        for (int i = 0; i < runs.length; i++) {
            try (SyncRunner runner = SyncRunner.live(xdpDrop())) {
                runner.submit(new RunnerCommand.Speed(0.01));
                runner.apply(new RunnerCommand.Play());
                runner.runFor(300_000_000L);
                runs[i] = Fingerprint.of(runner.apply(new RunnerCommand.Pause()));
            }
        }
        assertThat(runs[0].position()).as("it ran").isPositive();
        assertThat(runs[0].timeNs()).as("300 ms at 1/100").isBetween(2_900_000L, 3_000_000L);
        assertThat(runs[1]).isEqualTo(runs[0]);
    }

    @Test
    void aModelThatFallsBehindIsLetOffItsBacklog() throws Exception {
        try (SyncRunner runner = SyncRunner.live(xdpDrop())) {
            runner.submit(new RunnerCommand.Speed(1.0));
            ModelView started = runner.apply(new RunnerCommand.Play());
            runner.clock().advance(10_000_000_000L); // ten wall seconds in which the model got no time at all
            ModelView after = runner.tick();
            assertThat(after.serial()).as("a new view").isGreaterThan(started.serial());
            assertThat(after.timeNs() - started.timeNs()).as("one slice, not ten seconds")
                    .isLessThanOrEqualTo(Player.SLICE_NS);
        }
    }

    @ParameterizedTest(name = "speed {0}")
    @ValueSource(doubles = {0.01, 1e-7})
    void whilePlayingAViewIsPublishedOncePerIntervalNotOncePerTick(double speed) throws Exception {
        try (SyncRunner runner = SyncRunner.live(xdpDrop())) {
            runner.submit(new RunnerCommand.Speed(speed));
            ModelView playing = runner.apply(new RunnerCommand.Play());
            long serial = playing.serial();
            // page events on (slow): a view per 10 ms; off (too fast to watch): one per 33 ms, every other frame
            long intervalNs = (playing.eventsOn() ? RunnerCore.PUBLISH_INTERVAL_MS
                    : RunnerCore.FAST_PUBLISH_INTERVAL_MS) * 1_000_000L;
            assertThat(playing.eventsOn()).as("events at speed %s", speed).isEqualTo(speed < 1e-3);
            runner.clock().advance(intervalNs - 1);
            assertThat(runner.tick().serial()).as("within the interval").isEqualTo(serial);
            runner.clock().advance(1);
            assertThat(runner.tick().serial()).as("the interval passed").isEqualTo(serial + 1);
        }
    }

    @Test
    void aLongSeekGivesWayToTheCommandQueuedBehindItAndCanBeTakenUpAgain() throws Exception {
        long target = 50_000_000L;
        try (SyncRunner runner = SyncRunner.live(xdpDrop())) {
            runner.submit(new RunnerCommand.Seek(target));
            runner.submit(new RunnerCommand.Reload());
            ModelView interrupted = runner.tick();
            assertThat(interrupted.timeNs()).as("stopped on the way").isLessThan(target);
            ModelView done = runner.apply(new RunnerCommand.Seek(target));
            assertThat(done.timeNs()).isEqualTo(target);
        }
    }

    @Test
    void aClosedRunnerTakesNoMoreCommands() throws Exception {
        SyncRunner runner = SyncRunner.live(xdpDrop());
        long serial = runner.latest().serial();
        runner.close();
        assertThat(runner.apply(new RunnerCommand.Step(Unit.KERNEL_CALL)).serial()).isEqualTo(serial);
    }
}
