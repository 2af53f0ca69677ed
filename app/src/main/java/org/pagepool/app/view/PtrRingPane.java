// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageAttrs;
import org.pagepool.view.PoolView;

/**
 * The ptr_ring as a circle of {@code size} slots: live entries (produced, not
 * consumed), stale ones (consumed but not yet zeroed by the batched consumer:
 * the producer cannot reuse them) and empty ones, with the producer,
 * consumer_head and consumer_tail indexes. Large rings are drawn in as many
 * sectors as the circle has room for, each showing its busiest state.
 */
public final class PtrRingPane extends CanvasRegion {
    private static final int MAX_SECTORS = 720;
    private double cx;
    private double cy;
    private double outer;
    private double inner;
    /** The width the last draw had (the markers keep their labels inside it). */
    private double drawnWidth;
    /** Where the index labels must end: the top of the footer. */
    private double labelsBottom;
    /** Which ring slots the last redraw showed a page in (a page in flight is not shown yet). */
    private boolean[] ringShown = new boolean[0];

    public PtrRingPane() {
        super("ptrRing", "ptr_ring");
    }

    @Override
    protected Object shownPart(ModelView v) {
        return v.currentPool();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        PoolView pool = view.currentPool();
        if (pool == null) {
            g.setFill(palette.muted());
            g.setFont(label());
            text(g, "no pool", PAD, TITLE + 14);
            outer = 0;
            return;
        }
        int size = pool.ring().size();
        drawnWidth = w;
        g.setFont(small());
        double footerTop = footer(g, w, h, List.of(
                new Span(String.format(Locale.ROOT, "ring %,d", pool.stats().ring()), palette.muted()),
                new Span(String.format(Locale.ROOT, "refill %,d", pool.stats().refill()), palette.muted()),
                new Span(String.format(Locale.ROOT, "ring_full %,d", pool.stats().ringFull()), palette.muted())));
        // room around the circle for the indexes' ticks and labels
        double labelH = Math.ceil(small().getSize() * 1.3);
        cx = w / 2;
        cy = TITLE + (footerTop - TITLE) / 2;
        // at the sides: room for the short names of the indexes ("tail") beside their ticks
        double side = 26 + 3 + width(g, "tail") + PAD;
        outer = Math.max(20, Math.min(w / 2 - side, (footerTop - TITLE) / 2 - 24 - 3 * labelH));
        inner = outer * 0.72;
        ringShown = shownSlots(pool.ring(), pool::ringLive); // a page in flight: not yet here
        int sectors = Math.min(size, MAX_SECTORS);
        double sweep = 360.0 / sectors;
        boolean gaps = sectors <= 128;
        // one arc per run of sectors in the same state: a handful of arcs, however large the ring
        Color runColor = null;
        int runStart = 0;
        for (int s = 0; s <= sectors; s++) {
            Color fill = s == sectors ? null : sectorColor(pool, s, sectors, size);
            if (gaps || fill == null || !fill.equals(runColor)) {
                if (runColor != null) {
                    double start = 90 - runStart * sweep; // slot 0 at twelve o'clock, going clockwise
                    double gap = gaps ? Math.min(1.5, sweep * 0.15) : 0;
                    g.setFill(runColor);
                    g.fillArc(cx - outer, cy - outer, 2 * outer, 2 * outer, start - gap / 2,
                            -((s - runStart) * sweep - gap), ArcType.ROUND);
                }
                runColor = fill;
                runStart = s;
            }
        }
        g.setFill(palette.panel());
        g.fillOval(cx - inner, cy - inner, 2 * inner, 2 * inner);
        g.setTextAlign(TextAlignment.CENTER);
        String count = pool.ringCount() + " / " + size;
        String stale = "stale " + pool.stale() + "  batch " + (size >= 32 ? 16 : 1);
        Font countFont = Font.font(null, FontWeight.BOLD, 16);
        // inside the ring where they fit, else at the bottom, away from the ring and the indexes' labels
        // under it (a narrow region, a ring of thousands of slots)
        double countY = cy - 4;
        double bottom = footerTop - 26;
        if (Math.max(TextMetrics.width(count, countFont), TextMetrics.width(stale, label())) > 2 * inner - 4
                && bottom > cy + outer + 3 * labelH + 24) {
            countY = bottom;
        }
        g.setFill(palette.text());
        g.setFont(countFont);
        text(g, count, cx, countY);
        g.setFont(label());
        g.setFill(palette.muted());
        text(g, stale, cx, countY + 18);
        g.setTextAlign(TextAlignment.LEFT);
        // indexes that coincide share one tick and one label; each label keeps off the texts drawn before it
        labelsBottom = footerTop;
        int p = pool.producer();
        int head = pool.consumerHead();
        int tail = pool.consumerTail();
        marker(g, p, size, p == head && p == tail ? "producer = head = tail" : p == head ? "producer = head"
                : p == tail ? "producer = tail" : "producer", palette.accent(), 0);
        if (head != p) {
            marker(g, head, size, head == tail ? "head = tail" : "consumer_head", palette.cache(), 1);
        }
        if (tail != p && tail != head) {
            marker(g, tail, size, "consumer_tail", palette.muted(), 2);
        }
    }

    /** A sector's colour: live if any of its slots is live (pfmemalloc shows), else stale if any is, else empty. */
    private Color sectorColor(PoolView pool, int sector, int sectors, int size) {
        int from = (int) ((long) sector * size / sectors);
        int to = (int) ((long) (sector + 1) * size / sectors);
        Color fill = palette.empty();
        for (int i = from; i < to; i++) {
            if (pool.ringLive(i) && i < ringShown.length && ringShown[i]) {
                return PageAttrs.pfmemalloc(pool.ring().attrs(i)) ? palette.pfmemalloc()
                        : palette.ring();
            }
            if (pool.ringStale(i)) {
                fill = palette.stale();
            }
        }
        return fill;
    }

    /** A tick outside the circle at slot {@code index}, labelled. */
    private void marker(GraphicsContext g, int index, int size, String name, Color color, int lane) {
        double w = drawnWidth;
        double angle = Math.toRadians(90 - (index + 0.5) * 360.0 / size);
        double r0 = outer + 2;
        double r1 = outer + 9 + lane * 6;
        double x0 = cx + r0 * Math.cos(angle);
        double y0 = cy - r0 * Math.sin(angle);
        double x1 = cx + r1 * Math.cos(angle);
        double y1 = cy - r1 * Math.sin(angle);
        g.setStroke(color);
        g.setLineWidth(2 * palette.lineWidth());
        g.strokeLine(x0, y0, x1, y1);
        g.setFill(color);
        g.setFont(small());
        double lineH = Math.ceil(small().getSize() * 1.3);
        double x;
        double y;
        String shown = name;
        if (Math.abs(x1 - cx) < outer * 0.35) {
            // near the top or the bottom of the circle: centre the label above or below the tick
            shown = fitting(g, w - 2 * PAD, name, shortName(name));
            x = x1 - width(g, shown) / 2;
            y = y1 < cy ? y1 - 4 - lane * lineH : y1 + lineH + lane * lineH;
        } else {
            // at the side: the kernel's name where there is room, else its short form
            double room = x1 >= cx ? w - PAD - x1 - 3 : x1 - 3 - PAD;
            shown = fitting(g, room, name, shortName(name));
            x = x1 >= cx ? x1 + 3 : x1 - 3 - width(g, shown);
            y = y1 + 4;
        }
        // never past the region's edges, and on no text drawn before (the title, the footer, another index)
        x = Math.max(PAD, Math.min(w - PAD - width(g, shown), x));
        double free = freeBaseline(g, shown, x, y, y1 < cy ? -1 : 1);
        if (Math.abs(free - y) > 1) {
            // moved off its tick: a thin leader line keeps them together
            Bounds box = TextMetrics.bounds(shown, g.getFont(), TextAlignment.LEFT, VPos.BASELINE, x, free);
            g.setLineWidth(palette.lineWidth());
            g.strokeLine(x1, y1, Math.max(box.getMinX(), Math.min(box.getMaxX(), x1)),
                    free < y1 ? box.getMaxY() : box.getMinY());
        }
        text(g, shown, x, free);
    }

    /**
     * The baseline nearest {@code y} at which {@code s}, drawn from {@code x}, covers no text drawn so far
     * and not the ring, inside the region above its footer: tried first in {@code direction} (away from the
     * circle's middle), then the other way; {@code y} itself when no place is free.
     */
    private double freeBaseline(GraphicsContext g, String s, double x, double y, int direction) {
        double step = Math.ceil(small().getSize() * 0.5);
        int steps = (int) Math.ceil(labelsBottom / step);
        for (int k = 0; k <= steps; k++) {
            for (int sign : new int[] {direction, -direction}) {
                double at = y + sign * k * step;
                Bounds box = TextMetrics.bounds(s, g.getFont(), TextAlignment.LEFT, VPos.BASELINE, x, at);
                if (box.getMinY() >= 0 && box.getMaxY() <= labelsBottom && !coversText(box) && !onRing(box)) {
                    return at;
                }
            }
        }
        return y;
    }

    /** Whether {@code box} reaches into the circle of slots. */
    private boolean onRing(Bounds box) {
        double nx = Math.max(box.getMinX(), Math.min(box.getMaxX(), cx));
        double ny = Math.max(box.getMinY(), Math.min(box.getMaxY(), cy));
        return Math.hypot(nx - cx, ny - cy) < outer + 1;
    }

    /** An index's name in a narrow ring: "prod", "head", "tail", "prod = head = tail". */
    private static String shortName(String name) {
        return name.replace("producer", "prod").replace("consumer_", "");
    }

    private int slotAt(double x, double y, int size) {
        double dx = x - cx;
        double dy = cy - y;
        double r = Math.hypot(dx, dy);
        if (r < inner || r > outer) {
            return -1;
        }
        double degrees = 90 - Math.toDegrees(Math.atan2(dy, dx));
        degrees = (degrees % 360 + 360) % 360;
        return Math.min(size - 1, (int) (degrees / 360.0 * size));
    }

    @Override
    protected String describeAt(double x, double y) {
        PoolView pool = view == null ? null : view.currentPool();
        if (pool == null || outer == 0) {
            return null;
        }
        int i = slotAt(x, y, pool.ring().size());
        if (i < 0) {
            return null;
        }
        String what = pool.ringLive(i) ? "live" : pool.ringStale(i)
                ? "stale: consumed, not yet zeroed (the producer must wait)" : "empty";
        int handle = pool.ring().handle(i);
        return "ring slot " + i + ": " + what + (handle != 0 && pool.ringLive(i) ? "\n"
                + page(handle, pool.ring().attrs(i)) : "");
    }

    @Override
    public Point2D locate(int pool, int handle) {
        PoolView p = view == null ? null : view.currentPool();
        if (p == null || p.id() != pool || outer == 0) {
            return null;
        }
        int i = p.ring().indexOf(pool, handle);
        if (i < 0 || !p.ringLive(i)) {
            return null;
        }
        double angle = Math.toRadians(90 - (i + 0.5) * 360.0 / p.ring().size());
        double r = (outer + inner) / 2;
        return new Point2D(cx + r * Math.cos(angle), cy - r * Math.sin(angle));
    }
}
