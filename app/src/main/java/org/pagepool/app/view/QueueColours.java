// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.scene.paint.Color;

/**
 * A colour per RX queue, the same in the buddy view and the stacked charts:
 * hues spread by the golden angle, so that neighbouring queues differ,
 * brighter on a dark ground. Made once per number of queues and theme.
 */
final class QueueColours {
    private Color[] colours = new Color[0];
    private String theme = "";

    /** Queue {@code q}'s colour of {@code n} queues in {@code palette}. */
    Color of(int q, int n, Palette palette) {
        if (colours.length != n || !theme.equals(palette.name())) {
            theme = palette.name();
            colours = new Color[n];
            for (int i = 0; i < n; i++) {
                colours[i] = Color.hsb((i * 137.508) % 360, 0.65, theme.equals("light") ? 0.8 : 0.95);
            }
        }
        return colours[q];
    }
}
