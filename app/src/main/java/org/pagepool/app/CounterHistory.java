// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.view.ModelView;
import org.pagepool.view.PoolTotals;
import org.pagepool.view.RunnerState;
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
    private final List<long[]> rows = new ArrayList<>();
    private String source;
    private long lastTime = -1;
    private long lastRowWall;

    public CounterHistory() {
        this(MAX_ROWS);
    }

    CounterHistory(int maxRows) {
        this.maxRows = maxRows;
    }

    /** The CSV header: time, then every counter under its kernel name. */
    public static String header() {
        StringBuilder line = new StringBuilder("time_s,pools,hold,release,inflight");
        PoolStatsSnapshot.NAMES.forEach(n -> line.append(',').append(n));
        NicStats.NAMES.forEach(n -> line.append(',').append(n));
        StackStats.NAMES.forEach(n -> line.append(',').append(n));
        return line.append(",free_pages,mapped,syncs,jiffies").toString();
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
        PoolTotals totals = v.totals();
        long[] stats = totals.stats().values();
        long[] nic = v.nic() == null ? new long[NicStats.NAMES.size()] : v.nic().values();
        long[] stack = v.stackStats() == null ? new long[StackStats.NAMES.size()] : v.stackStats().values();
        long[] row = new long[5 + stats.length + nic.length + stack.length + 4];
        row[0] = v.timeNs();
        row[1] = totals.pools();
        row[2] = totals.hold();
        row[3] = totals.release();
        row[4] = totals.inflight();
        int at = 5;
        for (long[] part : new long[][] {stats, nic, stack}) {
            System.arraycopy(part, 0, row, at, part.length);
            at += part.length;
        }
        row[at++] = v.buddy().totalFree();
        row[at++] = v.mapped();
        row[at++] = v.syncs();
        row[at] = v.jiffies();
        rows.add(row);
        if (rows.size() > maxRows) {
            halve();
        }
    }

    /** Keeps every other row (the first and the newest stay): linear, unlike removing in place. */
    private void halve() {
        List<long[]> kept = new ArrayList<>(rows.size() / 2 + 2);
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
        for (long[] r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.9f", r[0] / 1e9));
            for (int i = 1; i < r.length; i++) {
                line.append(',').append(r[i]);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
