// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.workload.Preset;
import org.testfx.api.FxRobot;

/**
 * Issue 15, "following one page": at the slowest speed a page flying
 * between regions is drawn only in flight, not also as a cell of the region
 * it left or of the one it goes to; frame after frame of the flights, with
 * the runner publishing its views on its own beat (a few ms apart, as the
 * live runner does), every page is in exactly one place on screen.
 */
class PageInOnePlaceTest extends AppFixture {
    private static final long FRAME_NS = 16_666_667L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"02-redirect-ring.workload", "03-cache-full.workload", "05-slow-socket.workload",
        "14-tx-bulk.workload"})
    void aPageInFlightIsDrawnInExactlyOnePlace(String preset) throws Exception {
        FxRobot robot = new FxRobot();
        openOnPrimaryStage(1280, 720);
        Preset chosen = Assets.preset(preset);
        robot.interact(() -> controller.loadPreset(chosen));
        await(preset + " loaded", () -> controller.preset().name().equals(preset));
        robot.interact(() -> {
            window.controls().speed.setValue(0); // the slowest speed
            controller.play();
        });
        List<String> twice = new ArrayList<>();
        Set<Long> flown = new HashSet<>();
        Map<Long, Integer> framesInFlight = new HashMap<>();
        int[] frame = {0};
        frames(600, FRAME_NS, 4, () -> {
            frame[0]++;
            Map<Long, List<String>> places = new HashMap<>();
            for (CanvasRegion region : window.journey().regions()) {
                for (long page : region.drawnPages()) {
                    places.computeIfAbsent(page, k -> new ArrayList<>()).add(region.getId());
                }
            }
            for (long page : window.journey().overlay().drawnTokens()) {
                places.computeIfAbsent(page, k -> new ArrayList<>()).add("in flight");
                flown.add(page);
                framesInFlight.merge(page, 1, Integer::sum);
            }
            places.forEach((page, where) -> {
                if (where.size() > 1 && twice.size() < 20) {
                    twice.add("frame " + frame[0] + ": pool " + (page >>> 32) + " p" + (page & 0xFFFFFFFFL)
                            + " drawn in " + where);
                }
            });
        });
        assertThat(flown).as("%s: pages flew at the slowest speed", preset).isNotEmpty();
        assertThat(framesInFlight.values()).as("%s: a flight spans several frames", preset)
                .anyMatch(frames -> frames >= 5);
        assertThat(twice).as("%s: pages drawn in two places at once", preset).isEmpty();
    }
}
