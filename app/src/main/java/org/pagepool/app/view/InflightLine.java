// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import javafx.scene.canvas.GraphicsContext;
import org.pagepool.capture.Capture;
import org.pagepool.capture.InflightSeries;
import org.pagepool.capture.PoolSamples;

/**
 * A pool's pages in flight over the capture (immutable): times in ns since
 * the capture began, from the trace's bins where it has them and from the
 * netlink dumps after the trace's last event (or alone, without a trace).
 */
final class InflightLine {
    private final long[] ns;
    private final long[] inflight;

    private InflightLine(long[] ns, long[] inflight) {
        this.ns = ns;
        this.inflight = inflight;
    }

    /** The line of a trace's series and/or dumps (either may be null); null when neither has a timed point. */
    static InflightLine of(InflightSeries trace, PoolSamples dumps, long startNs) {
        if (startNs == Capture.NO_TIME) {
            return null;
        }
        int bins = trace == null ? 0 : trace.bins();
        int dumped = dumps == null ? 0 : dumps.samples();
        long[] ns = new long[bins + dumped];
        long[] v = new long[bins + dumped];
        int n = 0;
        for (int bin = 0; bin < bins; bin++) {
            ns[n] = trace.binStartNs(bin) + trace.binWidthNs() - startNs;
            v[n++] = Math.max(0, trace.atEnd(bin));
        }
        long after = n == 0 ? Long.MIN_VALUE : ns[n - 1];
        for (int i = 0; i < dumped; i++) {
            if (dumps.ns(i) != Capture.NO_TIME && dumps.inflight(i) >= 0 && dumps.ns(i) - startNs > after) {
                ns[n] = dumps.ns(i) - startNs;
                v[n++] = dumps.inflight(i);
            }
        }
        return n == 0 ? null : new InflightLine(Arrays.copyOf(ns, n), Arrays.copyOf(v, n));
    }

    int points() {
        return ns.length;
    }

    long ns(int i) {
        return ns[i];
    }

    long inflight(int i) {
        return inflight[i];
    }

    long highest() {
        long most = 0;
        for (long v : inflight) {
            most = Math.max(most, v);
        }
        return most;
    }

    /**
     * Strokes the line with {@code g}'s stroke, {@code x} and {@code y} placing a time and a count, on to
     * {@code untilNs} at its last count: nothing moved after the last point, so the pages in flight stayed.
     */
    void stroke(GraphicsContext g, LongToDoubleFunction x, LongToDoubleFunction y, long untilNs) {
        g.beginPath();
        for (int i = 0; i < ns.length; i++) {
            if (i == 0) {
                g.moveTo(x.applyAsDouble(ns[i]), y.applyAsDouble(inflight[i]));
            } else {
                g.lineTo(x.applyAsDouble(ns[i]), y.applyAsDouble(inflight[i]));
            }
        }
        if (untilNs > ns[ns.length - 1]) {
            g.lineTo(x.applyAsDouble(untilNs), y.applyAsDouble(inflight[ns.length - 1]));
        }
        g.stroke();
    }

    /** Inflight at {@code at} (ns since the capture began): the last point at or before it, or -1 before the first. */
    long at(long at) {
        int i = Arrays.binarySearch(ns, at);
        int point = i >= 0 ? i : -i - 2;
        return point < 0 ? -1 : inflight[point];
    }
}
