// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * A flow arrow as the window draws one: as wide as the logarithm of its
 * pages per second, outlined so that it shows on pages of its own colour,
 * with a head at its end. The simulation's fast regime ({@link JourneyOverlay})
 * and a capture's counter flows ({@link CaptureFlowsPane}) draw the same
 * arrows. FX thread only (it draws on a canvas).
 */
final class FlowArrow {
    private FlowArrow() {
    }

    /** The line width for {@code rate} pages per second at presentation scale {@code scale}. */
    static double width(double rate, double scale) {
        return Math.max(1.5, Math.min(14, Math.log10(1 + rate) * 2)) * scale;
    }

    /** Draws the arrow from (ax, ay) to (bx, by). */
    static void draw(GraphicsContext g, double ax, double ay, double bx, double by, double width, Color color,
                     Color outline, double scale) {
        StrokeLineCap cap = g.getLineCap();
        g.setLineCap(StrokeLineCap.BUTT); // the line ends where the arrow does, under its head
        g.setStroke(outline);
        g.setLineWidth(width + 2 * scale);
        g.strokeLine(ax, ay, bx, by);
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeLine(ax, ay, bx, by);
        g.setLineCap(cap);
        double angle = Math.atan2(by - ay, bx - ax);
        double head = 6 * scale + width;
        g.setFill(color);
        g.fillPolygon(new double[] {bx, bx - head * Math.cos(angle - 0.5), bx - head * Math.cos(angle + 0.5)},
                new double[] {by, by - head * Math.sin(angle - 0.5), by - head * Math.sin(angle + 0.5)}, 3);
    }
}
