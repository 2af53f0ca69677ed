// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.app.view.CanvasRegion;
import org.testfx.api.FxRobot;

/**
 * The scale menu offers what the window holds: 200 % at 1280x720 used to cut
 * off titles, counters and the toolbar. A larger scale asked for is kept and
 * shown once the window grows, icons and all.
 */
class ScaleFitTest extends AppFixture {
    @ParameterizedTest(name = "{0}x{1}: {2} %")
    @CsvSource({"1024, 600, 100", "1280, 720, 125", "1366, 768, 125", "1920, 1080, 175", "2560, 1440, 200",
        "3840, 2160, 200", "1920, 600, 100"})
    void theLargestScaleFollowsTheWindow(double width, double height, int percent) {
        assertThat(MainWindow.largestScale(width, height)).isEqualTo(percent);
    }

    @Test
    void aScaleTooLargeForTheWindowWaitsForItToGrow() throws Exception {
        FxRobot robot = new FxRobot();
        openOnPrimaryStage(1280, 720);
        CanvasRegion device = robot.lookup("#device").queryAs(CanvasRegion.class);
        robot.interact(() -> window.setScale(200));
        assertThat(window.controls().scale.getValue()).isEqualTo(125);
        assertThat(window.controls().scale.getItems()).containsExactly(100, 125);
        assertThat(device.scale()).isEqualTo(1.25);
        robot.interact(() -> {
            stage.setWidth(2560);
            stage.setHeight(1440);
        });
        await("the scale asked for", () -> window.controls().scale.getValue() == 200);
        assertThat(device.scale()).isEqualTo(2.0);
        assertThat(window.controls().scale.getItems()).containsExactly(100, 125, 150, 175, 200);
        FontIcon play = (FontIcon) window.controls().play.getGraphic();
        await("the icons half as much larger as the type", () -> play.getIconSize() == 30);
        assertThat(play.getFont().getFamily()).as("still the icons' font: another draws empty boxes")
                .isNotEqualTo(Font.getDefault().getFamily());
        robot.interact(() -> window.setScale(100));
        await("the icons back at the stylesheet's size", () -> play.getIconSize() == 20);
    }
}
