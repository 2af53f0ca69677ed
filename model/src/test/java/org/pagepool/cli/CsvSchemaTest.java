// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagepool.workload.CounterCsv;
import org.pagepool.workload.StackStats;

/**
 * {@code workload --csv} writes {@link CounterCsv}'s schema: a total row per
 * sample, and on a multi-queue NIC a row per queue before it whose counters
 * add up to the total, with the system-wide columns left to the total row.
 */
class CsvSchemaTest {
    private static final Path SCENARIOS = Path.of("..", "assets", "scenarios");

    @TempDir
    Path dir;

    private List<String[]> csv(String preset, String seconds, String everyMs) throws Exception {
        Path csv = dir.resolve("c.csv");
        CommandLineTest.Result r = CommandLineTest.cli("workload", "--preset", SCENARIOS.resolve(preset).toString(),
                "--seconds", seconds, "--csv", csv.toString(), "--every", everyMs);
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(CounterCsv.header());
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", -1);
            assertThat(row).as(line).hasSize(CounterCsv.COLUMNS.size());
            rows.add(row);
        }
        return rows;
    }

    private static int column(String name) {
        int i = CounterCsv.COLUMNS.indexOf(name);
        assertThat(i).as(name).isNotNegative();
        return i;
    }

    @Test
    void aOneQueueRunHasATotalRowPerSample() throws Exception {
        List<String[]> rows = csv("01-xdp-drop.workload", "0.003", "1");
        assertThat(rows).extracting(r -> r[0]).containsExactly("0.000000000", "0.001000000", "0.002000000",
                "0.003000000");
        assertThat(rows).extracting(r -> r[column("queue")]).containsOnly(CounterCsv.TOTAL);
        assertThat(Long.parseLong(rows.get(3)[column("rx_packets")])).isPositive();
        assertThat(Long.parseLong(rows.get(3)[column("free_pages")])).isPositive();
    }

    @Test
    void aMultiQueueRunsQueueRowsAddUpToItsTotalRow() throws Exception {
        List<String[]> rows = csv("16-elephant-flow.workload", "0.002", "0.5");
        Map<String, List<String[]>> samples = new LinkedHashMap<>();
        rows.forEach(r -> samples.computeIfAbsent(r[0], t -> new ArrayList<>()).add(r));
        assertThat(samples).hasSize(5);
        int queue = column("queue");
        int firstSystemWide = column(StackStats.NAMES.get(0));
        for (List<String[]> sample : samples.values()) {
            assertThat(sample).extracting(r -> r[queue]).containsExactly("0", "1", "2", "3", "4", "5", "6", "7",
                    CounterCsv.TOTAL);
            String[] total = sample.get(8);
            for (int c = column("pools"); c < firstSystemWide; c++) {
                long sum = 0;
                for (String[] q : sample.subList(0, 8)) {
                    sum += Long.parseLong(q[c]);
                }
                assertThat(sum).as("%s at %s s", CounterCsv.COLUMNS.get(c), total[0]).isEqualTo(
                        Long.parseLong(total[c]));
            }
            for (int c = firstSystemWide; c < CounterCsv.COLUMNS.size(); c++) {
                assertThat(sample.get(0)[c]).as("a queue row's %s", CounterCsv.COLUMNS.get(c)).isEmpty();
                assertThat(total[c]).as("the total row's %s", CounterCsv.COLUMNS.get(c)).isNotEmpty();
            }
            assertThat(sample.get(3)[column("irq_cpu")]).isEqualTo("3");
            assertThat(total[column("jiffies")]).isEqualTo(sample.get(0)[column("jiffies")]);
        }
        String[] last = samples.get("0.002000000").get(8);
        assertThat(Long.parseLong(last[column("rx_packets")])).isPositive();
        assertThat(last[column("pools")]).isEqualTo("8");
    }

    @Test
    void theColumnsCarryTheKernelsNamesOnce() {
        assertThat(CounterCsv.COLUMNS).startsWith("time_s", "jiffies", "queue", "irq_cpu", "pools",
                "pages_state_hold_cnt", "pages_state_release_cnt", "inflight", "fast", "slow", "slow_high_order")
                .endsWith("free_pages", "dma_mapped", "dma_syncs").doesNotHaveDuplicates();
    }

    @Test
    void secondsAreExactToTheNanosecond() {
        CounterCsv.Sample s = new CounterCsv.Sample(12_345_678_901L, 12_345, List.of(CounterCsv.Queue.ZERO),
                StackStats.ZERO, 1, 2, 3);
        assertThat(CounterCsv.rows(s)).singleElement().asString().startsWith("12.345678901,12345,total,,0,");
        assertThat(CounterCsv.rows(s.at(7))).singleElement().asString().startsWith("0.000000007,12345,");
    }
}
