// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

/** The counter history stays within its bound by halving its resolution, keeping the first and newest rows. */
class CounterHistoryTest {
    private static final BuddyView BUDDY = new BuddyView(new long[] {16}, new long[] {16}, new int[][] {new int[11]});

    private static ModelView at(String source, long timeNs) {
        return at(source, timeNs, RunnerState.PAUSED);
    }

    private static ModelView at(String source, long timeNs, RunnerState state) {
        return new ModelView(new StatusView(timeNs, state, null, 1, false, 0, timeNs, timeNs, timeNs / 1_000_000, 0,
                0, -1, 0), new LoadedView("a run", source, 1, null, null, null),
                new KernelView(BUDDY, null, List.of(), List.of(), 0, 0, 0), PoolsView.of(List.of()), null, null,
                new StackView(null, PageSlots.EMPTY, 0), QueuesView.NONE, GuideView.NONE);
    }

    private static List<Double> times(CounterHistory history) {
        List<Double> times = new ArrayList<>();
        for (String line : history.csv().subList(1, history.csv().size())) {
            times.add(Double.parseDouble(line.substring(0, line.indexOf(','))));
        }
        return times;
    }

    @Test
    void pastItsBoundEveryOtherRowGoesAndTheSpanStays() {
        CounterHistory history = new CounterHistory(8);
        for (long t = 0; t <= 20; t++) {
            history.add(at("run", t * 1_000_000_000L), t);
            assertThat(history.size()).as("after %d s", t).isLessThanOrEqualTo(8);
        }
        List<Double> times = times(history);
        assertThat(times.get(0)).isZero();
        assertThat(times.get(times.size() - 1)).isEqualTo(20.0);
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anotherRunOrAStepBackStartsItAgain() {
        CounterHistory history = new CounterHistory(100);
        history.add(at("run", 0), 0);
        history.add(at("run", 5), 1);
        history.add(at("run", 5), 2); // the same moment: the newer counters replace the row
        assertThat(history.size()).isEqualTo(2);
        history.add(at("run", 3), 3);
        assertThat(history.size()).isEqualTo(1);
        history.add(at("other", 10), 4);
        assertThat(times(history)).containsExactly(10e-9);
    }

    @Test
    void whilePlayingARowAtMostEveryTenthOfASecondHoldsTheLatestCounters() {
        CounterHistory history = new CounterHistory(1000);
        long pulse = 16_666_667L;
        for (int i = 0; i < 60; i++) { // one wall second of pulses at 60 Hz
            history.add(at("run", i * 1_000L, RunnerState.PLAYING), (i + 1) * pulse);
        }
        assertThat(history.size()).isBetween(9, 11);
        List<Double> times = times(history);
        assertThat(times.get(times.size() - 1)).isEqualTo(59e-6);
        history.add(at("run", 60_000L, RunnerState.PAUSED), 61 * pulse); // a pause or a step: always a row
        assertThat(times(history)).hasSize(times.size() + 1);
    }
}
