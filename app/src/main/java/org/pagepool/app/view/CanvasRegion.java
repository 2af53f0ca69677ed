// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.util.Duration;
import org.pagepool.run.ModelView;

/**
 * A region of the window drawn on one Canvas: many cells, one pass. It
 * redraws only when its data or its size changed, once per pulse, and says
 * what is under the mouse (a page's handle) in a tooltip. FX thread only.
 */
public abstract class CanvasRegion extends Region {
    protected static final double PAD = 8;
    protected static final double TITLE = 22;
    /** The frame around a region a checkpoint points at: as wide as a counter's box. */
    private static final double HIGHLIGHT_WIDTH = 4;

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private final String title;
    private boolean dirty = true;
    protected ModelView view;
    /** {@link #shownPart} of {@link #view}, kept so that each view's part is taken once. */
    private Object shown;
    protected Palette palette = Palette.LIGHT;

    protected CanvasRegion(String id, String title) {
        this.title = title;
        setId(id);
        getStyleClass().add("journey-region");
        getChildren().add(canvas);
        setMinSize(120, 120);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setHideDelay(Duration.millis(100));
        Tooltip.install(canvas, tooltip);
        // the canvas covers the region's own CSS border, so a checkpoint's mark is drawn on it
        getStyleClass().addListener((javafx.collections.ListChangeListener<String>) change -> dirty = true);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String text = describeAt(e.getX(), e.getY());
            tooltip.setText(text != null ? text : title);
        });
    }

    /** New data: redraw at the next pulse if it changed what this region shows. */
    public void show(ModelView newView) {
        if (newView != view) {
            Object part = shownPart(newView);
            dirty |= view == null || !java.util.Objects.equals(part, shown);
            view = newView;
            shown = part;
        }
    }

    /**
     * The part of a view this region draws, compared by value to skip
     * redrawing what did not change; the whole view (always new) by default.
     */
    protected Object shownPart(ModelView v) {
        return v;
    }

    public void setPalette(Palette newPalette) {
        palette = newPalette;
        dirty = true;
    }

    public void markDirty() {
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
    }

    /** Called once per pulse: draws if something changed. */
    public final void redrawIfDirty() {
        if (!dirty || canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            return;
        }
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.panel());
        g.fillRect(0, 0, w, h);
        g.setStroke(palette.grid());
        g.setLineWidth(palette.lineWidth());
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.setFill(palette.text());
        g.setFont(Font.font(null, FontWeight.BOLD, 14));
        g.fillText(title, PAD, 16);
        if (view != null) {
            draw(g, w, h);
        }
        if (highlighted()) {
            g.setStroke(palette.warning());
            g.setLineWidth(HIGHLIGHT_WIDTH);
            g.strokeRect(HIGHLIGHT_WIDTH / 2, HIGHLIGHT_WIDTH / 2, w - HIGHLIGHT_WIDTH, h - HIGHLIGHT_WIDTH);
        }
    }

    /** True while a checkpoint points at this region (the window gives it the {@code highlight} class). */
    public boolean highlighted() {
        return getStyleClass().contains("highlight");
    }

    /** The region's title, as it is drawn (and as checkpoint lists name it). */
    public String title() {
        return title;
    }

    /** Draws the region's content below its title. */
    protected abstract void draw(GraphicsContext g, double w, double h);

    /** What the point shows (a page's handle and state), or null. */
    protected String describeAt(double x, double y) {
        return null;
    }

    /** Where a page of {@code pool}/{@code handle} sits in this region (local coordinates), or null. */
    public Point2D locate(int pool, int handle) {
        return null;
    }

    /** The centre of the region's drawing area (where tokens head when no slot is known). */
    public Point2D centre() {
        return new Point2D(getWidth() / 2, TITLE + (getHeight() - TITLE) / 2);
    }

    protected Font small() {
        return Font.font(11);
    }

    protected Font label() {
        return Font.font(12);
    }

    /** A short text for a page in a slot. */
    protected static String page(int handle, int attrs) {
        StringBuilder text = new StringBuilder("p").append(Integer.toUnsignedString(handle));
        int pool = org.pagepool.run.PageAttrs.pool(attrs);
        if (pool != 0) {
            text.append(" (pool ").append(pool).append(')');
        }
        text.append(", node ").append(org.pagepool.run.PageAttrs.node(attrs));
        if (org.pagepool.run.PageAttrs.mapped(attrs)) {
            text.append(", DMA-mapped");
        }
        if (org.pagepool.run.PageAttrs.pfmemalloc(attrs)) {
            text.append(", pfmemalloc (never recycled)");
        }
        return text.toString();
    }

    protected Canvas canvas() {
        return canvas;
    }
}
