// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.testfx.api.FxRobot;

/** Every region draws something, at the smallest supported size and at a large one, and nothing is cut off. */
class RegionRenderTest extends AppFixture {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "2560, 1440"})
    void eachRegionRendersContent(int width, int height) throws Exception {
        FxRobot robot = new FxRobot();
        openOnPrimaryStage(width, height);
        // the slow-socket story fills every region: descriptors, cache, ring, sockets, a squeezed allocator
        robot.interact(() -> controller.loadPreset(assetPreset("05-slow-socket.workload")));
        await("the preset", () -> view().title().startsWith("A slow socket"));
        robot.interact(() -> controller.seek(60_000_000L));
        await("60 ms", () -> view().timeNs() >= 60_000_000L);
        long frames = window.frames();
        await("a few pulses", () -> window.frames() > frames + 3);
        for (CanvasRegion region : window.journey().regions()) {
            assertThat(region.getWidth()).as("%s width", region.getId()).isGreaterThan(100);
            assertThat(region.getHeight()).as("%s height", region.getId()).isGreaterThan(100);
            int colours = colours(robot, region);
            assertThat(colours).as("colours drawn in %s at %dx%d", region.getId(), width, height)
                    .isGreaterThan(4);
        }
        // nothing is cut off: the controls fit the width, the journey and the panel share it
        double controlsWidth = prefWidth(robot, window.controls());
        assertThat(controlsWidth).as("controls at %d px", width).isLessThanOrEqualTo(width);
        assertThat(window.journey().getWidth() + window.side().getWidth()).isLessThanOrEqualTo(width);
        assertThat(window.side().getWidth()).isGreaterThanOrEqualTo(300);
    }

    private static Preset assetPreset(String name) {
        try {
            return Assets.preset(name);
        } catch (PresetFiles.BadPreset e) {
            throw new IllegalStateException(e);
        }
    }

    private static double prefWidth(FxRobot robot, Node node) {
        AtomicReference<Double> w = new AtomicReference<>();
        robot.interact(() -> w.set(node.prefWidth(-1)));
        return w.get();
    }

    /** Distinct colours in the node's pixels (a blank region has one or two). */
    private static int colours(FxRobot robot, Node node) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.snapshot(new SnapshotParameters(), null)));
        PixelReader pixels = image.get().getPixelReader();
        Set<Integer> seen = new HashSet<>();
        int w = (int) image.get().getWidth();
        int h = (int) image.get().getHeight();
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                seen.add(pixels.getArgb(x, y));
                if (seen.size() > 64) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }
}
