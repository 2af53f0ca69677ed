// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.pagepool.view.BuddyView;
import org.pagepool.view.ModelView;
import org.pagepool.view.QueuesView;

/**
 * The buddy allocator, as {@code /proc/buddyinfo}: for each NUMA node, how
 * much is free and how many free blocks of each order (2^order pages) it
 * has. Bars grow on a log scale that stays put (from one block to the
 * node's page count, with labelled powers of ten), so one order-10 block and
 * a thousand single pages both show, and a bar only moves when its count does.
 * With several queues, each node also shows the pages every queue's pools
 * keep there, coloured by queue (the tiles' order): a queue whose pages sit
 * on the other node shows at once.
 */
public final class BuddyPane extends CanvasRegion {
    private static final int ORDERS = 11;
    /** Room on the left of the bars for the scale's labels. */
    private static final double AXIS = 30;
    private double barsX;
    private double barW;
    private double[] nodeTops = new double[0];
    private double nodeH;

    public BuddyPane() {
        super("buddy", "Buddy allocator");
        setShortTitle("Buddy");
    }

    private final QueueColours queueColours = new QueueColours();

    @Override
    protected Object shownPart(ModelView v) {
        return v.queues().many() ? Arrays.asList(v.buddy(), v.queues()) : v.buddy();
    }

    /**
     * The pages each queue's pools keep on node {@code nid} (caches, rings,
     * RX descriptors), one coloured segment per queue, scaled to the node
     * holding the most; returns the height drawn.
     */
    private double poolPages(GraphicsContext g, QueuesView queues, int nid, double y, double w) {
        int n = queues.count();
        long most = 1;
        for (int node = 0; node < queues.nodes(); node++) {
            long sum = 0;
            for (int q = 0; q < n; q++) {
                sum += queues.pages(node, q);
            }
            most = Math.max(most, sum);
        }
        long here = 0;
        for (int q = 0; q < n; q++) {
            here += queues.pages(nid, q);
        }
        g.setFont(small());
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.LEFT);
        text(g, fitting(g, w - 2 * PAD, String.format(Locale.ROOT, "%,d pages kept by %d queues' pools, by queue",
                here, n), String.format(Locale.ROOT, "%,d pages in pools", here), count(here)), PAD, y + 9);
        double barY = y + 13;
        double room = w - 2 * PAD;
        g.setFill(palette.empty());
        g.fillRect(PAD, barY, room, 7);
        double x = PAD;
        for (int q = 0; q < n; q++) {
            double segment = room * queues.pages(nid, q) / most;
            g.setFill(queueColours.of(q, n, palette));
            g.fillRect(x, barY, segment, 7);
            x += segment;
        }
        return 24;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        BuddyView b = view.buddy();
        int nodes = b.nodes();
        double top = TITLE + 6;
        nodeH = (h - top - 4) / nodes;
        nodeTops = new double[nodes];
        barsX = PAD + AXIS;
        barW = (w - 2 * PAD - AXIS - 4) / ORDERS;
        long most = 1;
        for (int nid = 0; nid < nodes; nid++) {
            most = Math.max(most, b.nodePages(nid)); // no order has more free blocks than a node has pages
        }
        double logMax = Math.log1p(most);
        for (int nid = 0; nid < nodes; nid++) {
            double y0 = top + nid * nodeH;
            nodeTops[nid] = y0;
            g.setFont(label());
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.LEFT);
            double freeShare = b.nodePages(nid) == 0 ? 0 : (double) b.freePages(nid) / b.nodePages(nid);
            text(g, fitting(g, w - 2 * PAD,
                    String.format(Locale.ROOT, "node %d: %,d of %,d pages free", nid, b.freePages(nid),
                            b.nodePages(nid)),
                    String.format(Locale.ROOT, "node %d: %,d / %,d free", nid, b.freePages(nid), b.nodePages(nid)),
                    String.format(Locale.ROOT, "node %d: %s / %s free", nid, count(b.freePages(nid)),
                            count(b.nodePages(nid))),
                    String.format(Locale.ROOT, "%s / %s free", count(b.freePages(nid)), count(b.nodePages(nid)))),
                    PAD, y0 + 14);
            // how full the node is
            double usageY = y0 + 20;
            g.setFill(palette.empty());
            g.fillRect(PAD, usageY, w - 2 * PAD, 6);
            g.setFill(palette.buddy());
            g.fillRect(PAD, usageY, (w - 2 * PAD) * freeShare, 6);
            double barTop = usageY + 12;
            if (view.queues().many()) {
                barTop += poolPages(g, view.queues(), nid, usageY + 8, w);
            }
            double barBottom = y0 + nodeH - 18;
            double barMax = Math.max(4, barBottom - barTop);
            drawScale(g, barTop, barBottom, barMax, logMax, most, w);
            g.setFont(small());
            Bounds lastCount = null; // the last bar's count drawn: the next keeps off it
            // in a narrow region "10", centred under its bar, would run into "9": every other order then
            boolean everyOther = (width(g, Integer.toString(ORDERS - 2)) + width(g, Integer.toString(ORDERS - 1))) / 2
                    + 2 > barW;
            for (int o = 0; o < ORDERS; o++) {
                int count = b.freeBlocks(nid, o);
                double height = count == 0 ? 0 : Math.max(2, barMax * Math.log1p(count) / logMax);
                double x = barsX + o * barW;
                g.setFill(palette.empty());
                g.fillRect(x + 1, barTop, barW - 2, barMax);
                g.setFill(palette.buddy());
                g.fillRect(x + 1, barBottom - height, barW - 2, height);
                g.setFill(palette.muted());
                g.setFont(small());
                g.setTextAlign(TextAlignment.CENTER);
                if (!everyOther || o % 2 == 0) {
                    text(g, Integer.toString(o), x + barW / 2, barBottom + 12);
                }
                if (count > 0) {
                    Bounds drawn = blockCount(g, count(count), x + barW / 2, barTop, barBottom - height - 3,
                            lastCount);
                    lastCount = drawn != null ? drawn : lastCount;
                }
            }
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /**
     * How many free blocks a bar stands for, above it: across when the bar
     * is wide enough, else reading upwards, inside the bar's top when there is
     * no room above it. Left out where it would touch the count of the bar
     * before ({@code previous}), as in a narrow region when
     * neighbours are about as tall: the bar's tooltip gives it. Returns where
     * it was drawn, or null.
     */
    private Bounds blockCount(GraphicsContext g, String text, double x, double barTop, double above,
                              Bounds previous) {
        g.setTextAlign(TextAlignment.CENTER);
        boolean across = width(g, text) <= barW - 5; // with a gap to the next bar's count, else upwards
        double y = Math.max(barTop + 10, above);
        double bottom = Math.max(barTop + width(g, text) + 2, above);
        Bounds box = across ? TextMetrics.bounds(text, g.getFont(), TextAlignment.CENTER, VPos.BASELINE, x, y)
                : upBounds(g, text, x, bottom);
        if (previous != null && new BoundingBox(previous.getMinX() - 1, previous.getMinY() - 1,
                previous.getWidth() + 2, previous.getHeight() + 2).intersects(box)) {
            return null;
        }
        g.setFill(!across && bottom > above ? palette.panel() : palette.text()); // inside the bar: to be read
        if (across) {
            text(g, text, x, y);
        } else {
            textUp(g, text, x, bottom);
        }
        return box;
    }

    /** Light lines at 1, 10, 100, ... blocks, labelled on the left, the same in every frame. */
    private void drawScale(GraphicsContext g, double barTop, double barBottom, double barMax, double logMax, long most,
                           double w) {
        g.setFont(small());
        g.setTextAlign(TextAlignment.RIGHT);
        double lastY = Double.MAX_VALUE;
        for (long blocks = 1; blocks <= most; blocks *= 10) {
            double y = barBottom - barMax * Math.log1p(blocks) / logMax;
            if (lastY - y < 11) {
                continue; // too close to the previous label to read
            }
            lastY = y;
            g.setFill(palette.empty());
            g.fillRect(barsX, y, w - PAD - barsX, 1);
            g.setFill(palette.muted());
            text(g, count(blocks), barsX - 3, Math.max(barTop + 4, y + 4));
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** A block count in at most four characters: 7, 512, 12k, 3M. */
    static String count(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        return n < 10_000_000 ? (n / 1000) + "k" : (n / 1_000_000) + "M";
    }

    @Override
    protected String describeAt(double x, double y) {
        if (view == null || barW <= 0) {
            return null;
        }
        BuddyView b = view.buddy();
        int order = (int) ((x - barsX) / barW);
        for (int nid = 0; nid < nodeTops.length && nid < b.nodes(); nid++) {
            if (y >= nodeTops[nid] && y < nodeTops[nid] + nodeH && order >= 0 && order < ORDERS) {
                int blocks = b.freeBlocks(nid, order);
                return String.format(Locale.ROOT, "node %d, order %d (%d pages each): %,d free block%s", nid, order,
                        1 << order, blocks, blocks == 1 ? "" : "s");
            }
        }
        return null;
    }
}
