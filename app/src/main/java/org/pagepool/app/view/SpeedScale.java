// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Locale;

/**
 * Maps the speed slider (0..100) to a factor of real time, on a log scale.
 * A live workload spans 10^-7 (a 20 Mpps NIC shows a few packets a second)
 * to 1 (real time); a script spans 0.1 to 100 (a line every 5 s to 200 lines
 * a second). The top of the slider is "as fast as possible".
 */
public final class SpeedScale {
    public static final double MAX = 100;

    private SpeedScale() {
    }

    public static double factor(double slider, boolean live) {
        if (slider >= MAX) {
            return Double.POSITIVE_INFINITY;
        }
        double t = slider / MAX;
        return live ? Math.pow(10, -7 + 7 * t) : Math.pow(10, -1 + 3 * t);
    }

    public static double slider(double factor, boolean live) {
        if (Double.isInfinite(factor)) {
            return MAX;
        }
        double t = live ? (Math.log10(factor) + 7) / 7 : (Math.log10(factor) + 1) / 3;
        return Math.max(0, Math.min(MAX - 0.5, t * MAX));
    }

    /** "max", "1×", "3.2e-6×". */
    public static String label(double factor) {
        if (Double.isInfinite(factor)) {
            return "max";
        }
        if (factor >= 0.1) {
            return String.format(Locale.ROOT, "%.2g×", factor);
        }
        return String.format(Locale.ROOT, "%.1e×", factor).replace("e-0", "e-");
    }
}
