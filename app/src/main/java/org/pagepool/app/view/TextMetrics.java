// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Where a canvas text lands: the box {@code fillText} fills, measured with a
 * {@link Text} node's layout bounds in the same font, alignment and baseline.
 * A text's box in a font is measured once and kept (the regions draw the
 * same words every frame, and a layout of the text is the costly part).
 * FX thread only (one shared node).
 */
public final class TextMetrics {
    /** Boxes kept at most; past it the cache starts afresh (numbers that change every frame fill it). */
    private static final int MAX_KEPT = 8192;
    private static final Text PROBE = new Text();
    private static final Map<Font, Map<String, Bounds>> BOXES = new HashMap<>();
    private static int kept;

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
        Map<String, Bounds> inFont = BOXES.computeIfAbsent(font, f -> new HashMap<>());
        Bounds box = inFont.get(text);
        if (box == null) {
            if (kept >= MAX_KEPT) {
                BOXES.clear();
                kept = 0;
                inFont = BOXES.computeIfAbsent(font, f -> new HashMap<>());
            }
            PROBE.setFont(font);
            PROBE.setText(text);
            box = PROBE.getLayoutBounds();
            inFont.put(text, box);
            kept++;
        }
        return box;
    }
}
