// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A region's counters under it in the narrowest region there is (the alloc
 * cache at 1024x600, or at 1280x720 and 125 %): each whole, inside the
 * region, though "cached 100.2k" is wider than the region; cut at its edge it
 * read as another number ("cached 100.2").
 */
class RegionFooterTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest(name = "{0} px wide, scale {1}")
    @CsvSource({"70, 1", "80, 1", "104, 1.25", "120, 1.5"})
    void theCacheCountersStayWholeInsideTheRegion(int width, double scale) throws Exception {
        List<DrawnText> texts = WaitForAsyncUtils.asyncFx(() -> {
            AllocCachePane pane = new AllocCachePane();
            pane.setScale(scale);
            pane.resize(width, 400);
            pane.layout();
            pane.show(view());
            pane.redrawIfDirty();
            return pane.drawnTexts();
        }).get(1, TimeUnit.MINUTES);
        assertThat(texts).extracting(DrawnText::text).contains("fast 101.3k", "cached 100.2k", "cache_full 0");
        for (DrawnText t : texts) {
            if (t.text().startsWith("fast ") || t.text().startsWith("cached ") || t.text().startsWith("cache_full ")) {
                assertThat(t.bounds().getMaxX()).as("\"%s\"'s right end", t.text()).isLessThanOrEqualTo(width);
            }
        }
    }

    /** A pool with six-figure counters. */
    private static ModelView view() {
        PoolStatsSnapshot stats = new PoolStatsSnapshot(101_300, 16, 0, 16, 0, 0, 100_200, 0, 0, 0, 0);
        PoolView pool = new PoolView(1, "alive", 0, 0, 0, 1, PageSlots.EMPTY, PageSlots.of(null, new int[16], 16), 0,
                0, 0, 0, 0, 0, 0, stats, -1);
        BuddyView buddy = new BuddyView(new long[] {16}, new long[] {16}, new int[][] {new int[11]});
        return new ModelView(new StatusView(0, RunnerState.PAUSED, null, 1, false, 0, 0, 0, 0, 0, 0, -1, 0),
                new LoadedView("a script", "c.pool", 1, null, null, null),
                new KernelView(buddy, null, List.of(), List.of(), 0, 0, 0), PoolsView.of(List.of(pool)), null, null,
                new StackView(null, PageSlots.EMPTY, 0), QueuesView.NONE, GuideView.NONE);
    }
}
