// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * The page_pool counters' growth per second between the two samples around
 * one moment (immutable): the flows between a pool's regions as a capture's
 * counters give them. Nothing finer than the samples can be known: the rates
 * hold for the whole interval.
 *
 * @param fromNs the sample before (the series' clock)
 * @param toNs   the sample after
 * @param rates  per counter ({@link PoolCounter#ordinal()}), per second; NaN for a counter the source lacks
 */
public record CounterFlows(long fromNs, long toNs, double[] rates) {
    public CounterFlows {
        rates = rates.clone();
    }

    /** A copy: the record stays immutable (it crosses from the loader to the FX thread). */
    @Override
    public double[] rates() {
        return rates.clone();
    }

    /** Per second, NaN if the source did not report it. */
    public double rate(PoolCounter c) {
        return rates[c.ordinal()];
    }

    /**
     * The interval of {@code series} that holds {@code ns} (the first one
     * before it, the last one after it), or null with fewer than two timed
     * samples.
     */
    public static CounterFlows at(CounterSeries series, long ns) {
        int before = -1;
        int after = -1;
        int previous = -1;
        for (int i = 0; i < series.samples(); i++) {
            long t = series.ns(i);
            if (t == Capture.NO_TIME) {
                continue;
            }
            if (previous >= 0 && t > series.ns(previous)) {
                before = previous;
                after = i;
                if (t >= ns) {
                    break; // the first interval that reaches the moment
                }
            }
            previous = i;
        }
        if (after < 0) {
            return null;
        }
        double seconds = (series.ns(after) - series.ns(before)) / 1e9;
        double[] rates = new double[PoolCounter.ALL.length];
        for (PoolCounter c : PoolCounter.ALL) {
            rates[c.ordinal()] = series.has(c) ? series.growth(c, before, after) / seconds : Double.NaN;
        }
        return new CounterFlows(series.ns(before), series.ns(after), rates);
    }
}
