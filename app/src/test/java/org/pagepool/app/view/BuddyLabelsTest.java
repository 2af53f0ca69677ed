// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.view.BuddyView;
import org.pagepool.view.GuideView;
import org.pagepool.view.KernelView;
import org.pagepool.view.LoadedView;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;
import org.pagepool.view.PoolsView;
import org.pagepool.view.QueuesView;
import org.pagepool.view.RunnerState;
import org.pagepool.view.StackView;
import org.pagepool.view.StatusView;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The buddy allocator's order labels under its bars, from the smallest
 * window's narrow region (where "10" is wider than its column) to a wide one:
 * none runs into another, and where every order has room every one is named.
 */
class BuddyLabelsTest {
    private static final int HEIGHT = 400;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest(name = "{0} px wide, scale {1}")
    @CsvSource({"140, 1", "150, 1", "170, 1", "200, 1", "220, 1", "260, 1.25", "400, 1", "600, 2"})
    void theOrderLabelsNeverRunIntoEachOther(int width, double scale) throws Exception {
        List<String> labels = new ArrayList<>();
        List<String> collisions = WaitForAsyncUtils.asyncFx(() -> {
            BuddyPane pane = new BuddyPane();
            pane.setScale(scale);
            pane.resize(width, HEIGHT);
            pane.layout();
            pane.show(view());
            pane.redrawIfDirty();
            List<DrawnText> orders = new ArrayList<>();
            for (DrawnText t : pane.drawnTexts()) {
                // under the bars, which end 22 units above the bottom (the left axis's "1" and "10" are above)
                if (t.text().matches("\\d|10") && t.bounds().getMinY() >= HEIGHT - 22 * scale) {
                    orders.add(t);
                    labels.add(t.text());
                }
            }
            List<String> found = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                Bounds a = orders.get(i).bounds();
                for (int j = i + 1; j < orders.size(); j++) {
                    if (a.intersects(orders.get(j).bounds())) {
                        found.add("\"" + orders.get(i).text() + "\" on \"" + orders.get(j).text() + "\"");
                    }
                }
            }
            return found;
        }).get(1, TimeUnit.MINUTES);
        assertThat(collisions).as("%d px wide", width).isEmpty();
        assertThat(labels).as("the orders named").contains("0", "10").hasSizeGreaterThanOrEqualTo(6);
        if (width / scale >= 200) { // the 1280x720 window's region (220 px) and wider
            assertThat(labels).as("every order where there is room").hasSize(11);
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {140, 150, 170, 220, 400})
    void theBlockCountsAboveTheBarsStandApart(int width) throws Exception {
        List<Bounds> counts = WaitForAsyncUtils.asyncFx(() -> {
            BuddyPane pane = new BuddyPane();
            pane.resize(width, HEIGHT);
            pane.layout();
            pane.show(view(new int[] {89, 87, 88, 86, 79, 75, 2, 3, 99, 98, 5}));
            pane.redrawIfDirty();
            List<Bounds> found = new ArrayList<>();
            for (DrawnText t : pane.drawnTexts()) {
                // the counts above the bars ("10" is the left axis's)
                if (t.text().matches("\\d\\d") && !t.text().equals("10") && t.bounds().getMaxY() < HEIGHT - 22) {
                    found.add(t.bounds());
                }
            }
            return found;
        }).get(1, TimeUnit.MINUTES);
        // where neighbours' counts would touch, every other one is left out (the bar's tooltip gives it)
        assertThat(counts).as("the two-digit counts").hasSizeGreaterThanOrEqualTo(width >= 220 ? 8 : 4);
        for (int i = 0; i < counts.size(); i++) {
            for (int j = i + 1; j < counts.size(); j++) {
                Bounds a = counts.get(i);
                Bounds b = counts.get(j);
                // apart, across or upwards: at 1024x600 they ran together into one block
                assertThat(new BoundingBox(a.getMinX() - 1, a.getMinY() - 1, a.getWidth() + 2, a.getHeight() + 2)
                        .intersects(b)).as("counts %d and %d at %d px", i, j, width).isFalse();
            }
        }
    }

    /** One node of 32,768 pages with a few free blocks of every order. */
    private static ModelView view() {
        return view(new int[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5});
    }

    private static ModelView view(int[] perOrder) {
        int[][] blocks = {perOrder};
        BuddyView buddy = new BuddyView(new long[] {32768}, new long[] {16000}, blocks);
        return new ModelView(new StatusView(0, RunnerState.PAUSED, null, 1, false, 0, 0, 0, 0, 0, 0, -1, 0),
                new LoadedView("a script", "b.pool", 1, null, null, null),
                new KernelView(buddy, null, List.of(), List.of(), 0, 0, 0), PoolsView.of(List.of()), null, null,
                new StackView(null, PageSlots.EMPTY, 0), QueuesView.NONE, GuideView.NONE);
    }
}
