// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

/**
 * Where small-multiple tiles are: columns, rows, tile size and the grid's top
 * left corner (drawing units). The simulation's queue tiles and a capture's
 * pool tiles share it, and with it how a click finds its tile.
 */
public record TileGrid(int count, int columns, int rows, double x, double y, double tileW, double tileH) {
    /** Room between tiles, and the least a tile may be wide or high. */
    static final double GAP = 3;
    static final double MIN_TILE = 14;

    /** The tile at ({@code px}, {@code py}), or -1. */
    int at(double px, double py) {
        int c = (int) Math.floor((px - x) / (tileW + GAP));
        int r = (int) Math.floor((py - y) / (tileH + GAP));
        if (px < x || py < y || c >= columns || r >= rows) {
            return -1;
        }
        int i = r * columns + c;
        return i < count ? i : -1;
    }

    double left(int i) {
        return x + (i % columns) * (tileW + GAP);
    }

    double top(int i) {
        return y + (i / columns) * (tileH + GAP);
    }

    /**
     * The columns that give the largest tiles of about the shape
     * {@code aspect} (height over width) for {@code count} tiles in
     * {@code w} by {@code h}.
     */
    static TileGrid fit(int count, double x, double y, double w, double h, double aspect) {
        TileGrid best = null;
        double bestArea = -1;
        for (int columns = 1; columns <= count; columns++) {
            int rows = (count + columns - 1) / columns;
            double tw = (w - GAP * (columns - 1)) / columns;
            double th = (h - GAP * (rows - 1)) / rows;
            double side = Math.min(tw, th / aspect); // the largest tile of that shape that fits
            double area = side * side * aspect;
            if (tw >= MIN_TILE && th >= MIN_TILE && area > bestArea) {
                bestArea = area;
                best = new TileGrid(count, columns, rows, x, y, tw, th);
            }
        }
        return best;
    }

    /**
     * As many columns of at least {@code minW} as fit in {@code w}, rows of
     * {@code tileH}: for tiles whose height is set by what they say.
     */
    static TileGrid columns(int count, double x, double y, double w, double minW, double tileH) {
        int columns = (int) Math.max(1, Math.min(count, Math.floor((w + GAP) / (minW + GAP))));
        int rows = (count + columns - 1) / columns;
        return new TileGrid(count, columns, rows, x, y, (w - GAP * (columns - 1)) / columns, tileH);
    }

    /** The grid's height. */
    double height() {
        return rows * tileH + Math.max(0, rows - 1) * GAP;
    }
}
