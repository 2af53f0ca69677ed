// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.function.DoubleUnaryOperator;

/**
 * The layers of a ziggurat (Marsaglia and Tsang, 2000) over a decreasing
 * density {@code f} on [0, infinity), unnormalised with {@code f(0) = 1}:
 * {@code n} layers of equal area {@code v}, a base layer of width {@code r}
 * that also holds the tail beyond {@code r}, and n - 1 rectangles stacked on
 * it. {@code r} and {@code v} are the pair for which the top layer ends at
 * {@code f = 1}.
 */
final class ZigguratLayers {
    /** x[i]: the right edge of layer i; x[0] is the base's width if its tail were a rectangle; x[n] = 0. */
    final double[] x;
    /** y[i] = f(x[i]): layer i (from 1) spans y[i]..y[i + 1] upwards. */
    final double[] y;

    ZigguratLayers(int n, double r, double v, DoubleUnaryOperator f, DoubleUnaryOperator inverse) {
        x = new double[n + 1];
        y = new double[n + 1];
        x[0] = v / f.applyAsDouble(r);
        x[1] = r;
        for (int i = 1; i < n - 1; i++) {
            x[i + 1] = inverse.applyAsDouble(v / x[i] + f.applyAsDouble(x[i])); // the next layer's area is v too
        }
        x[n] = 0;
        for (int i = 0; i <= n; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
    }
}
