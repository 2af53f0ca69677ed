// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * How long sockets held the pages a pool was waiting for after its destroy,
 * read from how inflight fell (immutable): half the pages out at the destroy
 * were back after {@code halfNs}, and {@code tailShare} of them were still out
 * {@code tailNs} after it. A lognormal lifetime through those two points has
 * its median at {@code halfNs} and sigma {@code ln(tailNs / halfNs) / z},
 * with z the normal quantile of {@code 1 - tailShare}; the preset's
 * {@code skb.lifetime_ns} is its mean. (Pages out at a destroy are the ones
 * sockets held longest, so this leans long: the simulated shutdown waits at
 * least as long as the real one.)
 *
 * @param halfNs    from the destroy until half the pages were back
 * @param tailNs    from the destroy to the tail point (the end of the capture, or the pool's free)
 * @param tailShare the share of the pages still out then
 */
record SocketLifetimeFit(long halfNs, long tailNs, double tailShare) {
    /** The preset's largest {@code skb.sigma}. */
    static final double MAX_SIGMA = 4;

    double sigma() {
        if (tailShare <= 0 || tailShare >= 0.5 || tailNs <= halfNs) {
            return 0;
        }
        return Math.min(MAX_SIGMA, Math.log((double) tailNs / halfNs) / upperQuantile(tailShare));
    }

    /** The lognormal's mean, ns (its median when sigma is 0: an exponential would decay as fast). */
    double meanNs() {
        double s = sigma();
        return halfNs * Math.exp(s * s / 2);
    }

    /**
     * z with P(Z > z) = p, for 0 &lt; p &le; 0.5 (Abramowitz and Stegun
     * 26.2.23, error below 4.5e-4).
     */
    static double upperQuantile(double p) {
        double t = Math.sqrt(-2 * Math.log(p));
        return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t
                + 0.001308 * t * t * t);
    }

    /**
     * The fit for a pool whose shutdown began at {@code destroyNs} with
     * {@code atDestroy} pages out, read from the trace's inflight, or null
     * when it never fell to half during the capture.
     */
    static SocketLifetimeFit of(InflightSeries s, long destroyNs, long atDestroy, long tailNs, long atTail) {
        if (s == null || !s.absolute() || atDestroy <= 0 || s.bins() == 0) {
            return null;
        }
        int from = (int) Math.max(0, (destroyNs - s.binStartNs(0)) / s.binWidthNs());
        for (int b = from; b < s.bins(); b++) {
            if (s.atEnd(b) * 2 <= atDestroy) {
                long half = Math.max(1, s.binStartNs(b) + s.binWidthNs() - destroyNs);
                return new SocketLifetimeFit(half, tailNs, (double) Math.max(atTail, 1) / atDestroy);
            }
        }
        return null;
    }

    /** As above, from netlink's dumps of the pool. */
    static SocketLifetimeFit of(PoolSamples p, long destroyNs, long atDestroy, long tailNs, long atTail) {
        if (p == null || atDestroy <= 0) {
            return null;
        }
        for (int i = 0; i < p.samples(); i++) {
            if (p.ns(i) != Capture.NO_TIME && p.ns(i) > destroyNs && p.inflight(i) >= 0
                    && p.inflight(i) * 2 <= atDestroy) {
                return new SocketLifetimeFit(p.ns(i) - destroyNs, tailNs, (double) Math.max(atTail, 1) / atDestroy);
            }
        }
        return null;
    }
}
