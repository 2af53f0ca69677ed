// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.view.BuddyView;
import org.pagepool.view.GuideView;
import org.pagepool.view.KernelView;
import org.pagepool.view.LoadedView;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;
import org.pagepool.view.PoolView;
import org.pagepool.view.PoolsView;
import org.pagepool.view.QueuesView;
import org.pagepool.view.RunnerState;
import org.pagepool.view.StackView;
import org.pagepool.view.StatusView;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ptr_ring's index labels (producer, consumer_head, consumer_tail) wherever
 * the indexes stand on the circle, however close together (a ring nearly full,
 * nearly empty, with stale slots or none): no label on another, none on any
 * other text of the region, none past its edges, and no index's tick or
 * leader line through any text.
 */
class PtrRingLabelsTest {
    private static final BuddyView BUDDY = new BuddyView(new long[] {16}, new long[] {16}, new int[][] {new int[11]});

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest(name = "{0} slots, {1}x{2}")
    @CsvSource({"256, 228, 395", "256, 300, 300", "1024, 420, 260", "16, 260, 240", "64, 200, 200",
        "32, 400, 180", "2048, 220, 220"})
    void theIndexLabelsNeverCoverText(int size, int width, int height) throws Exception {
        List<String> collisions = WaitForAsyncUtils.asyncFx(() -> {
            PtrRingPane pane = new PtrRingPane();
            pane.resize(width, height);
            pane.layout();
            List<String> found = new ArrayList<>();
            for (int producer = 0; producer < size; producer += Math.max(1, size / 64)) {
                // nearly full (the producer just behind the consumer), nearly empty, and in between
                for (int count : new int[] {size - 1, size - 2, 1, 2, 0, size / 2}) {
                    for (int stale : new int[] {0, 1, 3}) {
                        int head = Math.floorMod(producer - count, size);
                        int tail = Math.max(0, head - stale);
                        pane.show(view(size, count, producer, head, tail));
                        pane.redrawIfDirty();
                        collide(pane, "producer " + producer + " head " + head + " tail " + tail, found);
                    }
                }
            }
            return found;
        }).get(5, TimeUnit.MINUTES);
        assertThat(collisions).as("%d slots at %dx%d", size, width, height).isEmpty();
    }

    /** Notes every pair of the pane's texts that overlap, any text past its edges, and any line through a text. */
    private static void collide(PtrRingPane pane, String where, List<String> found) {
        List<DrawnText> texts = pane.drawnTexts();
        for (double[] line : pane.markLines()) {
            for (DrawnText t : texts) {
                if (crosses(line, t.bounds())) {
                    found.add(where + ": a line from (" + Math.round(line[0]) + ", " + Math.round(line[1]) + ") to ("
                            + Math.round(line[2]) + ", " + Math.round(line[3]) + ") through \"" + t.text() + "\"");
                }
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            Bounds a = texts.get(i).bounds();
            if (a.getMinX() < 0 || a.getMinY() < 0 || a.getMaxX() > pane.getWidth()
                    || a.getMaxY() > pane.getHeight()) {
                found.add(where + ": \"" + texts.get(i).text() + "\" past the edge at " + a);
            }
            for (int j = i + 1; j < texts.size(); j++) {
                if (a.intersects(texts.get(j).bounds())) {
                    found.add(where + ": \"" + texts.get(i).text() + "\" on \"" + texts.get(j).text() + "\"");
                }
            }
        }
    }

    /** Whether the segment passes through the box (points along it, a quarter pixel apart). */
    private static boolean crosses(double[] line, Bounds box) {
        double length = Math.hypot(line[2] - line[0], line[3] - line[1]);
        int points = Math.max(2, (int) Math.ceil(length * 4));
        for (int i = 0; i <= points; i++) {
            double x = line[0] + (line[2] - line[0]) * i / points;
            double y = line[1] + (line[3] - line[1]) * i / points;
            if (x > box.getMinX() && x < box.getMaxX() && y > box.getMinY() && y < box.getMaxY()) {
                return true;
            }
        }
        return false;
    }

    /** A script's view with one pool whose ring has {@code size} slots and the given indexes. */
    private static ModelView view(int size, int count, int producer, int head, int tail) {
        PoolView pool = new PoolView(1, "alive", 0, 0, 0, 1, PageSlots.EMPTY,
                PageSlots.of(null, new int[size], size), count, producer, head, tail, 0, 0, 0,
                PoolStatsSnapshot.ZERO, -1);
        return new ModelView(new StatusView(0, RunnerState.PAUSED, null, 1, false, 0, 0, 0, 0, 0, 0, -1, 0),
                new LoadedView("a script", "ring.pool", 1, null, null, null),
                new KernelView(BUDDY, null, List.of(), List.of(), 0, 0, 0), PoolsView.of(List.of(pool)), null, null,
                new StackView(null, PageSlots.EMPTY, 0), QueuesView.NONE, GuideView.NONE);
    }
}
