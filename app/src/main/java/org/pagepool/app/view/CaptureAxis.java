// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Locale;

/**
 * The capture's time axis, shared by the inflight chart and the pool
 * lifetimes so that one moment is one x in both: from the capture's first
 * moment to its end, between a left margin (for the chart's numbers) and a
 * small right one. Immutable.
 */
record CaptureAxis(long lengthNs, double width) {
    static final double LEFT = 44;
    static final double RIGHT = 4;

    /** The x of {@code ns} since the capture began, clamped to the axis. */
    double x(long ns) {
        double share = lengthNs <= 0 ? 0 : Math.max(0, Math.min(1, (double) ns / lengthNs));
        return LEFT + (width - LEFT - RIGHT) * share;
    }

    /** The moment at {@code x}. */
    long ns(double x) {
        double share = Math.max(0, Math.min(1, (x - LEFT) / (width - LEFT - RIGHT)));
        return Math.round(share * lengthNs);
    }

    static String seconds(long ns) {
        return ns >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f s", ns / 1e9)
                : String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }
}
