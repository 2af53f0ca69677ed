// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Locale;
import org.pagepool.text.Tokens;

/** How the report writes times, durations, rates, addresses and file names. */
public final class Show {
    private Show() {
    }

    /** A file name as a message shows it: control characters escaped, the rest as given. */
    static String fileName(String file) {
        StringBuilder out = new StringBuilder(file.length());
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? Tokens.escape(c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** An address as the kernel prints a pointer in hex, with 0x. */
    public static String address(long address) {
        return "0x" + Long.toHexString(address);
    }

    /** A page: {@code pfn 0x1a2b} or, where the trace printed no pfn, its address. */
    public static String page(long page, boolean pfn) {
        return pfn ? "0x" + Long.toHexString(page) : "page " + address(page);
    }

    /** Seconds with millisecond precision, e.g. {@code 12.400 s}. */
    public static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }

    /**
     * A moment of the capture (ns since it began): {@code at 12.400 s}, or
     * {@code 60.00 s before the capture began} for what a source dates earlier
     * (a shutdown the log says began long ago), or {@code at an unknown time}.
     */
    public static String moment(long ns) {
        if (ns == Capture.NO_TIME) {
            return "at an unknown time";
        }
        return ns >= 0 ? "at " + seconds(ns) : duration(-ns) + " before the capture began";
    }

    /**
     * A duration in the unit that suits it: {@code 850 ns}, {@code 3.4 us}, {@code 12.5 ms}, {@code 1.20 s},
     * {@code 2 min 5 s}.
     */
    public static String duration(long ns) {
        double v = Math.abs((double) ns);
        String sign = ns < 0 ? "-" : "";
        if (v < 1e3) {
            return sign + (long) v + " ns";
        }
        if (v < 1e6) {
            return sign + String.format(Locale.ROOT, "%.1f us", v / 1e3);
        }
        if (v < 1e9) {
            return sign + String.format(Locale.ROOT, "%.1f ms", v / 1e6);
        }
        if (v < 120e9) {
            return sign + String.format(Locale.ROOT, "%.2f s", v / 1e9);
        }
        long s = (long) (v / 1e9);
        if (s < 7200) {
            return sign + s / 60 + " min " + s % 60 + " s";
        }
        return sign + s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** Two durations as a range: {@code 1.2–9.8 s} when both are seconds, else {@code 350 ms to 2.40 s}. */
    public static String span(long a, long b) {
        if (a >= 1_000_000_000L && b >= 1_000_000_000L && a < 120_000_000_000L && b < 120_000_000_000L) {
            String from = String.format(Locale.ROOT, "%.1f", a / 1e9);
            String to = String.format(Locale.ROOT, "%.1f", b / 1e9);
            return from.equals(to) ? from + " s" : from + "–" + to + " s";
        }
        String from = duration(a);
        String to = duration(b);
        return from.equals(to) ? from : from + " to " + to;
    }

    /** A rate per second with k/M, e.g. {@code 1.25 M/s}, {@code 340/s}. */
    public static String rate(double perSecond) {
        double v = Math.abs(perSecond);
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M/s", perSecond / 1e6);
        }
        if (v >= 1e4) {
            return String.format(Locale.ROOT, "%.1f k/s", perSecond / 1e3);
        }
        if (v >= 10 || v == 0) {
            return String.format(Locale.ROOT, "%,.0f/s", perSecond);
        }
        return String.format(Locale.ROOT, "%.2f/s", perSecond);
    }

    /** A count with thousands separated by commas. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code n} followed by the noun, with an s at its end when n is not 1. */
    public static String plural(long n, String noun) {
        if (n == 1) {
            return count(n) + " " + noun;
        }
        return count(n) + " " + noun + "s";
    }

    /** The smaller of two times, NO_TIME counting as absent. */
    static long min(long a, long b) {
        if (a == Capture.NO_TIME) {
            return b;
        }
        if (b == Capture.NO_TIME) {
            return a;
        }
        return Math.min(a, b);
    }

    static long max(long a, long b) {
        if (a == Capture.NO_TIME) {
            return b;
        }
        if (b == Capture.NO_TIME) {
            return a;
        }
        return Math.max(a, b);
    }
}
