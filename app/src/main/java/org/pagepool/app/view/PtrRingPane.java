// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
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
    /** The ticks and leader lines the last redraw drew, in drawing units (see {@link #markLines()}). */
    private final List<double[]> markLines = new ArrayList<>();
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
        Font staleFont = label();
        // inside the ring where they fit, else at the bottom, away from the ring and the indexes' labels
        // under it (a narrow region, a ring of thousands of slots)
        double countY = cy - 4;
        double staleY = countY + 18;
        double bottom = footerTop - 26;
        if (Math.max(TextMetrics.width(count, countFont), TextMetrics.width(stale, staleFont)) > 2 * inner - 4) {
            if (bottom > cy + outer + 3 * labelH + 24) {
                countY = bottom;
                staleY = countY + 18;
            } else {
                // a small ring with no room under it: short forms in the small type, the shortest that fit
                // inside it (the entries alone, no stale count, when nothing else does: the tooltip has them)
                countFont = Font.font(null, FontWeight.BOLD, small().getSize());
                staleFont = small();
                double room = 2 * inner - 4;
                String shortCount = pool.ringCount() + "/" + size;
                count = TextMetrics.width(shortCount, countFont) <= room ? shortCount
                        : String.valueOf(pool.ringCount());
                stale = TextMetrics.width("stale " + pool.stale(), staleFont) <= room ? "stale " + pool.stale() : "";
                staleY = countY + labelH;
            }
        }
        g.setFill(palette.text());
        g.setFont(countFont);
        text(g, count, cx, countY);
        if (!stale.isEmpty()) {
            g.setFont(staleFont);
            g.setFill(palette.muted());
            text(g, stale, cx, staleY);
        }
        g.setTextAlign(TextAlignment.LEFT);
        // indexes that coincide share one tick and one label
        labelsBottom = footerTop;
        markLines.clear();
        int p = pool.producer();
        int head = pool.consumerHead();
        int tail = pool.consumerTail();
        List<Mark> marks = new ArrayList<>(3);
        marks.add(new Mark(p, p == head && p == tail ? "producer = head = tail" : p == head ? "producer = head"
                : p == tail ? "producer = tail" : "producer", palette.accent(), 0));
        if (head != p) {
            marks.add(new Mark(head, head == tail ? "head = tail" : "consumer_head", palette.cache(), 1));
        }
        if (tail != p && tail != head) {
            marks.add(new Mark(tail, "consumer_tail", palette.muted(), 2));
        }
        markers(g, marks, size);
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

    /** An index on the circle: its slot, its label, its colour, and its lane (how far out its tick reaches). */
    private record Mark(int index, String name, Color color, int lane) {
    }

    /**
     * The indexes' ticks, then their labels. Marks whose labels would meet
     * (indexes a few slots apart) get one block of labels, one under the
     * other, beyond the block's outermost tick: a label at its own tick
     * would have the longer ticks of the others through it, and one moved
     * away a leader line through the others.
     */
    private void markers(GraphicsContext g, List<Mark> marks, int size) {
        g.setFont(small());
        double lineH = Math.ceil(small().getSize() * 1.3);
        List<Point2D> ends = new ArrayList<>(marks.size());
        for (Mark mark : marks) {
            ends.add(tick(g, mark, size));
        }
        boolean[] placed = new boolean[marks.size()];
        for (int i = 0; i < marks.size(); i++) {
            if (placed[i]) {
                continue;
            }
            List<Integer> block = new ArrayList<>(List.of(i));
            placed[i] = true;
            for (int grew = 1; grew > 0; ) { // every mark near any of the block's joins it
                grew = 0;
                for (int j = 0; j < marks.size(); j++) {
                    if (!placed[j] && near(g, marks, ends, block, j, lineH)) {
                        block.add(j);
                        placed[j] = true;
                        grew++;
                    }
                }
            }
            block.sort(null); // lane order: the producer's row first, the outermost tick last
            labels(g, marks, ends, block, lineH);
        }
    }

    /** The tick of {@code mark}, outside the circle; returns its outer end. */
    private Point2D tick(GraphicsContext g, Mark mark, int size) {
        double angle = Math.toRadians(90 - (mark.index() + 0.5) * 360.0 / size);
        double r0 = outer + 2;
        double r1 = outer + 9 + mark.lane() * 6;
        double x1 = cx + r1 * Math.cos(angle);
        double y1 = cy - r1 * Math.sin(angle);
        g.setStroke(mark.color());
        g.setLineWidth(2 * palette.lineWidth());
        line(g, cx + r0 * Math.cos(angle), cy - r0 * Math.sin(angle), x1, y1);
        return new Point2D(x1, y1);
    }

    /** Whether mark j's label, at its own tick, would come near the label of one of {@code block}'s. */
    private static boolean near(GraphicsContext g, List<Mark> marks, List<Point2D> ends, List<Integer> block, int j,
            double lineH) {
        for (int i : block) {
            double dx = Math.abs(ends.get(i).getX() - ends.get(j).getX());
            double dy = Math.abs(ends.get(i).getY() - ends.get(j).getY());
            double widths = (width(g, marks.get(i).name()) + width(g, marks.get(j).name())) / 2;
            if (dx < widths + 8 && dy < 2 * lineH) {
                return true;
            }
        }
        return false;
    }

    /**
     * The labels of one block of marks (lane order, the producer's first),
     * one under the other beyond the outermost tick: above or below the
     * circle centred on the ticks, at its sides beside them. Moved as one
     * when they would cover other text or a tick, with one leader line from
     * the outermost tick to the nearest row.
     */
    private void labels(GraphicsContext g, List<Mark> marks, List<Point2D> ends, List<Integer> block, double lineH) {
        double w = drawnWidth;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i : block) {
            Point2D end = ends.get(i);
            minX = Math.min(minX, end.getX());
            maxX = Math.max(maxX, end.getX());
            minY = Math.min(minY, end.getY());
            maxY = Math.max(maxY, end.getY());
        }
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        boolean centred = Math.abs(midX - cx) < outer * 0.35; // near the top or the bottom of the circle
        boolean right = midX >= cx;
        int rows = block.size();
        String[] shown = new String[rows];
        double[] baselines = new double[rows];
        Bounds[] boxes = new Bounds[rows];
        for (int r = 0; r < rows; r++) {
            String name = marks.get(block.get(r)).name();
            double x;
            double y;
            if (centred) {
                shown[r] = fitting(g, w - 2 * PAD, name, shortName(name));
                x = midX - width(g, shown[r]) / 2;
                y = midY < cy ? minY - 4 - r * lineH : maxY + lineH + r * lineH;
            } else {
                // at the side: the kernel's name where there is room, else its short form
                double room = right ? w - PAD - maxX - 3 : minX - 3 - PAD;
                shown[r] = fitting(g, room, name, shortName(name));
                x = right ? maxX + 3 : minX - 3 - width(g, shown[r]);
                y = midY + 4 + (r - (rows - 1) / 2.0) * lineH;
            }
            x = Math.max(PAD, Math.min(w - PAD - width(g, shown[r]), x)); // never past the region's edges
            baselines[r] = y;
            boxes[r] = TextMetrics.bounds(shown[r], g.getFont(), TextAlignment.LEFT, VPos.BASELINE, x, y);
        }
        Point2D from = ends.get(block.get(rows - 1)); // the outermost tick
        double shift = freeShift(boxes, from, midY < cy ? -1 : 1);
        double[] leader = Math.abs(shift) > 1 ? leader(boxes, shift, from) : null; // unmoved: no leader
        if (leader != null && leaderFree(leader, boxes, shift, from)) {
            // one line for the block's labels, in its colour if it has one index, else neutral; a block moved
            // where no leader reaches it cleanly goes without (its colours name its ticks)
            g.setStroke(rows == 1 ? marks.get(block.get(0)).color() : palette.muted());
            g.setLineWidth(palette.lineWidth());
            line(g, leader[0], leader[1], leader[2], leader[3]);
        }
        for (int r = 0; r < rows; r++) {
            g.setFill(marks.get(block.get(r)).color());
            text(g, shown[r], boxes[r].getMinX(), baselines[r] + shift);
        }
    }

    /**
     * How far to move a block of labels up or down so that no row covers
     * text drawn so far, a tick or the ring, inside the region above its
     * footer, and its leader line passes through no text, tick or the
     * ring: the nearest such shift, tried first in {@code direction} (away
     * from the circle's middle); else the nearest whose rows alone are
     * free; else 0.
     */
    private double freeShift(Bounds[] boxes, Point2D from, int direction) {
        double step = Math.ceil(small().getSize() * 0.5);
        int steps = (int) Math.ceil(labelsBottom / step);
        double rowsOnly = Double.NaN; // the nearest shift whose rows are free, whatever its leader crosses
        for (int k = 0; k <= steps; k++) {
            for (int sign : new int[] {direction, -direction}) {
                double shift = sign * k * step;
                if (rowsFree(boxes, shift)) {
                    if (k == 0 || leaderFree(leader(boxes, shift, from), boxes, shift, from)) {
                        return shift;
                    }
                    rowsOnly = Double.isNaN(rowsOnly) ? shift : rowsOnly;
                }
            }
        }
        return Double.isNaN(rowsOnly) ? 0 : rowsOnly;
    }

    private boolean rowsFree(Bounds[] boxes, double shift) {
        for (Bounds b : boxes) {
            Bounds box = moved(b, shift);
            if (box.getMinY() < 0 || box.getMaxY() > labelsBottom || coversText(box) || onRing(box)
                    || onLine(box)) {
                return false;
            }
        }
        return true;
    }

    private static Bounds moved(Bounds b, double shift) {
        return new BoundingBox(b.getMinX(), b.getMinY() + shift, b.getWidth(), b.getHeight());
    }

    /** The leader from a block's outermost tick to the nearest point of its nearest row, moved by {@code shift}. */
    private static double[] leader(Bounds[] boxes, double shift, Point2D from) {
        double[] best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Bounds b : boxes) {
            Bounds box = moved(b, shift);
            double x = Math.max(box.getMinX(), Math.min(box.getMaxX(), from.getX()));
            double y = Math.max(box.getMinY(), Math.min(box.getMaxY(), from.getY()));
            double distance = Math.hypot(x - from.getX(), y - from.getY());
            if (distance < bestDistance) {
                bestDistance = distance;
                // a little off the row's edge, on the tick's side
                if (from.getX() < box.getMinX() || from.getX() > box.getMaxX()) {
                    x += from.getX() < box.getMinX() ? -2 : 2;
                } else {
                    y += from.getY() < box.getMinY() ? -1 : 1;
                }
                best = new double[] {from.getX(), from.getY(), x, y};
            }
        }
        return best;
    }

    /**
     * Whether the leader passes through no text drawn so far, none of its
     * own block's rows, not the ring and no tick but the one it starts from.
     */
    private boolean leaderFree(double[] l, Bounds[] boxes, double shift, Point2D from) {
        int points = pointsAlong(l);
        for (int i = 1; i <= points; i++) { // from the tick's end on
            double x = l[0] + (l[2] - l[0]) * i / points;
            double y = l[1] + (l[3] - l[1]) * i / points;
            if (coversText(new BoundingBox(x, y, 0, 0)) || Math.hypot(x - cx, y - cy) < outer + 1
                    || onOtherLine(x, y, from)) {
                return false;
            }
            for (Bounds b : boxes) {
                if (moved(b, shift).contains(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether (x, y) lies within a line's width of a tick or leader drawn so far but one ending at {@code from}. */
    private boolean onOtherLine(double x, double y, Point2D from) {
        for (double[] l : markLines) {
            if (l[2] == from.getX() && l[3] == from.getY()) {
                continue;
            }
            double dx = l[2] - l[0];
            double dy = l[3] - l[1];
            double t = dx == 0 && dy == 0 ? 0 : ((x - l[0]) * dx + (y - l[1]) * dy) / (dx * dx + dy * dy);
            t = Math.max(0, Math.min(1, t));
            if (Math.hypot(x - (l[0] + t * dx), y - (l[1] + t * dy)) < 1.5) {
                return true;
            }
        }
        return false;
    }

    /** Points half a unit apart along a segment: enough to find any text it passes through. */
    private static int pointsAlong(double[] l) {
        return Math.max(2, (int) Math.ceil(2 * Math.hypot(l[2] - l[0], l[3] - l[1])));
    }

    /** Whether a tick or leader line drawn so far passes through {@code box}. */
    private boolean onLine(Bounds box) {
        for (double[] l : markLines) {
            int points = pointsAlong(l);
            for (int i = 0; i <= points; i++) {
                if (box.contains(l[0] + (l[2] - l[0]) * i / points, l[1] + (l[3] - l[1]) * i / points)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Strokes a tick or a leader line and remembers it (see {@link #markLines}). */
    private void line(GraphicsContext g, double x0, double y0, double x1, double y1) {
        g.strokeLine(x0, y0, x1, y1);
        markLines.add(new double[] {x0, y0, x1, y1});
    }

    /** The indexes' ticks and leader lines the last redraw drew, in the canvas's pixels: x0, y0, x1, y1. */
    List<double[]> markLines() {
        List<double[]> inPixels = new ArrayList<>(markLines.size());
        for (double[] l : markLines) {
            inPixels.add(new double[] {l[0] * scale(), l[1] * scale(), l[2] * scale(), l[3] * scale()});
        }
        return inPixels;
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
