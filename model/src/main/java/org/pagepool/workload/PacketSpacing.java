// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * The time between a sender's packets while it is on, and the one formula
 * that times its n-th packet of a stretch: {@code ceil((n - credit) *
 * spacing)} ns after the stretch's start ({@link Arrivals}). Most rates give
 * a spacing that is a whole number of 2^-k ns (20 M packets a second: 50 ns;
 * 32 M: 31.25 ns); then, with no fraction of a packet carried into the
 * stretch, the product is exact in doubles and the same value comes from
 * whole numbers, without the rounding and conversions a packet would
 * otherwise cost. Any other case takes the doubles, so every time is the
 * formula's to the ns. Immutable.
 */
final class PacketSpacing {
    /** Doubles hold whole numbers exactly below this. */
    private static final long EXACT = 1L << 53;
    /** The most binary places of a spacing taken as a whole number of 2^-k ns. */
    private static final int MAX_SHIFT = 16;

    private final double spacing;
    /** The spacing is {@code numerator / 2^shift} exactly; shift -1 when it is not such a number. */
    private final long numerator;
    private final int shift;
    /** Packet numbers below this keep {@code n * numerator} below 2^53: the double product is exact. */
    private final long exactBelow;

    PacketSpacing(double spacing) {
        this.spacing = spacing;
        int k = -1;
        long a = 0;
        for (int s = 0; s <= MAX_SHIFT && spacing > 0 && spacing < 1L << 30; s++) {
            double scaled = Math.scalb(spacing, s); // exact: a power of two
            if (scaled == Math.rint(scaled)) {
                k = s;
                a = (long) scaled;
                break;
            }
        }
        shift = k;
        numerator = a;
        exactBelow = k >= 0 ? EXACT / a : 0;
    }

    /** The ns between packets, 0 for a silent sender. */
    double ns() {
        return spacing;
    }

    /** {@code (long) Math.ceil((n - credit) * spacing)} for {@code n} of at least 1. */
    long offset(long n, double credit) {
        if (credit == 0 && n < exactBelow) {
            // (n - 0) * a / 2^k is exact in doubles, so its ceiling is the whole-number one
            return (n * numerator + (1L << shift) - 1) >> shift;
        }
        return (long) Math.ceil((n - credit) * spacing);
    }
}
