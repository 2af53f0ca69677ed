// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import javafx.collections.ListChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageAttrs;
import org.pagepool.view.PageSlots;

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
    /** The title where the whole one does not fit (the window's smallest size). */
    private String shortTitle;
    private boolean dirty = true;
    protected ModelView view;
    /** {@link #shownPart} of {@link #view}, kept so that each view's part is taken once. */
    private Object shown;
    protected Palette palette = Palette.LIGHT;
    /** The texts the last redraw drew, with their boxes (in drawing units, before the scale). */
    private final List<DrawnText> texts = new ArrayList<>();
    /** The presentation scale: the region draws in units of 1/scale pixel, so type, lines and marks grow. */
    private double scale = 1;
    /** Pages the layer above shows in flight: their slots here stay empty until they land. */
    private PageFilter inFlight = (pool, handle) -> false;
    /** The pages the last redraw drew, as {@link #pageKey} values (for the tests: a page in one place only). */
    private long[] drawnPages = new long[64];
    private int drawnCount;

    /** Which pages, of a pool and handle, a test is about. */
    @FunctionalInterface
    public interface PageFilter {
        boolean test(int pool, int handle);
    }

    protected CanvasRegion(String id, String title) {
        this.title = title;
        this.shortTitle = title;
        setId(id);
        getStyleClass().add("journey-region");
        getChildren().add(canvas);
        setMinSize(120, 120);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setHideDelay(Duration.millis(100));
        Tooltip.install(canvas, tooltip);
        // the canvas covers the region's own CSS border, so a checkpoint's mark is drawn on it
        getStyleClass().addListener((ListChangeListener<String>) change -> dirty = true);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String text = describeAt(e.getX() / scale, e.getY() / scale);
            tooltip.setText(text != null ? text : title);
        });
    }

    /** New data: redraw at the next pulse if it changed what this region shows. */
    public void show(ModelView newView) {
        if (newView != view) {
            Object part = shownPart(newView);
            dirty |= view == null || !Objects.equals(part, shown);
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

    /** Called once per pulse: draws if something changed; true if it drew. */
    public final boolean redrawIfDirty() {
        if (!dirty || canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            return false;
        }
        dirty = false;
        texts.clear();
        drawnCount = 0;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.panel());
        g.fillRect(0, 0, w, h);
        g.setStroke(palette.grid());
        g.setLineWidth(palette.lineWidth());
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.save();
        g.scale(scale, scale);
        g.setFill(palette.text());
        g.setFont(Font.font(null, FontWeight.BOLD, 14));
        text(g, fitting(g, w / scale - 2 * PAD, title, shortTitle), PAD, 16);
        if (view != null) {
            draw(g, w / scale, h / scale);
        }
        g.restore();
        if (highlighted()) {
            g.setStroke(palette.warning());
            g.setLineWidth(HIGHLIGHT_WIDTH);
            g.strokeRect(HIGHLIGHT_WIDTH / 2, HIGHLIGHT_WIDTH / 2, w - HIGHLIGHT_WIDTH, h - HIGHLIGHT_WIDTH);
        }
        return true;
    }

    /** True while a checkpoint points at this region (the window gives it the {@code highlight} class). */
    public boolean highlighted() {
        return getStyleClass().contains("highlight");
    }

    /** Which pages are in flight above the regions (they are drawn there, so not here). */
    public void setInFlight(PageFilter filter) {
        inFlight = filter;
    }

    /** A page as one number: its pool and its handle. */
    public static long pageKey(int pool, int handle) {
        return (long) pool << 32 | handle & 0xFFFFFFFFL;
    }

    /**
     * Which of {@code slots} this redraw shows a page in: a slot that
     * {@code holds} a page, unless that page is in flight above (it is
     * drawn there until it lands). The pages shown are noted as drawn.
     */
    protected final boolean[] shownSlots(PageSlots slots, IntPredicate holds) {
        boolean[] shown = new boolean[slots.size()];
        for (int i = 0; i < shown.length; i++) {
            int handle = slots.handle(i);
            int pool = PageAttrs.pool(slots.attrs(i));
            if (handle != 0 && holds.test(i) && !inFlight.test(pool, handle)) {
                shown[i] = true;
                if (drawnCount == drawnPages.length) {
                    drawnPages = Arrays.copyOf(drawnPages, drawnCount * 2);
                }
                drawnPages[drawnCount++] = pageKey(pool, handle);
            }
        }
        return shown;
    }

    /** The pages the last redraw drew ({@link #pageKey} values), each as often as it was drawn. */
    public long[] drawnPages() {
        return Arrays.copyOf(drawnPages, drawnCount);
    }

    /** A shorter title, drawn where the whole one does not fit. */
    protected final void setShortTitle(String shorter) {
        shortTitle = shorter;
    }

    /** The region's title, as it is drawn where it fits (and as checkpoint lists name it). */
    public String title() {
        return title;
    }

    /**
     * Draws {@code s} at ({@code x}, {@code y}) in the context's font,
     * alignment and baseline, and remembers where it went: every text a
     * region draws goes through here.
     */
    protected final void text(GraphicsContext g, String s, double x, double y) {
        g.fillText(s, x, y);
        texts.add(new DrawnText(s, TextMetrics.bounds(s, g.getFont(), g.getTextAlign(), g.getTextBaseline(), x, y)));
    }

    /** Whether {@code box} (in drawing units) overlaps a text this redraw has drawn so far. */
    protected final boolean coversText(Bounds box) {
        for (DrawnText t : texts) {
            if (t.bounds().intersects(box)) {
                return true;
            }
        }
        return false;
    }

    /** The width of {@code s} in the context's current font. */
    protected static double width(GraphicsContext g, String s) {
        return TextMetrics.width(s, g.getFont());
    }

    /** The first of {@code candidates} (longest first) that is at most {@code room} wide, else the last. */
    protected static String fitting(GraphicsContext g, double room, String... candidates) {
        for (String c : candidates) {
            if (width(g, c) <= room) {
                return c;
            }
        }
        return candidates[candidates.length - 1];
    }

    /** A piece of text in a colour, for {@link #footer}. */
    protected record Span(String text, Color color) {
    }

    /**
     * Lays {@code spans} out along the bottom of the region in the context's
     * font, left to right, in as many rows as the width needs; returns where
     * the footer begins (the content above must end there).
     */
    protected final double footer(GraphicsContext g, double w, double h, List<Span> spans) {
        double gap = g.getFont().getSize();
        double lineH = Math.ceil(g.getFont().getSize() * 1.3);
        List<List<Span>> rows = new ArrayList<>();
        List<Span> row = new ArrayList<>();
        double used = 0;
        double room = w - 2 * PAD;
        for (Span span : spans) {
            double sw = Math.min(room, width(g, span.text())); // one wider than the region is drawn smaller
            if (!row.isEmpty() && used + gap + sw > room) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : gap) + sw;
            row.add(span);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        double descent = Math.ceil(g.getFont().getSize() * 0.3);
        for (int r = 0; r < rows.size(); r++) {
            double y = h - 4 - descent - (rows.size() - 1 - r) * lineH;
            double x = PAD;
            for (Span span : rows.get(r)) {
                g.setFill(span.color());
                Font font = g.getFont();
                double sw = width(g, span.text());
                if (sw > room) {
                    // alone on its row and still too wide ("cached 100.2k" in a narrow cache region): smaller
                    // type rather than a number cut short to another one ("cached 100.2")
                    g.setFont(Font.font(font.getFamily(), font.getSize() * room / sw));
                }
                text(g, span.text(), x, y);
                g.setFont(font);
                x += Math.min(room, sw) + gap;
            }
        }
        return h - 4 - rows.size() * lineH;
    }

    /** Draws {@code s} word-wrapped to {@code room} from baseline {@code y}; returns the next line's baseline. */
    protected final double wrapped(GraphicsContext g, String s, double x, double y, double room) {
        double lineH = Math.ceil(g.getFont().getSize() * 1.3);
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(g, longer) > room) {
                text(g, line.toString(), x, y);
                y += lineH;
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        if (line.length() > 0) {
            text(g, line.toString(), x, y);
            y += lineH;
        }
        return y;
    }

    /** Draws {@code s} reading upwards, centred on {@code x}, ending at {@code bottom}; remembered like any text. */
    protected final void textUp(GraphicsContext g, String s, double x, double bottom) {
        g.save();
        g.translate(x, bottom);
        g.rotate(-90);
        TextAlignment align = g.getTextAlign();
        VPos baseline = g.getTextBaseline();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, 0, 0);
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        g.restore();
        texts.add(new DrawnText(s, upBounds(g, s, x, bottom)));
    }

    /** Where {@link #textUp} puts {@code s}, in drawing units, before it draws it. */
    protected static Bounds upBounds(GraphicsContext g, String s, double x, double bottom) {
        Bounds flat = TextMetrics.bounds(s, g.getFont(), TextAlignment.LEFT, VPos.CENTER, 0, 0);
        return new BoundingBox(x - flat.getHeight() / 2, bottom - flat.getWidth(), flat.getHeight(), flat.getWidth());
    }

    /** The texts drawn by the last redraw, in the canvas's pixels (the region's local coordinates). */
    public List<DrawnText> drawnTexts() {
        List<DrawnText> inPixels = new ArrayList<>(texts.size());
        for (DrawnText t : texts) {
            Bounds b = t.bounds();
            inPixels.add(new DrawnText(t.text(), new BoundingBox(b.getMinX() * scale,
                    b.getMinY() * scale, b.getWidth() * scale, b.getHeight() * scale)));
        }
        return inPixels;
    }

    /** Sets the presentation scale (1 = 100 %, up to 2). */
    public void setScale(double newScale) {
        if (newScale != scale) {
            scale = newScale;
            dirty = true;
        }
    }

    /** The presentation scale: {@link #locate} and {@link #describeAt} work in pixels divided by it. */
    public double scale() {
        return scale;
    }

    /** Draws the region's content below its title. */
    protected abstract void draw(GraphicsContext g, double w, double h);

    /** What the point shows (a page's handle and state), or null. */
    protected String describeAt(double x, double y) {
        return null;
    }

    /** Where a page of {@code pool}/{@code handle} sits in this region (drawing units: pixels / scale), or null. */
    public Point2D locate(int pool, int handle) {
        return null;
    }

    /** The centre of the region's drawing area (where tokens head when no slot is known), in pixels. */
    public Point2D centre() {
        return new Point2D(getWidth() / 2, TITLE * scale + (getHeight() - TITLE * scale) / 2);
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
        int pool = PageAttrs.pool(attrs);
        if (pool != 0) {
            text.append(" (pool ").append(pool).append(')');
        }
        text.append(", node ").append(PageAttrs.node(attrs));
        if (PageAttrs.mapped(attrs)) {
            text.append(", DMA-mapped");
        }
        if (PageAttrs.pfmemalloc(attrs)) {
            text.append(", pfmemalloc (never recycled)");
        }
        return text.toString();
    }

    protected Canvas canvas() {
        return canvas;
    }
}
