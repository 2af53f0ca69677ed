// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.pagepool.view.FlowRates;
import org.pagepool.trace.PageMove;
import org.pagepool.trace.Place;

/**
 * The layer above the regions. Slow: each page movement is a token flying
 * from where the page was to where it went. Fast: arrows between the
 * regions whose width and label give pages per second, from the counters.
 * Mouse-transparent; FX thread only.
 */
public final class JourneyOverlay extends Region {
    /** Tokens in flight above this make new ones fly faster, so the picture keeps up. */
    private static final int CROWD = 96;

    private final Canvas canvas = new Canvas();
    private final Map<Place, CanvasRegion> regions = new EnumMap<>(Place.class);
    private final List<Token> tokens = new ArrayList<>();
    /** Tokens per page in {@link #tokens} (a page that moved twice flies twice, one flight after the other). */
    private final Map<Long, Integer> flying = new HashMap<>();
    /** The last token launched per page in flight: the next flight of that page starts where it ends. */
    private final Map<Long, Token> lastFlight = new HashMap<>();
    /** The pages the last frame drew as tokens ({@link CanvasRegion#pageKey}), for the tests. */
    private final List<Long> drawnTokens = new ArrayList<>();
    /** True when pages took off or landed since {@link #land} last said so: the regions must redraw. */
    private boolean flightsChanged;
    /** The rates the arrows show: the window's one {@link FlowRates}, updated per view by the journey. */
    private FlowRates rates;
    private final List<DrawnText> placedLabels = new ArrayList<>();
    /** The flow arrows the last frame drew, named by their flow's label, as boxes (for the tests). */
    private final List<DrawnText> arrows = new ArrayList<>();
    /** The presentation scale: arrows, lanes and labels grow with it. */
    private double scale = 1;
    private Palette palette = Palette.LIGHT;
    private boolean showFlows;
    /**
     * True when the arrows must be drawn again: new rates, or regions redrawn (their texts moved), or a new
     * size, palette or scale. Without tokens, a frame that changed none of these leaves the layer as it is.
     */
    private boolean flowsStale = true;
    /** Whether the last frame drew tokens (the next one must at least wipe them). */
    private boolean tokensLast;
    private long tokenMillis = 450;

    public JourneyOverlay() {
        setId("overlay");
        setMouseTransparent(true);
        getChildren().add(canvas);
    }

    /** Which region shows pages at {@code place}. */
    public void region(Place place, CanvasRegion region) {
        regions.put(place, region);
    }

    public void setPalette(Palette newPalette) {
        palette = newPalette;
        flowsStale = true;
    }

    /** New rates, or regions that drew again: the arrows and their labels must be placed again. */
    public void flowsChanged() {
        flowsStale = true;
    }

    /** How long a token flies (the step's animation). */
    public void setTokenMillis(long millis) {
        tokenMillis = Math.max(60, millis);
    }

    public long tokenMillis() {
        return tokenMillis;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            flowsStale = true;
        }
    }

    /** Where a moving page starts: its slot in the region's current view, or the region's centre. */
    public Point2D from(PageMove move, int order) {
        CanvasRegion from = regions.get(move.from());
        return from == null ? null : point(from, move.pool(), move.handle(), order);
    }

    /**
     * Launches a token from {@code a} to where the page is in the regions'
     * (new) views. A page already in flight flies on from where that flight
     * ends, after it: a page is in one place at a time.
     */
    public void launch(PageMove move, Point2D a, long now, int order) {
        CanvasRegion to = regions.get(move.to());
        if (a == null || to == null) {
            return;
        }
        Point2D b = point(to, move.pool(), move.handle(), order + 1);
        long duration = tokens.size() > CROWD ? tokenMillis / 3 : tokenMillis;
        long start = now + Math.min(order, 32) * 12_000_000L; // a bulk leaves as a stream, not a blob
        long page = CanvasRegion.pageKey(move.pool(), move.handle());
        Token before = lastFlight.get(page);
        double x0 = a.getX();
        double y0 = a.getY();
        if (before != null) {
            start = Math.max(start, before.end());
            x0 = before.x1;
            y0 = before.y1;
        }
        Token token = new Token(x0, y0, b.getX(), b.getY(), start, duration * 1_000_000L, palette.of(move.to()),
                "p" + Integer.toUnsignedString(move.handle()), page);
        tokens.add(token);
        flying.merge(page, 1, Integer::sum);
        lastFlight.put(page, token);
        flightsChanged = true;
    }

    /** True while the page of {@code pool}/{@code handle} is in flight here (its regions leave it out). */
    public boolean inFlight(int pool, int handle) {
        return !flying.isEmpty() && flying.containsKey(CanvasRegion.pageKey(pool, handle)); // no boxing when none
    }

    /**
     * Lands the tokens whose flight is over at {@code now}; true if pages
     * took off or landed since the last call (the regions must redraw them).
     */
    public boolean land(long now) {
        Iterator<Token> it = tokens.iterator();
        while (it.hasNext()) {
            Token t = it.next();
            if (t.done(now)) {
                it.remove();
                forget(t);
            }
        }
        boolean changed = flightsChanged;
        flightsChanged = false;
        return changed;
    }

    private void forget(Token t) {
        flying.computeIfPresent(t.page, (k, n) -> n == 1 ? null : n - 1);
        lastFlight.remove(t.page, t);
        flightsChanged = true;
    }

    /** The pages the last frame drew as tokens ({@link CanvasRegion#pageKey} values), each as often as drawn. */
    public List<Long> drawnTokens() {
        return List.copyOf(drawnTokens);
    }

    private Point2D point(CanvasRegion region, int pool, int handle, int jitter) {
        Point2D local = region.locate(pool, handle);
        if (local != null) {
            local = local.multiply(region.scale()); // drawing units to pixels
        }
        if (local == null) {
            Point2D c = region.centre();
            double angle = jitter * 2.4;
            local = new Point2D(c.getX() + 10 * scale * Math.cos(angle), c.getY() + 10 * scale * Math.sin(angle));
        }
        Point2D scene = region.localToScene(local);
        return sceneToLocal(scene);
    }

    /** True while tokens are flying: the step's animation has not finished. */
    public boolean animating(long now) {
        for (Token t : tokens) {
            if (!t.done(now)) {
                return true;
            }
        }
        return false;
    }

    public int tokensInFlight() {
        return tokens.size();
    }

    /** Fast mode: flows instead of tokens. */
    public void setShowFlows(boolean on) {
        flowsStale |= on != showFlows;
        showFlows = on;
        if (on && !tokens.isEmpty()) {
            tokens.clear();
            flying.clear();
            lastFlight.clear();
            flightsChanged = true;
        }
    }

    /** Whether the last frame drew anything (then the next one must clear it). */
    private boolean drewLast = true;

    /** The rates the arrows show. */
    public void setRates(FlowRates flowRates) {
        rates = flowRates;
        flowsStale = true;
    }

    /** The presentation scale (1 = 100 %). */
    public void setScale(double newScale) {
        flowsStale |= newScale != scale;
        scale = newScale;
    }

    /** Draws the current frame. */
    public void draw(long now) {
        boolean drawing = showFlows || !tokens.isEmpty();
        if (!drawing && !drewLast) {
            return; // nothing on the canvas and nothing to put there: leave it alone
        }
        if (tokens.isEmpty() && !tokensLast && drewLast && !flowsStale) {
            return; // the same arrows as last frame: the renderer need not paint the journey again
        }
        flowsStale = false;
        tokensLast = !tokens.isEmpty();
        drewLast = drawing;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        placedLabels.clear();
        arrows.clear();
        if (showFlows) {
            drawFlows(g);
        }
        drawnTokens.clear();
        Set<Long> drawnPages = new HashSet<>();
        Iterator<Token> it = tokens.iterator();
        g.setFont(Font.font(10 * scale));
        while (it.hasNext()) {
            Token t = it.next();
            if (t.done(now)) {
                it.remove();
                forget(t);
                continue;
            }
            if (!drawnPages.add(t.page)) {
                continue; // the page's next flight: it starts where this one ends
            }
            drawnTokens.add(t.page);
            double p = t.progress(now); // 0 until it leaves: a page of a bulk waits where it was
            double x = t.x0 + (t.x1 - t.x0) * p;
            double y = t.y0 + (t.y1 - t.y0) * p - Math.sin(p * Math.PI) * 24 * scale; // a small arc
            double r = 6 * scale;
            g.setFill(t.color);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(palette.text());
            g.setLineWidth(palette.lineWidth() * scale);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            if (tokens.size() <= 8) {
                g.setFill(palette.text());
                g.fillText(t.label, x + r + 2, y - r);
            }
        }
    }

    private void drawFlows(GraphicsContext g) {
        List<Bounds> taken = new ArrayList<>();
        for (CanvasRegion region : new LinkedHashSet<>(regions.values())) { // a region serves several places
            for (DrawnText text : region.drawnTexts()) {
                taken.add(sceneToLocal(region.localToScene(text.bounds())));
            }
        }
        List<Runnable> labels = new ArrayList<>();
        for (Flow flow : Flow.values()) {
            double rate = rates == null ? Double.NaN : rates.rate(flow.path);
            CanvasRegion from = regions.get(flow.from);
            CanvasRegion to = regions.get(flow.to);
            if (!(rate > 0) || from == null || to == null) {
                continue; // no number yet, or nothing moves this way
            }
            labels.add(arrow(g, from, to, rate, flow, taken));
        }
        labels.forEach(Runnable::run); // labels over every arrow
    }

    /** Draws the arrow of one flow; returns how to draw its label where it covers no text. */
    private Runnable arrow(GraphicsContext g, CanvasRegion from, CanvasRegion to, double rate, Flow flow,
                           List<Bounds> taken) {
        Bounds a = sceneToLocal(from.localToScene(from.getBoundsInLocal()));
        Bounds b = sceneToLocal(to.localToScene(to.getBoundsInLocal()));
        double lane = flow.lane * 16 * scale;
        double inset = 20 * scale; // into each region, so that a short arrow between neighbours shows
        double ax;
        double ay;
        double bx;
        double by;
        double overlapX = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double overlapTop = Math.max(a.getMinY(), b.getMinY());
        double overlapY = Math.min(a.getMaxY(), b.getMaxY()) - overlapTop;
        double width = FlowArrow.width(rate, scale);
        if (overlapY > 40) { // side by side: across at the same height
            boolean rightwards = a.getCenterX() < b.getCenterX();
            double[] run = clearRun(overlapTop, overlapY, overlapY * 0.35 + lane, width, taken, false,
                    rightwards ? a.getMaxX() : a.getMinX(), rightwards ? b.getMinX() : b.getMaxX(), inset);
            ay = run[0];
            by = ay;
            ax = run[1];
            bx = run[2];
        } else if (overlapX > 40) { // one above the other: straight up or down where they overlap
            boolean downwards = a.getCenterY() < b.getCenterY();
            double[] run = clearRun(Math.max(a.getMinX(), b.getMinX()), overlapX, overlapX / 2 + lane, width, taken,
                    true, downwards ? a.getMaxY() : a.getMinY(), downwards ? b.getMinY() : b.getMaxY(), inset);
            ax = run[0];
            bx = ax;
            ay = run[1];
            by = run[2];
        } else {
            ax = a.getCenterX();
            ay = a.getCenterY() + lane;
            bx = b.getCenterX();
            by = b.getCenterY() + lane;
        }
        double across = width / 2 + scale; // the outline's half width; lengthwise it ends where the arrow does
        boolean upright = ax == bx;
        Bounds drawn = new BoundingBox(Math.min(ax, bx) - (upright ? across : scale),
                Math.min(ay, by) - (upright ? scale : across), Math.abs(bx - ax) + 2 * (upright ? across : scale),
                Math.abs(by - ay) + 2 * (upright ? scale : across));
        if (upright || ay == by) { // a slanted one (regions neither side by side nor one above the other) has no box
            arrows.add(new DrawnText(flow.label, drawn));
            taken.add(drawn); // the next arrows and every label keep off it
        }
        FlowArrow.draw(g, ax, ay, bx, by, width, palette.of(flow.to == Place.DRIVER ? Place.RX_DESCRIPTOR : flow.to),
                palette.text().deriveColor(0, 1, 1, 0.6), scale);
        String text = flow.label + " " + human(rate) + "/s";
        double mx = (ax + bx) / 2;
        double my = (ay + by) / 2;
        return () -> label(g, text, mx, my, width, taken);
    }

    /**
     * Where a straight arrow between two regions crosses no region's text:
     * across the span {@code from}..{@code from + span} that both regions
     * share (x for an arrow up or down, y for one sideways), the place
     * nearest {@code preferred} (from {@code from}), and as far into the
     * regions as {@code inset} when that covers no text, else less far (a
     * region's first or last line of text is often right at its edge). The
     * preferred place as far in as {@code inset} when nowhere is clear.
     * Returns {place, start, end}; the arrow runs from {@code edgeA} into
     * the other region at {@code edgeB}.
     */
    private double[] clearRun(double from, double span, double preferred, double width, List<Bounds> taken,
                              boolean vertical, double edgeA, double edgeB, double inset) {
        double dir = Math.signum(edgeB - edgeA);
        double margin = width / 2 + 4 * scale;
        double step = 4 * scale;
        for (double in : new double[] {inset, inset / 2, 4 * scale, 0}) {
            double start = edgeA - dir * in;
            double end = edgeB + dir * in;
            double lo = Math.min(start, end) - scale;
            double length = Math.abs(end - start) + 2 * scale; // the outline reaches past the ends
            for (int k = 0; k < 2 * span / step; k++) {
                double at = preferred + (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * step;
                if (at < margin || at > span - margin) {
                    continue;
                }
                double place = from + at;
                Bounds box = vertical ? new BoundingBox(place - margin, lo, 2 * margin, length)
                        : new BoundingBox(lo, place - margin, length, 2 * margin);
                if (clear(box, taken)) {
                    return new double[] {place, start, end};
                }
            }
        }
        return new double[] {from + preferred, edgeA - dir * inset, edgeB + dir * inset};
    }

    /**
     * Puts a flow's label near its arrow's middle, in the first place that
     * covers no region's text and no other label and stays in the window;
     * where there is none, the arrow goes without.
     */
    private void label(GraphicsContext g, String text, double mx, double my, double lineWidth, List<Bounds> taken) {
        Font font = Font.font(11 * scale);
        Bounds size = TextMetrics.bounds(text, font, TextAlignment.LEFT, VPos.TOP, 0, 0);
        double w = size.getWidth() + 6 * scale;
        double h = size.getHeight() + 2 * scale;
        double step = h + 2 * scale;
        Bounds place = null;
        for (int k = 0; k < 13 && place == null; k++) {
            double dy = (k % 2 == 0 ? -1 : 1) * ((k + 1) / 2) * step; // above the line first, then below, further out
            double y = k == 0 ? my - lineWidth / 2 - h - 2 * scale : my + lineWidth / 2 + 2 * scale + dy;
            for (double shift : new double[] {0, -0.5, 0.5}) {
                Bounds box = new BoundingBox(mx - w / 2 + shift * w, y, w, h);
                if (clear(box, taken)) {
                    place = box;
                    break;
                }
            }
        }
        if (place == null) {
            return;
        }
        taken.add(place);
        placedLabels.add(new DrawnText(text, place));
        g.setFill(palette.panel().deriveColor(0, 1, 1, 0.85));
        g.fillRoundRect(place.getMinX(), place.getMinY(), place.getWidth(), place.getHeight(), 6 * scale, 6 * scale);
        g.setFill(palette.text());
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, place.getMinX() + 3 * scale, place.getMinY() + scale);
        g.setTextBaseline(VPos.BASELINE);
    }

    private boolean clear(Bounds box, List<Bounds> taken) {
        if (box.getMinX() < 0 || box.getMinY() < 0 || box.getMaxX() > getWidth() || box.getMaxY() > getHeight()) {
            return false;
        }
        for (Bounds t : taken) {
            if (t.intersects(box)) {
                return false;
            }
        }
        return true;
    }

    /** The flow arrows the last frame drew, in this layer's coordinates (for the tests). */
    public List<DrawnText> flowArrows() {
        return List.copyOf(arrows);
    }

    /** The flow labels the last frame drew, in this layer's coordinates (for the tests). */
    public List<DrawnText> flowLabels() {
        return List.copyOf(placedLabels);
    }

    static String human(double rate) {
        if (rate >= 999_950) { // not "1000.0k"
            return String.format(Locale.ROOT, "%.1fM", rate / 1e6);
        }
        if (rate >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", rate / 1e6);
        }
        if (rate >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", rate / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", rate);
    }

    /** The arrows: which path of {@link FlowRates} each draws, between which regions. */
    enum Flow {
        ALLOC(FlowRates.Path.FROM_ALLOCATOR, Place.BUDDY, Place.ALLOC_CACHE, "alloc", 0),
        TO_NIC(FlowRates.Path.HANDED_OUT, Place.ALLOC_CACHE, Place.DRIVER, "to NIC", 0),
        RECYCLE(FlowRates.Path.RECYCLED_DIRECT, Place.DRIVER, Place.ALLOC_CACHE, "recycle", 1),
        INTO_RING(FlowRates.Path.INTO_RING, Place.SKB, Place.PTR_RING, "into ring", 0),
        REFILL(FlowRates.Path.RING_TO_CACHE, Place.PTR_RING, Place.ALLOC_CACHE, "refill", 2),
        RELEASED(FlowRates.Path.RELEASED, Place.PTR_RING, Place.BUDDY, "released", 1),
        TO_STACK(FlowRates.Path.TO_STACK, Place.DRIVER, Place.SKB, "pass/redirect", 0);

        final FlowRates.Path path;
        final Place from;
        final Place to;
        final String label;
        final int lane;

        Flow(FlowRates.Path path, Place from, Place to, String label, int lane) {
            this.path = path;
            this.from = from;
            this.to = to;
            this.label = label;
            this.lane = lane;
        }
    }
}
