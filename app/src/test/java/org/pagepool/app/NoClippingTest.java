// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.app.view.TextMetrics;
import org.pagepool.trace.KernelFunction;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;

/**
 * No text cut off at the panels' edges at 1280x720, in any theme: the
 * labels (no ellipsis) and every text the canvases draw (inside its
 * region), through scenarios, kernel calls with their explanations, the
 * charts and a script.
 */
class NoClippingTest extends AppFixture {
    private final List<String> clipped = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"light", "dark", "contrast"})
    void nothingIsCutOffAt1280x720(String theme) throws Exception {
        FxRobot robot = new FxRobot();
        openOnPrimaryStage(1280, 720);
        robot.interact(() -> window.controls().theme.setValue(theme));
        lookThrough(robot);
        assertThat(clipped).as("%s theme at 1280x720", theme).isEmpty();
    }

    @ParameterizedTest(name = "{0}x{1} at {2} % ({3})")
    @CsvSource({"1920, 1080, 150, light", "2560, 1440, 200, contrast",
        "1920, 1080, 100, dark"})
    void nothingIsCutOffOnALargeScreenAtAProjectorsScale(int width, int height, int percent, String theme)
            throws Exception {
        FxRobot robot = new FxRobot();
        openOnPrimaryStage(width, height);
        robot.interact(() -> {
            window.controls().theme.setValue(theme);
            window.setScale(percent);
        });
        CanvasRegion device = robot.lookup("#device").queryAs(CanvasRegion.class);
        assertThat(device.scale()).isEqualTo(percent / 100.0);
        lookThrough(robot);
        assertThat(clipped).as("%dx%d at %d %%", width, height, percent).isEmpty();
        // the type really grew: the device's title as many times wider as the scale says
        robot.interact(() -> {
            double titleWidth = device.drawnTexts().get(0).bounds().getWidth();
            double atOne = TextMetrics.width("Device: NIC rings",
                    Font.font(null, FontWeight.BOLD, 14));
            assertThat(titleWidth).isCloseTo(atOne * percent / 100.0, offset(0.5));
        });
    }

    /** Goes through what the window can show, noting every text cut off. */
    void lookThrough(FxRobot robot) throws Exception {
        // kernel calls one by one from the start: each function's explanation and its note on newer kernels
        Set<KernelFunction> seen = new LinkedHashSet<>();
        stepThrough(robot, seen, "01");
        seek(robot, 50_000_000L);
        check(robot, "01 at 50 ms");
        load(robot, "05-slow-socket.workload");
        seek(robot, 40_000_000L);
        stepThrough(robot, seen, "05");
        assertThat(seen).as("functions explained").hasSizeGreaterThanOrEqualTo(3);
        seek(robot, 150_000_000L);
        check(robot, "05 at 150 ms");
        robot.interact(() -> window.side().tabs().getSelectionModel().select(1)); // the charts
        robot.interact(() -> controller.setSpeed(0.02));
        robot.interact(controller::play);
        await("a chart", () -> view().timeNs() > 170_000_000L);
        robot.interact(controller::pause);
        check(robot, "05's charts");
        robot.interact(() -> window.side().tabs().getSelectionModel().select(0));
        load(robot, "13-reload-two-pools.workload");
        seek(robot, 120_000_000L);
        check(robot, "13 at 120 ms");
        dialogs.answers.add(Path.of(getClass().getResource("/golden/02-ring-path.pool").toURI()));
        robot.clickOn("#openScript");
        await("the script", () -> view().script() != null);
        for (int i = 0; i < 6; i++) {
            long before = view().position();
            robot.interact(() -> controller.step(false));
            await("a line", () -> view().position() > before);
        }
        check(robot, "a script");
    }

    private void stepThrough(FxRobot robot, Set<KernelFunction> seen, String where) {
        for (int i = 0; i < 30; i++) {
            long before = view().position();
            robot.interact(() -> controller.step(false));
            await("a step", () -> view().position() > before);
            if (view().current() != null && seen.add(view().current())) {
                check(robot, where + " in " + view().current().kernelName());
            }
        }
    }

    private void load(FxRobot robot, String name) throws Exception {
        Preset preset = Assets.preset(name);
        robot.interact(() -> controller.loadPreset(preset));
        await(name, () -> view().live() && view().source().contains(name));
    }

    private void seek(FxRobot robot, long timeNs) {
        robot.interact(() -> controller.seek(timeNs));
        await(timeNs / 1_000_000 + " ms", () -> view().timeNs() >= timeNs);
    }

    private void check(FxRobot robot, String where) {
        long frames = window.frames();
        await("a few frames", () -> window.frames() > frames + 2);
        robot.interact(() -> {
            for (String cut : Clipping.in(window.scene().getRoot())) {
                clipped.add(where + ": " + cut);
            }
            // the bar may squeeze the speed slider and its spring, nothing else
            double controls = window.controls().minWidth(-1);
            if (controls > window.scene().getWidth()) {
                clipped.add(where + ": the controls need " + Math.round(controls) + " px");
            }
        });
    }
}
