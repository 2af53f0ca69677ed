// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A tile's red corner (trouble), and its frame when focused; the corner's points are reused. FX thread only. */
final class CornerMark {
    private final double[] xs = new double[3];
    private final double[] ys = new double[3];

    /** The top right corner of the tile at ({@code x}, {@code y}), {@code tw} by {@code th}, in {@code colour}. */
    void corner(GraphicsContext g, double x, double y, double tw, double th, Color colour) {
        double m = Math.min(10, Math.min(tw, th) / 3);
        g.setFill(colour);
        xs[0] = x + tw - m;
        xs[1] = x + tw;
        xs[2] = x + tw;
        ys[0] = y;
        ys[1] = y;
        ys[2] = y + m;
        g.fillPolygon(xs, ys, 3);
    }

    /** The focus frame inside the tile. */
    static void frame(GraphicsContext g, double x, double y, double tw, double th, Palette palette) {
        g.setStroke(palette.accent());
        g.setLineWidth(2 * palette.lineWidth());
        g.strokeRect(x + 1, y + 1, tw - 2, th - 2);
    }
}
