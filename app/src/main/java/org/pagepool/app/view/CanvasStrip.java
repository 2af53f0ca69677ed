// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas as wide as it is told and as high as what it
 * draws: the Real system tab's tiles and lifetimes, which the tab's width
 * sets and their rows lengthen. FX thread only.
 */
abstract class CanvasStrip extends Region {
    protected final Canvas canvas = new Canvas(360, 0);

    protected CanvasStrip(String id) {
        setId(id);
        getChildren().add(canvas);
    }

    /** The width the tab gives; the drawing follows. */
    final void setStripWidth(double w) {
        canvas.setWidth(w);
        draw();
    }

    /** Sets the canvas's height (a new layout when it changed) and clears it. */
    protected final void clearTo(double h) {
        if (canvas.getHeight() != h) {
            canvas.setHeight(h);
            requestLayout();
        }
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), h);
    }

    protected abstract void draw();

    @Override
    protected double computePrefHeight(double width) {
        return canvas.getHeight();
    }

    @Override
    protected double computePrefWidth(double height) {
        return canvas.getWidth();
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
