// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.app.view.SpeedScale.Pace;
import org.pagepool.view.ModelView;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.SyncRunner;
import org.pagepool.run.Unit;
import org.pagepool.workload.PresetFiles;

/** The speed slider's stops and their words: round values of what the class sees. */
class SpeedScaleTest {
    private static final Pace CALLS = new Pace("kernel call", "kernel calls", 40e6);

    private static List<String> labels(SpeedScale scale) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < scale.stops(); i++) {
            labels.add(scale.label(scale.stop(i)));
        }
        return labels;
    }

    @Test
    void aLiveRunStepsThroughRoundCallsASecondThenRoundFractionsOfRealTime() {
        List<String> labels = labels(SpeedScale.live(CALLS));
        assertThat(labels.subList(0, 10)).containsExactly("1 kernel call/s", "2 kernel calls/s", "5 kernel calls/s",
                "10 kernel calls/s", "20 kernel calls/s", "50 kernel calls/s", "100 kernel calls/s",
                "200 kernel calls/s", "500 kernel calls/s", "1/20,000 of real time");
        assertThat(labels.subList(labels.size() - 5, labels.size())).containsExactly("1/10 of real time",
                "1/5 of real time", "1/2 of real time", "real time", "max");
        assertThat(labels).as("each once").doesNotHaveDuplicates();
        for (String label : labels) {
            assertThat(label).matches("([125]0* kernel calls?/s)|(1/[125](0|,000)* of real time)|real time|max");
        }
    }

    @Test
    void packetsAndScriptLinesHaveTheirOwnWords() {
        List<String> packets = labels(SpeedScale.live(new Pace("packet", "packets", 20e6)));
        assertThat(packets).startsWith("1 packet/s", "2 packets/s", "5 packets/s").contains("500 packets/s",
                "1/10,000 of real time", "1/5,000 of real time");
        assertThat(packets).doesNotContain("1,000 packets/s");
        List<String> lines = labels(SpeedScale.script());
        assertThat(lines).containsExactly("0.2 lines/s", "0.5 lines/s", "1 line/s", "2 lines/s", "5 lines/s",
                "10 lines/s", "20 lines/s", "50 lines/s", "100 lines/s", "200 lines/s", "max");
        assertThat(SpeedScale.script().label(1.0)).as("a script at speed 1").isEqualTo("2 lines/s");
    }

    @Test
    void withoutAPaceTheStopsAreFractionsOfRealTime() {
        SpeedScale scale = SpeedScale.live(Pace.UNKNOWN);
        List<String> labels = labels(scale);
        assertThat(labels.get(0)).isEqualTo("1/10,000,000 of real time");
        assertThat(labels).contains("1/1,000 of real time").endsWith("real time", "max");
        // a speed between the stops (a preset's own) is still said in words, to two digits
        assertThat(scale.label(1.6e-7)).isEqualTo("1/6,300,000 of real time");
        assertThat(scale.label(3)).isEqualTo("3× real time");
    }

    @Test
    void everySliderPositionIsAStopAndEveryStopHasItsPosition() {
        for (SpeedScale scale : List.of(SpeedScale.live(CALLS), SpeedScale.live(Pace.UNKNOWN), SpeedScale.script())) {
            List<String> labels = labels(scale);
            assertThat(scale.step() * (scale.stops() - 1)).isCloseTo(SpeedScale.MAX, within(1e-9));
            for (double slider = 0; slider <= SpeedScale.MAX; slider += 0.37) {
                assertThat(labels).contains(scale.label(scale.factor(slider)));
            }
            assertThat(scale.factor(SpeedScale.MAX)).isInfinite();
            for (int i = 0; i < scale.stops(); i++) {
                double f = scale.stop(i);
                assertThat(scale.slider(f)).isCloseTo(i * scale.step(), within(1e-9));
                assertThat(scale.factor(scale.slider(f))).isEqualTo(f);
                if (i > 0) {
                    assertThat(f).as("stops ascend").isGreaterThan(scale.stop(i - 1));
                }
            }
            // a speed off the stops goes to the nearest one on a log scale
            assertThat(scale.factor(scale.slider(scale.stop(1) * 1.1))).isEqualTo(scale.stop(1));
        }
    }

    @Test
    void thePaceIsWhatTheRunHasDoneSoFarInTheChosenUnit() throws Exception {
        var preset = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "01");
        try (SyncRunner runner = SyncRunner.live(preset)) {
            ModelView start = runner.latest();
            assertThat(SpeedScale.paceOf(start, Unit.KERNEL_CALL).singular()).as("no calls counted yet: packets")
                    .isEqualTo("packet");
            assertThat(SpeedScale.paceOf(start, Unit.PACKET).perSimSecond()).isEqualTo(20e6);
            ModelView later = runner.apply(new RunnerCommand.Seek(5_000_000L));
            Pace calls = SpeedScale.paceOf(later, Unit.KERNEL_CALL);
            assertThat(calls.singular()).isEqualTo("kernel call");
            assertThat(calls.perSimSecond()).isEqualTo(later.position() / 5e-3);
            Pace polls = SpeedScale.paceOf(later, Unit.POLL);
            assertThat(polls.plural()).isEqualTo("NAPI polls");
            assertThat(polls.perSimSecond()).isEqualTo(later.nic().polls() / 5e-3);
        }
    }
}
