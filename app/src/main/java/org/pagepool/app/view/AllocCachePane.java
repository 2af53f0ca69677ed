// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.pagepool.pool.PagePool;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageAttrs;
import org.pagepool.view.PageSlots;
import org.pagepool.view.PoolView;

/**
 * The alloc cache: a 128-slot array used as a stack. Slot 0 is at the
 * bottom; pages are pushed and popped at the top ({@code alloc.count}); the
 * mark at 64 is how far a refill from the ring fills it.
 */
public final class AllocCachePane extends CanvasRegion {
    private static final int SLOTS = PagePool.PP_ALLOC_CACHE_SIZE;
    private double columnX;
    private double columnW;
    private double slotsTop;
    private double slotH;

    public AllocCachePane() {
        super("allocCache", "Alloc cache");
        // its column is 15 % of the regions' width: a minimum of 120 would hold them all at 800 px, which the
        // window's smallest size (1024 px, with the side panel) cannot give
        setMinWidth(80);
        setShortTitle("Cache");
    }

    @Override
    protected Object shownPart(ModelView v) {
        return v.currentPool();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        PoolView pool = view.currentPool();
        int count = pool == null ? 0 : pool.cache().size();
        double bottom = h - 4;
        if (pool != null) {
            g.setFont(small());
            bottom = footer(g, w, h, List.of(
                    new Span("fast " + JourneyOverlay.human(pool.stats().fast()), palette.muted()),
                    new Span("cached " + JourneyOverlay.human(pool.stats().cached()), palette.muted()),
                    new Span("cache_full " + JourneyOverlay.human(pool.stats().cacheFull()), palette.muted())));
        }
        g.setFont(label());
        g.setFill(palette.muted());
        text(g, pool == null ? "no pool" : fitting(g, w - 2 * PAD, "pool " + pool.id() + " (" + pool.state() + ")",
                "pool " + pool.id()), PAD, TITLE + 14);
        g.setFont(small());
        // the column, with room on its right for the marks' labels ("count 128", "refill 64")
        double marks = 17 + width(g, "count 128");
        double top = TITLE + 22;
        bottom -= 8;
        slotH = (bottom - top) / SLOTS;
        columnX = PAD + 4 + width(g, "128");
        columnW = Math.max(16, Math.min(90, w - PAD - columnX - marks));
        double labelRoom = w - PAD - (columnX + columnW + 17); // the marks' labels shorten to fit
        slotsTop = top;
        PageSlots cache = pool == null ? PageSlots.EMPTY : pool.cache();
        boolean[] shown = shownSlots(cache, i -> true); // a page in flight: not yet here
        for (int i = 0; i < SLOTS; i++) {
            double y = bottom - (i + 1) * slotH;
            boolean page = i < count && i < shown.length && shown[i];
            g.setFill(page ? palette.cache() : palette.empty());
            g.fillRect(columnX, y, columnW, Math.max(1, slotH - (slotH >= 4 ? 1 : 0)));
            if (page && PageAttrs.pfmemalloc(cache.attrs(i))) {
                g.setFill(palette.pfmemalloc());
                g.fillRect(columnX, y, Math.max(3, columnW / 8), Math.max(1, slotH - 1));
            }
        }
        g.setStroke(palette.grid());
        g.strokeRect(columnX - 0.5, top - 0.5, columnW + 1, bottom - top + 1);
        // the refill mark: a refill from the ptr_ring stops at 64 pages
        double refillY = bottom - 64 * slotH;
        g.setStroke(palette.accent());
        g.setLineWidth(palette.lineWidth() * 1.5);
        g.setLineDashes(4, 3);
        g.strokeLine(columnX - 3, refillY, columnX + columnW + 3, refillY);
        g.setLineDashes();
        g.setFill(palette.accent());
        text(g, fitting(g, labelRoom + 11, "refill 64", "64"), columnX + columnW + 6, refillY + 4);
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        text(g, "128", columnX - 2, top + 8);
        text(g, "0", columnX - 2, bottom);
        g.setTextAlign(TextAlignment.LEFT);
        // the top of the stack: where the next alloc pops and the next direct recycle pushes
        double topY = bottom - count * slotH;
        g.setFill(palette.text());
        g.fillPolygon(new double[] {columnX + columnW + 4, columnX + columnW + 14, columnX + columnW + 14},
                new double[] {topY, topY - 5, topY + 5}, 3);
        // keep the count's label clear of the refill mark's
        double labelY = Math.abs(topY - refillY) < 12 ? (topY < refillY ? refillY - 12 : refillY + 16) : topY + 4;
        text(g, fitting(g, labelRoom, "count " + count, Integer.toString(count)), columnX + columnW + 17,
                Math.min(labelY, bottom + 4));
    }

    @Override
    protected String describeAt(double x, double y) {
        PoolView pool = view == null ? null : view.currentPool();
        if (pool == null || x < columnX || x > columnX + columnW || slotH <= 0) {
            return null;
        }
        int slot = (int) ((slotsTop + SLOTS * slotH - y) / slotH);
        if (slot < 0 || slot >= SLOTS) {
            return null;
        }
        if (slot >= pool.cache().size()) {
            return "cache slot " + slot + ": empty";
        }
        return "cache slot " + slot + (slot == pool.cache().size() - 1 ? " (top of the stack)" : "") + "\n"
                + page(pool.cache().handle(slot), pool.cache().attrs(slot));
    }

    @Override
    public Point2D locate(int pool, int handle) {
        PoolView p = view == null ? null : view.currentPool();
        if (p == null || p.id() != pool) {
            return null;
        }
        int i = p.cache().indexOf(pool, handle);
        return i < 0 ? null : new Point2D(columnX + columnW / 2, slotsTop + (SLOTS - i - 0.5) * slotH);
    }
}
