// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.run.ModelView;
import org.pagepool.run.PoolTotals;
import org.pagepool.run.RunnerState;
import org.pagepool.workload.CounterCsv;
import org.pagepool.workload.StackStats;

/**
 * The counters over simulated time, one row per view the window showed
 * (per {@value #PLAYING_ROW_NS} ns of wall time while playing),
 * for export as CSV. Bounded: past {@value #MAX_ROWS} rows every other row
 * goes (the resolution halves, the span stays). Going back in time or
 * loading another run starts it again. FX thread only.
 */
public final class CounterHistory {
    /** About 350 bytes a row: at most ~17 MB, a row per 0.1 s of playing for the first 83 minutes. */
    static final int MAX_ROWS = 50_000;
    /** While playing, a new row at most this often (wall time); the newest row keeps the latest counters. */
    static final long PLAYING_ROW_NS = 100_000_000L;

    private final int maxRows;
    private final List<CounterCsv.Sample> rows = new ArrayList<>();
    private String source;
    private long lastTime = -1;
    private long lastRowWall;

    public CounterHistory() {
        this(MAX_ROWS);
    }

    CounterHistory(int maxRows) {
        this.maxRows = maxRows;
    }

    /** The CSV header: the one schema of {@link CounterCsv}, as {@code workload --csv} writes it. */
    public static String header() {
        return CounterCsv.header();
    }

    /** Adds the counters of a view shown at {@code wallNanos}. */
    public void add(ModelView v, long wallNanos) {
        if (!v.source().equals(source) || v.timeNs() < lastTime) {
            rows.clear();
            source = v.source();
        }
        boolean soon = v.state() == RunnerState.PLAYING && wallNanos - lastRowWall < PLAYING_ROW_NS;
        if ((v.timeNs() == lastTime || soon) && !rows.isEmpty()) {
            rows.remove(rows.size() - 1); // the same moment or too soon: the newer counters replace the row
        } else {
            lastRowWall = wallNanos;
        }
        lastTime = v.timeNs();
        PoolTotals totals = PoolTotals.of(v);
        // the view has the sum over the queues only: the total row
        CounterCsv.Queue all = new CounterCsv.Queue(-1, v.pools().size(), totals.hold(), totals.release(),
                totals.inflight(), totals.stats(), v.nic() == null ? NicStats.ZERO : v.nic());
        StackStats stack = v.stack() == null ? StackStats.ZERO : v.stack();
        rows.add(new CounterCsv.Sample(v.timeNs(), v.jiffies(), List.of(all), stack, v.buddy().totalFree(),
                v.mapped(), v.syncs()));
        if (rows.size() > maxRows) {
            halve();
        }
    }

    /** Keeps every other row (the first and the newest stay): linear, unlike removing in place. */
    private void halve() {
        List<CounterCsv.Sample> kept = new ArrayList<>(rows.size() / 2 + 2);
        for (int i = 0; i < rows.size() - 1; i += 2) {
            kept.add(rows.get(i));
        }
        kept.add(rows.get(rows.size() - 1));
        rows.clear();
        rows.addAll(kept);
    }

    public int size() {
        return rows.size();
    }

    /** The whole history as CSV lines, header first. */
    public List<String> csv() {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(header());
        for (CounterCsv.Sample r : rows) {
            lines.addAll(CounterCsv.rows(r));
        }
        return lines;
    }
}
