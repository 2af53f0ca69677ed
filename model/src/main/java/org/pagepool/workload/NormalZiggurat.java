// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * Standard normal deviates by the ziggurat method (Marsaglia and Tsang,
 * 2000): the half density {@code f(x) = exp(-x^2/2)} is covered by 128
 * layers of equal area, a base layer that also holds the tail beyond
 * {@link #R} and 127 rectangles stacked on it. A draw picks a layer and a
 * point across it; 97 % of the time the point lies under every part of
 * the curve and is the deviate, with one random long, two table loads and a
 * multiply. Box-Muller's log, sqrt and cos cost 30 ns a draw, which was a
 * fifth of a lognormal socket's packet.
 */
final class NormalZiggurat {
    private static final int LAYERS = 128;
    /** Where the base layer's rectangle ends and its tail begins. */
    static final double R = 3.442619855899;
    /** The area of every layer (of the half density, unnormalised). */
    private static final double V = 9.91256303526217e-3;
    private static final ZigguratLayers LAYERS_OF_F =
            new ZigguratLayers(LAYERS, R, V, NormalZiggurat::f, y -> Math.sqrt(-2 * Math.log(y)));
    private static final double[] X = LAYERS_OF_F.x;
    private static final double[] F = LAYERS_OF_F.y;

    private NormalZiggurat() {
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** One standard normal deviate: the layer from bits 0-6, the sign from bit 7, the point from bits 11-63. */
    static double next(Rng rng) {
        while (true) {
            long bits = rng.nextLong();
            int layer = (int) bits & (LAYERS - 1);
            double x = (bits >>> 11) * 0x1.0p-53 * X[layer];
            if (x < X[layer + 1]) {
                return signed(bits, x); // inside the layer's part that lies wholly under the curve
            }
            if (layer == 0) {
                return signed(bits, tail(rng));
            }
            double y = F[layer] + rng.nextDouble() * (F[layer + 1] - F[layer]);
            if (y < f(x)) {
                return signed(bits, x); // in the layer's wedge and under the curve
            }
        }
    }

    private static double signed(long bits, double x) {
        return (bits & 0x80) != 0 ? -x : x;
    }

    /** Beyond R (Marsaglia, 1964): R plus an exponential, kept with the normal's relative density. */
    static double tail(Rng rng) {
        double x;
        double y;
        do {
            x = rng.exponentialByInversion(1.0) / R;
            y = rng.exponentialByInversion(1.0);
        } while (y + y < x * x);
        return R + x;
    }
}
