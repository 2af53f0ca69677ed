// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagepool.cli.Main;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.SyncRunner;
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
import org.pagepool.workload.CounterCsv;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/**
 * The counter history stays within its bound by halving its resolution, keeping the first and newest rows, and
 * exports in the command line's CSV schema.
 */
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

    @Test
    void theExportHasTheCommandLinesHeaderAndATotalRowPerView(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        String preset = Path.of("..", "assets", "scenarios", "01-xdp-drop.workload").toString();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"workload", "--preset", preset, "--seconds", "0.001", "--csv",
            csv.toString(), "--every", "1"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String cliHeader = Files.readAllLines(csv).get(0);

        CounterHistory history = new CounterHistory(10);
        history.add(at("run", 1_500_000), 0);
        history.add(at("run", 2_000_000), 1);
        List<String> lines = history.csv();
        assertThat(lines.get(0)).isEqualTo(cliHeader).isEqualTo(CounterHistory.header());
        assertThat(lines).hasSize(3);
        for (String row : lines.subList(1, 3)) {
            String[] cells = row.split(",", -1);
            assertThat(cells).hasSize(CounterCsv.COLUMNS.size());
            assertThat(cells[CounterCsv.COLUMNS.indexOf("queue")]).isEqualTo(CounterCsv.TOTAL);
        }
        assertThat(lines.get(1)).startsWith("0.001500000,1,total,");
    }

    @Test
    void aManyQueueRunExportsARowPerQueueThenTheTotalAsTheCommandLineDoes() throws Exception {
        Preset elephant = PresetFiles.load(Path.of("..", "assets", "scenarios", "16-elephant-flow.workload"),
                "16-elephant-flow");
        try (SyncRunner runner = SyncRunner.live(elephant)) {
            ModelView v = runner.apply(new RunnerCommand.Seek(1_000_000L));
            CounterHistory history = new CounterHistory(10);
            history.add(v, 0);
            List<String> lines = history.csv();
            assertThat(lines).hasSize(1 + 8 + 1);
            int queue = CounterCsv.COLUMNS.indexOf("queue");
            for (int q = 0; q < 8; q++) {
                assertThat(lines.get(1 + q).split(",", -1)[queue]).isEqualTo(Integer.toString(q));
            }
            assertThat(lines.get(9).split(",", -1)[queue]).isEqualTo(CounterCsv.TOTAL);
            int missed = CounterCsv.COLUMNS.indexOf("rx_missed");
            long sum = 0;
            for (int q = 0; q < 8; q++) {
                sum += Long.parseLong(lines.get(1 + q).split(",", -1)[missed]);
            }
            assertThat(Long.parseLong(lines.get(9).split(",", -1)[missed])).isEqualTo(sum)
                    .isEqualTo(v.nic().rxMissed());
        }
    }

    @Test
    void aManyQueueRunIsBoundedByItsQueuesRecordsNotItsRows() throws Exception {
        Preset elephant = PresetFiles.load(Path.of("..", "assets", "scenarios", "16-elephant-flow.workload"),
                "16-elephant-flow");
        try (SyncRunner runner = SyncRunner.live(elephant)) {
            CounterHistory history = new CounterHistory(40); // five rows of eight queues
            for (int t = 1; t <= 12; t++) {
                history.add(runner.apply(new RunnerCommand.Seek(t * 100_000L)), t);
                assertThat(history.records()).as("after %d views", t).isLessThanOrEqualTo(40)
                        .isEqualTo(8 * history.size());
            }
            List<Double> times = times(history).stream().distinct().toList(); // a line per queue and the total
            assertThat(times).hasSize(history.size());
            assertThat(times.get(0)).isEqualTo(100e-6);
            assertThat(times.get(times.size() - 1)).isEqualTo(1200e-6);
            assertThat(times).isSorted();
        }
    }
}
