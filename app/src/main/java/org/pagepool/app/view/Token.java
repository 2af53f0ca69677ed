// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.scene.paint.Color;

/** A page in flight between two regions, for one animation. */
final class Token {
    final double x0;
    final double y0;
    final double x1;
    final double y1;
    final long start;
    final long duration;
    final Color color;
    final String label;
    /** The page it carries ({@link CanvasRegion#pageKey}). */
    final long page;

    Token(double x0, double y0, double x1, double y1, long start, long duration, Color color, String label,
          long page) {
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
        this.start = start;
        this.duration = duration;
        this.color = color;
        this.label = label;
        this.page = page;
    }

    long end() {
        return start + duration;
    }

    /** 0 before it starts, 1 when it has arrived; eased in and out. */
    double progress(long now) {
        double t = Math.max(0, Math.min(1, (now - start) / (double) duration));
        return t * t * (3 - 2 * t);
    }

    boolean done(long now) {
        return now >= start + duration;
    }
}
