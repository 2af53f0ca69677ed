// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagepool.app.view.CanvasRegion;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On 1920x1080 and 4K the window uses the room: the panel takes a share, the regions and the tiles grow. */
@ExtendWith(ApplicationExtension.class)
class LargeScreenTest extends AppFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage, 1920, 1080);
    }

    @AfterEach
    void stop() {
        close();
    }

    private double width(String id) {
        return window.scene().lookup(id).getLayoutBounds().getWidth();
    }

    @Test
    void thePanelTakesAQuarterAndTheRegionsAndTilesGrowWithTheWindow(FxRobot robot) throws Exception {
        var elephant = Assets.preset("16-elephant-flow.workload");
        robot.interact(() -> controller.loadPreset(elephant));
        await("eight queues", () -> view().queues().count() == 8);
        await("the tiles drawn", () -> window.journey().tiles().grid() != null);
        assertThat(width("#side")).as("the panel at 1920").isGreaterThanOrEqualTo(0.24 * 1920);
        double device = width("#device");
        double tile = window.journey().tiles().grid().tileW();
        robot.interact(() -> {
            stage.setWidth(3840);
            stage.setHeight(2160);
        });
        await("the 4K layout", () -> window.scene().getWidth() >= 3800);
        await("the tiles drawn again", () -> window.journey().tiles().grid().tileW() > tile);
        assertThat(width("#side")).as("the panel at 4K").isGreaterThanOrEqualTo(0.24 * 3840);
        assertThat(width("#device")).as("the device region grows").isGreaterThan(1.8 * device);
        for (CanvasRegion region : window.journey().regions()) {
            if (region.getParent() != null) {
                assertThat(region.getLayoutBounds().getHeight()).as(region.getId()).isGreaterThan(300);
            }
        }
    }
}
