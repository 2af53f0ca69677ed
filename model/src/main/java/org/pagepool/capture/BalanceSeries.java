// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/**
 * A pool's page events over time in at most {@link #BINS} bins: the holds and
 * releases in each bin and the running balance (holds minus releases since
 * the capture began) at its lowest, highest and last. Bins start 1 ms wide
 * and double (neighbours merged) whenever the capture outgrows them, so the
 * memory is fixed however long the capture is. The balance becomes inflight
 * once the pool's counters are known ({@link InflightSeries}).
 */
final class BalanceSeries {
    static final int BINS = 1024;
    static final long FIRST_WIDTH_NS = 1_000_000L;
    private long origin = Capture.NO_TIME;
    private long width = FIRST_WIDTH_NS;
    private int used;
    private final long[] holds = new long[BINS];
    private final long[] releases = new long[BINS];
    private final long[] low = new long[BINS];
    private final long[] high = new long[BINS];
    private final long[] last = new long[BINS];
    private final boolean[] touched = new boolean[BINS];

    /** One page event at {@code ns}; {@code balance} is the running balance after it. */
    void add(long ns, boolean hold, long balance) {
        if (origin == Capture.NO_TIME) {
            origin = ns;
        }
        long offset = Math.max(0, ns - origin);
        while (offset / width >= BINS) {
            halve();
        }
        int bin = (int) (offset / width);
        if (!touched[bin]) {
            touched[bin] = true;
            low[bin] = balance;
            high[bin] = balance;
        } else {
            low[bin] = Math.min(low[bin], balance);
            high[bin] = Math.max(high[bin], balance);
        }
        last[bin] = balance;
        if (hold) {
            holds[bin]++;
        } else {
            releases[bin]++;
        }
        used = Math.max(used, bin + 1);
    }

    /** Two neighbouring bins become one twice as wide. */
    private void halve() {
        for (int i = 0; i < BINS / 2; i++) {
            int a = 2 * i;
            int b = a + 1;
            boolean ta = touched[a];
            boolean tb = touched[b];
            holds[i] = holds[a] + holds[b];
            releases[i] = releases[a] + releases[b];
            touched[i] = ta || tb;
            if (ta && tb) {
                low[i] = Math.min(low[a], low[b]);
                high[i] = Math.max(high[a], high[b]);
                last[i] = last[b];
            } else if (tb) {
                low[i] = low[b];
                high[i] = high[b];
                last[i] = last[b];
            } else {
                low[i] = low[a];
                high[i] = high[a];
                last[i] = last[a];
            }
        }
        for (long[] column : new long[][] {holds, releases, low, high, last}) {
            Arrays.fill(column, BINS / 2, BINS, 0);
        }
        Arrays.fill(touched, BINS / 2, BINS, false);
        used = (used + 1) / 2;
        width *= 2;
    }

    /** An immutable copy; {@code offset} turns a balance into inflight ({@code known} false: relative only). */
    InflightSeries freeze(long offset, boolean known) {
        return new InflightSeries(origin, width, Arrays.copyOf(holds, used), Arrays.copyOf(releases, used),
                Arrays.copyOf(low, used), Arrays.copyOf(high, used), Arrays.copyOf(last, used),
                Arrays.copyOf(touched, used), offset, known);
    }
}
