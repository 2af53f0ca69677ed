// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ziggurat's deviates follow the standard normal: a chi-square over
 * bins of width 1/8 out to 4.5 (each side, with the two tails beyond as
 * bins of their own), at the 0.1 % level, and the tail beyond the base
 * layer, which has a sampler of its own, gets its share on each side and
 * follows the normal there.
 * Seeded: a correct sampler fails one seed in a thousand.
 */
class NormalZigguratTest {
    private static final int DRAWS = 2_000_000;
    private static final double WIDTH = 0.125;
    private static final double EDGE = 4.5;

    static LongStream seeds() {
        return LongStream.of(11, 12, 13, 14, 15);
    }

    /** The standard normal's mass between a and b (Simpson's rule, far finer than the test needs). */
    static double mass(double a, double b) {
        int steps = 400;
        double h = (b - a) / steps;
        double sum = density(a) + density(b);
        for (int i = 1; i < steps; i++) {
            sum += density(a + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    private static double density(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** The mass beyond {@code x > 0} on one side. */
    static double tail(double x) {
        return 0.5 - mass(0, x);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theDeviatesFollowTheStandardNormal(long seed) {
        int inner = (int) Math.round(2 * EDGE / WIDTH);
        long[] counts = new long[inner + 2]; // [0]: below -EDGE, [inner + 1]: above EDGE
        Rng rng = new Rng(seed);
        for (int i = 0; i < DRAWS; i++) {
            double x = rng.gaussian();
            // (the min: a value just below EDGE may round into the bin above the last)
            int bin = x < -EDGE ? 0
                    : x >= EDGE ? inner + 1 : Math.min(inner, 1 + (int) Math.floor((x + EDGE) / WIDTH));
            counts[bin]++;
        }
        double[] shares = new double[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            shares[bin] = bin == 0 || bin == inner + 1 ? tail(EDGE)
                    : mass(-EDGE + (bin - 1) * WIDTH, -EDGE + bin * WIDTH);
        }
        double chi = RssTest.chiSquare(counts, shares, "seed " + seed);
        assertThat(chi).as("seed %d: chi-square over %d bins", seed, counts.length)
                .isLessThan(RssTest.critical(counts.length - 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eachSideOfTheTailBeyondTheBaseLayerGetsItsShare(long seed) {
        long[] beyond = new long[2];
        long[] farBeyond = new long[2];
        Rng rng = new Rng(seed);
        for (int i = 0; i < DRAWS; i++) {
            double x = rng.gaussian();
            int side = x < 0 ? 0 : 1;
            beyond[side] += Math.abs(x) > NormalZiggurat.R ? 1 : 0;
            farBeyond[side] += Math.abs(x) > NormalZiggurat.R + 0.5 ? 1 : 0;
        }
        for (int side = 0; side < 2; side++) {
            assertWithinFourSigmas(beyond[side], tail(NormalZiggurat.R), seed, "beyond R, side " + side);
            assertWithinFourSigmas(farBeyond[side], tail(NormalZiggurat.R + 0.5), seed, "beyond R + 0.5, side " + side);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTailSamplerFollowsTheNormalBeyondTheBaseLayer(long seed) {
        double width = 0.05;
        int inner = 30;
        long[] counts = new long[inner + 1]; // [inner]: beyond R + inner * width
        Rng rng = new Rng(seed);
        int draws = 500_000;
        for (int i = 0; i < draws; i++) {
            double excess = NormalZiggurat.tail(rng) - NormalZiggurat.R;
            assertThat(excess).as("seed %d", seed).isNotNegative();
            counts[Math.min(inner, (int) (excess / width))]++;
        }
        double beyondR = tail(NormalZiggurat.R);
        double[] shares = new double[inner + 1];
        for (int bin = 0; bin <= inner; bin++) {
            double from = NormalZiggurat.R + bin * width;
            shares[bin] = (bin == inner ? tail(from) : mass(from, from + width)) / beyondR;
        }
        double chi = RssTest.chiSquare(counts, shares, "seed " + seed);
        assertThat(chi).as("seed %d: chi-square of the tail over %d bins", seed, counts.length)
                .isLessThan(RssTest.critical(counts.length - 1));
    }

    private static void assertWithinFourSigmas(long count, double p, long seed, String what) {
        double expected = DRAWS * p;
        double sigma = Math.sqrt(DRAWS * p * (1 - p));
        assertThat((double) count).as("seed %d: draws %s (expected %.1f)", seed, what, expected)
                .isBetween(expected - 4 * sigma, expected + 4 * sigma);
    }
}
