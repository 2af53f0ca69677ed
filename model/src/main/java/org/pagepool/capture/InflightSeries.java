// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * A pool's inflight pages and page events over the capture, in equal bins
 * (immutable). With {@link #absolute()} false the pool's counters were never
 * both seen, so the values are relative to the capture's start (inflight
 * change), not pages in flight.
 */
public final class InflightSeries {
    private final long originNs;
    private final long widthNs;
    private final long[] holds;
    private final long[] releases;
    private final long[] low;
    private final long[] high;
    private final long[] last;
    private final boolean[] touched;
    private final long offset;
    private final boolean absolute;

    InflightSeries(long originNs, long widthNs, long[] holds, long[] releases, long[] low, long[] high, long[] last,
                   boolean[] touched, long offset, boolean absolute) {
        this.originNs = originNs;
        this.widthNs = widthNs;
        this.holds = holds;
        this.releases = releases;
        this.low = low;
        this.high = high;
        this.last = last;
        this.touched = touched;
        this.offset = offset;
        this.absolute = absolute;
    }

    static InflightSeries empty() {
        return new BalanceSeries().freeze(0, false);
    }

    public int bins() {
        return holds.length;
    }

    public long binWidthNs() {
        return widthNs;
    }

    public long binStartNs(int bin) {
        return originNs + bin * widthNs;
    }

    public boolean absolute() {
        return absolute;
    }

    public long holds(int bin) {
        return holds[bin];
    }

    public long releases(int bin) {
        return releases[bin];
    }

    /** Whether any page event fell into the bin (otherwise the values carry over from the bin before). */
    public boolean hasEvents(int bin) {
        return touched[bin];
    }

    public long lowest(int bin) {
        return carried(bin, low);
    }

    public long highest(int bin) {
        return carried(bin, high);
    }

    /** Inflight at the end of the bin. */
    public long atEnd(int bin) {
        return carried(bin, last);
    }

    private long carried(int bin, long[] column) {
        for (int i = bin; i >= 0; i--) {
            if (touched[i]) {
                return (i == bin ? column[i] : last[i]) + offset;
            }
        }
        return offset;
    }
}
