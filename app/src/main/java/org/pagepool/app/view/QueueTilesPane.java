// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.pagepool.view.ModelView;
import org.pagepool.view.QueueView;
import org.pagepool.view.QueuesView;

/**
 * Small multiples: one tile per RX queue, all on one canvas. A tile has
 * three bars (alloc cache, ptr_ring with its stale slots above the live
 * ones, RX descriptors: posted pages, and packets waiting for NAPI above), a flow bar along its foot (packets per
 * second against the busiest queue) and a red corner when {@code ring_full},
 * {@code rx_missed} or {@code waive} grew in the last simulated second.
 * The focused queue is framed; a click focuses another. FX thread only.
 */
public final class QueueTilesPane extends CanvasRegion {
    private IntConsumer onFocus = q -> { };
    private TileGrid grid;
    private final CornerMark mark = new CornerMark();

    public QueueTilesPane() {
        super("queues", "RX queues");
        canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && grid != null) {
                int q = grid.at(e.getX() / scale(), e.getY() / scale());
                if (q >= 0) {
                    onFocus.accept(q);
                }
            }
        });
    }

    /** Who is told when a tile is clicked (its queue). */
    public void setOnFocus(IntConsumer handler) {
        onFocus = handler;
    }

    @Override
    protected Object shownPart(ModelView v) {
        return v.queues();
    }

    /** The grid as last drawn (null before), for tests and for finding a tile. */
    public TileGrid grid() {
        return grid;
    }

    /** The centre of queue {@code q}'s tile in the region's coordinates (pixels), or null. */
    public Point2D tileCentre(int q) {
        if (grid == null || q < 0 || q >= grid.count()) {
            return null;
        }
        return new Point2D((grid.left(q) + grid.tileW() / 2) * scale(),
                (grid.top(q) + grid.tileH() / 2) * scale());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        QueuesView queues = view.queues();
        int n = queues.count();
        g.setFont(small());
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        text(g, fitting(g, w - 120, "bars: cache · ring (stale) · RX (packets waiting)"
                + "   foot: packets/s   red: trouble in the last 1 s",
                "cache · ring · RX; foot: packets/s", ""), w - PAD, 16);
        g.setTextAlign(TextAlignment.LEFT);
        grid = n == 0 ? null : TileGrid.fit(n, PAD, TITLE + 4, w - 2 * PAD, h - TITLE - 4 - PAD, 1.3);
        if (grid == null) {
            return;
        }
        double most = queues.maxPps();
        for (int q = 0; q < n; q++) {
            tile(g, queues.get(q), grid.left(q), grid.top(q), grid.tileW(), grid.tileH(), most,
                    q == queues.focus());
        }
    }

    private void tile(GraphicsContext g, QueueView q, double x, double y, double tw, double th, double most,
                      boolean focused) {
        g.setFill(palette.empty());
        g.fillRect(x, y, tw, th);
        boolean labelled = tw >= 22 && th >= 34;
        double top = y + (labelled ? 12 : 2);
        double foot = 4;
        double barsH = th - (top - y) - foot - 3;
        double barW = (tw - 4) / 3;
        if (labelled) {
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            text(g, Integer.toString(q.queue()), x + tw / 2, y + 10);
            g.setTextAlign(TextAlignment.LEFT);
        }
        bar(g, x + 1, top, barW - 1, barsH, share(q.cached(), QueueView.CACHE_SIZE), 0, palette.cache());
        bar(g, x + 1 + barW, top, barW - 1, barsH, share(q.ringCount(), q.ringSize()),
                share(q.ringStale(), q.ringSize()), palette.ring());
        bar(g, x + 1 + 2 * barW, top, barW - 1, barsH, share(q.rxPosted(), q.rxSize()), 0, palette.descriptor());
        double waiting = barsH * share(q.rxCompleted(), q.rxSize()); // packets NAPI has yet to handle, above
        g.setFill(palette.packet());
        g.fillRect(x + 1 + 2 * barW, top + barsH - barsH * share(q.rxPosted(), q.rxSize()) - waiting, barW - 1,
                waiting);
        double flow = most > 0 && !Double.isNaN(q.pps()) ? q.pps() / most : 0;
        g.setFill(palette.packet());
        g.fillRect(x + 1, y + th - foot - 1, (tw - 2) * flow, foot);
        if (focused) {
            CornerMark.frame(g, x, y, tw, th, palette);
        }
        if (q.troubled()) { // over the frame, whose thick contrast line covered all but a speck of it
            mark.corner(g, x, y, tw, th, palette.warning());
        }
    }

    /** A bar filled from the bottom to {@code fill}, with {@code stale} (a share too) in the stale colour above. */
    private void bar(GraphicsContext g, double x, double y, double w, double h, double fill, double stale,
                     Color colour) {
        g.setFill(palette.panel());
        g.fillRect(x, y, w, h);
        double filled = h * fill;
        g.setFill(colour);
        g.fillRect(x, y + h - filled, w, filled);
        if (stale > 0) {
            double s = Math.max(1, h * stale);
            g.setFill(palette.stale());
            g.fillRect(x, y + h - filled - s, w, s);
        }
    }

    private static double share(int part, int whole) {
        return whole <= 0 ? 0 : Math.min(1, (double) part / whole);
    }

    @Override
    protected String describeAt(double x, double y) {
        if (view == null || grid == null) {
            return null;
        }
        int i = grid.at(x, y);
        if (i < 0) {
            return null;
        }
        QueueView q = view.queues().get(i);
        StringBuilder trouble = new StringBuilder();
        if (q.ringFull()) {
            trouble.append(" ring_full");
        }
        if (q.rxMissed()) {
            trouble.append(" rx_missed");
        }
        if (q.waive()) {
            trouble.append(" waive");
        }
        return String.format(Locale.ROOT, "queue %d: IRQ on CPU %d (node %d), RSS share %.1f %%%n"
                        + "alloc cache %d / %d, ptr_ring %d / %d (%d stale), RX posted %d, packets waiting %d, of %d%n"
                        + "%s packets/s%s%nclick to look at it in detail", q.queue(), q.cpu(), q.node(),
                100 * q.rssShare(), q.cached(), QueueView.CACHE_SIZE, q.ringCount(), q.ringSize(), q.ringStale(),
                q.rxPosted(), q.rxCompleted(), q.rxSize(),
                Double.isNaN(q.pps()) ? "-" : JourneyOverlay.human((long) q.pps()),
                trouble.length() == 0 ? "" : "\nin the last second:" + trouble);
    }
}
