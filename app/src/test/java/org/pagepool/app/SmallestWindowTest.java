// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;

/**
 * At the window's smallest size, 1024x600, the whole window lies inside it:
 * the window used to be laid out at its parts' smallest width, 1,246 px, and
 * the side panel, the toolbar's last controls and the status were cut off.
 */
class SmallestWindowTest extends AppFixture {
    private static double rightEdge(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMaxX();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"01-xdp-drop.workload, light", "19-xdp-drop-16-queues.workload, light",
        "17-irq-wrong-node.workload, contrast", "05-slow-socket.workload, contrast"})
    void everyPartFitsAt1024x600(String name, String theme) throws Exception {
        FxRobot robot = new FxRobot();
        openOnPrimaryStage(1024, 600);
        robot.interact(() -> window.controls().theme.setValue(theme)); // the contrast theme's type is larger
        Preset preset = Assets.preset(name);
        robot.interact(() -> controller.loadPreset(preset));
        await(name, () -> view().live() && view().source().contains(name));
        long frames = window.frames();
        await("a few frames", () -> window.frames() > frames + 2);
        robot.interact(() -> {
            assertThat(window.scene().getRoot().minWidth(-1)).as("the window's smallest width")
                    .isLessThanOrEqualTo(1024);
            for (Node part : new Node[] {window.controls(), window.side(), window.journey(), window.controls().theme}) {
                assertThat(rightEdge(part)).as("the right edge of %s", part.getId()).isLessThanOrEqualTo(1024);
            }
        });
    }
}
