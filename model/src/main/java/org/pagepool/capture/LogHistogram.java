// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * Durations in ns counted in logarithmic buckets, 16 per power of two (each
 * bucket at most 1/16 = 6.25 % wide): percentiles of millions of page
 * lifetimes in 8 KiB, whatever the count. The exact minimum, maximum, count
 * and sum are kept beside. Mutable while an import runs; {@link #copy} gives
 * the immutable-by-convention copy a {@link Capture} holds.
 */
public final class LogHistogram {
    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[64 * SUB];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    void add(long value) {
        long v = Math.max(0, value);
        counts[bucket(v)]++;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    public long count() {
        return count;
    }

    public long min() {
        return count == 0 ? 0 : min;
    }

    public long max() {
        return count == 0 ? 0 : max;
    }

    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The value at quantile {@code q} (0..1): the middle of the bucket that
     * holds it, clamped to the exact minimum and maximum; 0 when empty.
     */
    public long quantile(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        if (rank >= count) {
            return max;
        }
        if (rank == 1) {
            return min;
        }
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank) {
                long low = lowerBound(b);
                long high = lowerBound(b + 1) - 1;
                long middle = low + (high - low) / 2;
                return Math.max(min, Math.min(max, middle));
            }
        }
        return max;
    }

    LogHistogram copy() {
        LogHistogram c = new LogHistogram();
        System.arraycopy(counts, 0, c.counts, 0, counts.length);
        c.count = count;
        c.sum = sum;
        c.min = min;
        c.max = max;
        return c;
    }

    static int bucket(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (magnitude - SUB_BITS)) & (SUB - 1);
        return (magnitude - SUB_BITS + 1) * SUB + sub;
    }

    static long lowerBound(int bucket) {
        if (bucket < SUB) {
            return bucket;
        }
        int magnitude = bucket / SUB + SUB_BITS - 1;
        int sub = bucket % SUB;
        if (magnitude >= 63) {
            return Long.MAX_VALUE;
        }
        return (1L << magnitude) + ((long) sub << (magnitude - SUB_BITS));
    }
}
