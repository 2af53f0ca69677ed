// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.nic.NicStats;
import org.pagepool.view.ModelView;
import org.pagepool.view.PoolTotals;
import org.pagepool.view.QueueView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.CounterCsv;
import org.pagepool.workload.StackStats;

/**
 * The counters over simulated time, one row per view the window showed
 * (per {@value #PLAYING_ROW_NS} ns of wall time while playing),
 * for export as CSV. Bounded by its queues' records, a row holding one per
 * queue: past {@value #MAX_RECORDS} every other row goes (the resolution
 * halves, the span stays). A bound of rows let 64 queues' rows (17 kB each)
 * grow by 170 kB a second of playing, towards 850 MB. Going back in time or
 * loading another run starts it again. FX thread only.
 */
public final class CounterHistory {
    /**
     * About 280 bytes a queue's record (its pool and NIC counters): at most ~7 MB. With one queue, a row per
     * 0.1 s of playing for the first 40 minutes; with 64 queues, the first 39 seconds.
     */
    static final int MAX_RECORDS = 25_000;
    /** While playing, a new row at most this often (wall time); the newest row keeps the latest counters. */
    static final long PLAYING_ROW_NS = 100_000_000L;

    private final int maxRecords;
    private final List<CounterCsv.Sample> rows = new ArrayList<>();
    /** The queues' records in {@link #rows}. */
    private int records;
    private String source;
    private long lastTime = -1;
    private long lastRowWall;

    public CounterHistory() {
        this(MAX_RECORDS);
    }

    CounterHistory(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    /** The CSV header: the one schema of {@link CounterCsv}, as {@code workload --csv} writes it. */
    public static String header() {
        return CounterCsv.header();
    }

    /** Adds the counters of a view shown at {@code wallNanos}. */
    public void add(ModelView v, long wallNanos) {
        if (!v.source().equals(source) || v.timeNs() < lastTime) {
            rows.clear();
            records = 0;
            source = v.source();
        }
        boolean soon = v.state() == RunnerState.PLAYING && wallNanos - lastRowWall < PLAYING_ROW_NS;
        if ((v.timeNs() == lastTime || soon) && !rows.isEmpty()) {
            records -= rows.remove(rows.size() - 1).queues().size(); // the same moment or too soon: replaced
        } else {
            lastRowWall = wallNanos;
        }
        lastTime = v.timeNs();
        List<CounterCsv.Queue> queues = new ArrayList<>();
        if (v.queues().many()) {
            for (QueueView q : v.queues().list()) { // a row per queue, then the total, as workload --csv writes
                PoolTotals p = q.pools();
                queues.add(new CounterCsv.Queue(q.cpu(), p.pools(), p.hold(), p.release(), p.inflight(), p.stats(),
                        q.nic()));
            }
        } else {
            PoolTotals totals = v.totals();
            queues.add(new CounterCsv.Queue(-1, totals.pools(), totals.hold(), totals.release(), totals.inflight(),
                    totals.stats(), v.nic() == null ? NicStats.ZERO : v.nic()));
        }
        StackStats stack = v.stackStats() == null ? StackStats.ZERO : v.stackStats();
        rows.add(new CounterCsv.Sample(v.timeNs(), v.jiffies(), queues, stack, v.buddy().totalFree(),
                v.mapped(), v.syncs()));
        records += queues.size();
        while (records > maxRecords && rows.size() > 2) {
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
        records = 0;
        for (CounterCsv.Sample row : rows) {
            records += row.queues().size();
        }
    }

    public int size() {
        return rows.size();
    }

    /** The queues' records the rows hold: what bounds the history. */
    int records() {
        return records;
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
