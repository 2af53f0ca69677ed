// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.pagepool.view.PageAttrs;

/**
 * Lays {@code count} cells out in a rectangle, row by row, as square as
 * the space allows, and paints pages into them. Immutable once made.
 */
final class CellGrid {
    final double x;
    final double y;
    final int columns;
    final int rows;
    final double cell;
    final int count;

    CellGrid(double x, double y, double width, double height, int count) {
        this.x = x;
        this.y = y;
        this.count = count;
        int guess = (int) Math.max(1, Math.ceil(Math.sqrt(count * width / Math.max(1, height))));
        int bestColumns = 1;
        double bestCell = 0;
        for (int c = Math.max(1, guess - 2); c <= guess + 2; c++) {
            int r = (Math.max(1, count) + c - 1) / c;
            double size = Math.min(width / c, height / r);
            if (size > bestCell) {
                bestCell = size;
                bestColumns = c;
            }
        }
        this.columns = bestColumns;
        this.rows = Math.max(1, (count + bestColumns - 1) / bestColumns);
        this.cell = bestCell;
    }

    double cellX(int i) {
        return x + (i % columns) * cell;
    }

    double cellY(int i) {
        return y + (i / columns) * cell;
    }

    Point2D centre(int i) {
        return new Point2D(cellX(i) + cell / 2, cellY(i) + cell / 2);
    }

    /** The cell under a point, or -1. */
    int at(double px, double py) {
        if (px < x || py < y) {
            return -1;
        }
        int column = (int) ((px - x) / cell);
        int row = (int) ((py - y) / cell);
        int i = row * columns + column;
        return column < columns && i < count ? i : -1;
    }

    /**
     * Paints cells 0..count-1 with {@code fill(i)} and marks: small cells in
     * runs of one colour go as one rectangle per run and row.
     */
    void paintAll(GraphicsContext g, Palette p, IntFunction<Color> fill,
                  IntUnaryOperator attrs) {
        if (cell >= 6) {
            for (int i = 0; i < count; i++) {
                paint(g, p, i, fill.apply(i), attrs.applyAsInt(i));
            }
            return;
        }
        for (int row = 0; row < rows; row++) {
            int first = row * columns;
            int last = Math.min(count, first + columns);
            int runStart = first;
            Color runColor = first < last ? fill.apply(first) : null;
            for (int i = first + 1; i <= last; i++) {
                Color c = i < last ? fill.apply(i) : null;
                if (c == null || !c.equals(runColor)) {
                    g.setFill(runColor);
                    g.fillRect(cellX(runStart), cellY(runStart), (i - runStart) * cell, cell);
                    runStart = i;
                    runColor = c;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int a = attrs.applyAsInt(i);
            if (PageAttrs.pfmemalloc(a)) {
                g.setFill(p.pfmemalloc());
                g.fillRect(cellX(i), cellY(i), cell, Math.max(1, cell / 3));
            }
        }
    }

    /** Paints cell {@code i}: a page coloured {@code fill}, or an empty cell. */
    void paint(GraphicsContext g, Palette p, int i, Color fill, int attrs) {
        double gap = cell >= 6 ? 1 : 0;
        double cx = cellX(i);
        double cy = cellY(i);
        double size = cell - gap;
        g.setFill(fill);
        g.fillRect(cx, cy, size, size);
        if (attrs != 0 && size >= 5) {
            if (PageAttrs.pfmemalloc(attrs)) {
                g.setFill(p.pfmemalloc());
                g.fillRect(cx, cy, size, Math.max(1.5, size / 4));
            }
            if (PageAttrs.mapped(attrs) && size >= 8) {
                g.setFill(p.mapped());
                double dot = Math.max(1.5, size / 5);
                g.fillOval(cx + size - dot - 1, cy + size - dot - 1, dot, dot);
            }
        }
    }

    double bottom() {
        return y + rows * cell;
    }
}
