// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.app.view.CountersPane;
import org.testfx.api.FxRobot;

/**
 * On 1920x1080 and larger screens the window uses the room: the panel takes
 * a share, the regions and the tiles grow. (The tests' headless screen is
 * 2600x1500, so the larger one is 2560x1440; 4K is the same rule, seen in a
 * headless screenshot.)
 */
class LargeScreenTest extends WindowFixture {
    LargeScreenTest() {
        super(1920, 1080);
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
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(2560);
            stage.setHeight(1440);
        });
        await("the 2560x1440 layout", () -> window.scene().getWidth() >= 2500);
        assertThat(window.scene().getHeight()).isGreaterThan(1400);
        await("the tiles drawn again", () -> window.journey().tiles().grid().tileW() > tile);
        assertThat(width("#side")).as("the panel at 2560").isGreaterThanOrEqualTo(0.24 * 2560);
        assertThat(width("#device")).as("the device region grows").isGreaterThan(1.25 * device);
        for (CanvasRegion region : window.journey().regions()) {
            if (region.getParent() != null) {
                assertThat(region.getLayoutBounds().getHeight()).as(region.getId()).isGreaterThan(300);
            }
        }
    }

    /** The contrast theme at 175 %, as on a projector. */
    private void onAProjector(FxRobot robot) {
        robot.interact(() -> {
            window.controls().theme.setValue("contrast");
            window.setScale(175);
        });
        await("175 %", () -> window.controls().scale.getValue() == 175);
    }

    @Test
    void atAProjectorsScaleTheCountersKeepTheirRowsAndNeedNoScrollingSideways(FxRobot robot) throws Exception {
        onAProjector(robot);
        ScrollPane counters = robot.lookup("#countersScroll").queryAs(ScrollPane.class);
        // about six rows at 175 % (the least height), less the part of a row the viewport leaves out
        await("the counters laid out at 175 %", () -> counters.getHeight() >= 150 * 1.75 - 22 * 1.75);
        robot.interact(() -> window.scene().getRoot().layout());
        double content = counters.getContent().getLayoutBounds().getWidth();
        assertThat(content).as("the counters' width against the viewport's")
                .isLessThanOrEqualTo(counters.getViewportBounds().getWidth() + 0.5);
        Region thumb = robot.lookup("#timeline .thumb").queryAs(Region.class);
        List<BackgroundFill> fills = thumb.getBackground().getFills();
        assertThat(fills.get(fills.size() - 1).getFill()).as("the timeline's thumb in the contrast theme's accent")
                .isEqualTo(Color.YELLOW);
        HBox status = robot.lookup(".timeline-bar").queryAs(HBox.class);
        assertThat(status.getSpacing()).as("the time apart from the status by more than a space at 175 %%")
                .isGreaterThanOrEqualTo(13 * 1.75);
        // and the viewport ends below a whole row: a row cut along its baseline made 3,799 read 3.799
        double viewport = counters.getViewportBounds().getHeight();
        assertThat(((CountersPane) counters.getContent()).wholeRowsWithin(viewport)).as("the last whole row's end")
                .isCloseTo(viewport, offset(0.5));
    }

    @Test
    void atAProjectorsScaleTheTeachersSwitchesShowWithoutScrolling(FxRobot robot) throws Exception {
        onAProjector(robot);
        robot.interact(() -> window.scene().getRoot().layout());
        ScrollPane scenario = robot.lookup("#scenario").queryAs(ScrollPane.class);
        for (String id : new String[] {"#guided", "#predict"}) {
            Node box = robot.lookup(id).query();
            Bounds inScenario = scenario.sceneToLocal(box.localToScene(box.getLayoutBounds()));
            assertThat(inScenario.getMaxY()).as("%s's bottom in the scenario tab, unscrolled", id)
                    .isLessThanOrEqualTo(scenario.getViewportBounds().getHeight());
        }
    }

    @Test
    void atNineteenTwentyEveryTabOfThePanelShowsItsWholeName(FxRobot robot) throws Exception {
        Node tabs = robot.lookup("#sideTabs").query();
        await("the tab headers", () -> tabs.lookup(".headers-region") != null);
        robot.interact(() -> window.scene().getRoot().layout());
        Node area = tabs.lookup(".tab-header-area");
        Node headers = tabs.lookup(".headers-region");
        double right = area.localToScene(area.getLayoutBounds()).getMaxX();
        for (Node tab : tabs.lookupAll(".tab")) {
            if (tab.getParent() == headers) {
                assertThat(tab.localToScene(tab.getLayoutBounds()).getMaxX()).as("a tab header's right edge")
                        .isLessThanOrEqualTo(right);
            }
        }
    }
}
