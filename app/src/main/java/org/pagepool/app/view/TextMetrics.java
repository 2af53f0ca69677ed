// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Where a canvas text lands: the box {@code fillText} fills, measured with a
 * {@link Text} node's layout bounds in the same font, alignment and baseline.
 * FX thread only (one shared node).
 */
public final class TextMetrics {
    private static final Text PROBE = new Text();

    private TextMetrics() {
    }

    /** The width of {@code text} in {@code font}. */
    public static double width(String text, Font font) {
        return box(text, font).getWidth();
    }

    /** The box of {@code text} drawn at ({@code x}, {@code y}) as a GraphicsContext would draw it. */
    public static Bounds bounds(String text, Font font, TextAlignment align, VPos baseline, double x, double y) {
        Bounds box = box(text, font);
        double w = box.getWidth();
        double h = box.getHeight();
        double left = align == TextAlignment.CENTER ? x - w / 2 : align == TextAlignment.RIGHT ? x - w : x;
        double top = switch (baseline == null ? VPos.BASELINE : baseline) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y + box.getMinY(); // the baseline: the box starts one ascent above it
        };
        return new BoundingBox(left, top, w, h);
    }

    private static Bounds box(String text, Font font) {
        PROBE.setFont(font);
        PROBE.setText(text);
        return PROBE.getLayoutBounds();
    }
}
