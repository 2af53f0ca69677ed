// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * A source's counters over the capture (immutable): each counter's value at
 * the last sample, how much it grew between the first and last timed samples
 * and its rate over that span. With fewer than two timed samples there are
 * totals but no rates.
 *
 * @param name    the source: {@code eth0}, {@code eth0 rx0}, {@code pool 12}
 * @param samples samples read
 * @param fromNs  the first timed sample, or NO_TIME
 * @param toNs    the last timed sample, or NO_TIME
 * @param rows    one per counter the source reported
 */
public record Rates(String name, int samples, long fromNs, long toNs, List<Row> rows) {
    /** One counter: its value at the end, its growth over the span, and per second. */
    public record Row(PoolCounter counter, long total, long growth, double perSecond) {
    }

    public Rates {
        rows = List.copyOf(rows);
    }

    /** Whether there are rates (two timed samples at different times). */
    public boolean timed() {
        return fromNs != Capture.NO_TIME && toNs > fromNs;
    }

    public Row row(PoolCounter counter) {
        for (Row r : rows) {
            if (r.counter() == counter) {
                return r;
            }
        }
        return null;
    }

    /** Growth of {@code counter} over the span, 0 if not reported. */
    public long growth(PoolCounter counter) {
        Row r = row(counter);
        return r == null ? 0 : r.growth();
    }

    public double perSecond(PoolCounter counter) {
        Row r = row(counter);
        return r == null ? 0 : r.perSecond();
    }

    static Rates of(String name, CounterSeries series) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < series.samples(); i++) {
            if (series.ns(i) != Capture.NO_TIME) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        long from = first < 0 ? Capture.NO_TIME : series.ns(first);
        long to = last < 0 ? Capture.NO_TIME : series.ns(last);
        double seconds = first >= 0 && to > from ? (to - from) / 1e9 : 0;
        List<Row> rows = new ArrayList<>();
        int end = series.samples() - 1;
        for (PoolCounter c : PoolCounter.ALL) {
            if (!series.has(c) || end < 0) {
                continue;
            }
            long growth = seconds > 0 ? series.growth(c, first, last) : 0;
            rows.add(new Row(c, series.value(end, c), growth, seconds > 0 ? growth / seconds : 0));
        }
        return new Rates(name, series.samples(), from, to, rows);
    }
}
