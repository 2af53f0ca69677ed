// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.app.view.DrawnText;
import org.pagepool.app.view.JourneyOverlay;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;

/**
 * The flow arrows and their labels, while a run plays too fast for tokens: on no text of the regions, and only
 * for what flows.
 */
class FlowLabelsTest extends WindowFixture {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "01-xdp-drop.workload, light, 'to NIC,recycle', alloc",
        "05-slow-socket.workload, contrast, 'to NIC,pass/redirect,into ring', recycle",
        "02-redirect-ring.workload, dark, 'to NIC,refill', recycle"})
    void labelsCoverNoTextAndNameOnlyWhatFlows(String preset, String theme, String expected, String absent,
                                               FxRobot robot) throws Exception {
        robot.interact(() -> window.controls().theme.setValue(theme));
        if (!preset.startsWith("01-")) {
            Preset chosen = Assets.preset(preset);
            robot.interact(() -> controller.loadPreset(chosen));
            await("the preset", () -> view().source().contains(preset));
        }
        robot.interact(() -> controller.setSpeed(0.02)); // a millisecond of simulated time a frame: arrows, no tokens
        robot.interact(controller::play);
        await("arrows with their labels", () -> view().state() == RunnerState.PLAYING && !view().eventsOn()
                && view().timeNs() > 20_000_000L && !labels().isEmpty());
        List<String> labels = labels().stream().map(DrawnText::text).toList();
        for (String name : expected.split(",")) {
            assertThat(labels).as("%s: labels", preset).anyMatch(l -> l.startsWith(name + " "));
        }
        assertThat(labels).as("%s: nothing moves that way", preset).noneMatch(l -> l.startsWith(absent + " "));
        robot.interact(() -> {
            JourneyOverlay overlay = window.journey().overlay();
            List<DrawnText> texts = new ArrayList<>();
            for (CanvasRegion region : window.journey().regions()) {
                for (DrawnText t : region.drawnTexts()) {
                    texts.add(new DrawnText(t.text(), overlay.sceneToLocal(region.localToScene(t.bounds()))));
                }
            }
            assertThat(texts).as("the regions' texts").hasSizeGreaterThan(20);
            for (DrawnText label : overlay.flowLabels()) {
                Bounds box = label.bounds();
                assertThat(box.getMinX() >= 0 && box.getMinY() >= 0 && box.getMaxX() <= overlay.getWidth()
                        && box.getMaxY() <= overlay.getHeight()).as("%s inside the window", label.text()).isTrue();
                for (DrawnText text : texts) {
                    assertThat(box.intersects(text.bounds())).as("%s over \"%s\"", label.text(), text.text())
                            .isFalse();
                }
                for (DrawnText other : overlay.flowLabels()) {
                    assertThat(other != label && box.intersects(other.bounds()))
                            .as("%s over %s", label.text(), other.text()).isFalse();
                }
            }
            assertThat(overlay.flowArrows()).as("the arrows").isNotEmpty();
            for (DrawnText arrow : overlay.flowArrows()) {
                for (DrawnText text : texts) {
                    assertThat(arrow.bounds().intersects(text.bounds()))
                            .as("the %s arrow over \"%s\"", arrow.text(), text.text()).isFalse();
                }
            }
        });
    }

    private List<DrawnText> labels() {
        return window.journey().overlay().flowLabels();
    }
}
