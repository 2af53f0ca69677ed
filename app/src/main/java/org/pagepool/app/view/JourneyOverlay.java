// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.pagepool.run.ModelView;
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
    private final FlowRates flows = new FlowRates();
    private Palette palette = Palette.LIGHT;
    private boolean showFlows;
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
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    /** Where a moving page starts: its slot in the region's current view, or the region's centre. */
    public Point2D from(PageMove move, int order) {
        CanvasRegion from = regions.get(move.from());
        return from == null ? null : point(from, move.pool(), move.handle(), order);
    }

    /** Launches a token from {@code a} to where the page is in the regions' (new) views. */
    public void launch(PageMove move, Point2D a, long now, int order) {
        CanvasRegion to = regions.get(move.to());
        if (a == null || to == null) {
            return;
        }
        Point2D b = point(to, move.pool(), move.handle(), order + 1);
        long duration = tokens.size() > CROWD ? tokenMillis / 3 : tokenMillis;
        long start = now + Math.min(order, 32) * 12_000_000L; // a bulk leaves as a stream, not a blob
        tokens.add(new Token(a.getX(), a.getY(), b.getX(), b.getY(), start, duration * 1_000_000L,
                palette.of(move.to()), "p" + Integer.toUnsignedString(move.handle())));
    }

    private Point2D point(CanvasRegion region, int pool, int handle, int jitter) {
        Point2D local = region.locate(pool, handle);
        if (local == null) {
            Point2D c = region.centre();
            double angle = jitter * 2.4;
            local = new Point2D(c.getX() + 10 * Math.cos(angle), c.getY() + 10 * Math.sin(angle));
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
        showFlows = on;
        if (on) {
            tokens.clear();
        }
    }

    /** Whether the last frame drew anything (then the next one must clear it). */
    private boolean drewLast = true;

    /** A new view to compute flows from. */
    public void view(ModelView view) {
        flows.update(view);
    }

    /** Draws the current frame. */
    public void draw(long now) {
        boolean drawing = showFlows || !tokens.isEmpty();
        if (!drawing && !drewLast) {
            return; // nothing on the canvas and nothing to put there: leave it alone
        }
        drewLast = drawing;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (showFlows) {
            drawFlows(g);
        }
        Iterator<Token> it = tokens.iterator();
        g.setFont(Font.font(10));
        while (it.hasNext()) {
            Token t = it.next();
            if (t.done(now)) {
                it.remove();
                continue;
            }
            if (now < t.start) {
                continue;
            }
            double p = t.progress(now);
            double x = t.x0 + (t.x1 - t.x0) * p;
            double y = t.y0 + (t.y1 - t.y0) * p - Math.sin(p * Math.PI) * 24; // a small arc
            double r = 6;
            g.setFill(t.color);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(palette.text());
            g.setLineWidth(palette.lineWidth());
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            if (tokens.size() <= 8) {
                g.setFill(palette.text());
                g.fillText(t.label, x + r + 2, y - r);
            }
        }
    }

    private void drawFlows(GraphicsContext g) {
        for (FlowRates.Path path : FlowRates.Path.values()) {
            double rate = flows.rate(path);
            CanvasRegion from = regions.get(path.from);
            CanvasRegion to = regions.get(path.to);
            if (rate <= 0 || from == null || to == null) {
                continue;
            }
            arrow(g, from, to, rate, path);
        }
    }

    private void arrow(GraphicsContext g, CanvasRegion from, CanvasRegion to, double rate, FlowRates.Path path) {
        Bounds a = sceneToLocal(from.localToScene(from.getBoundsInLocal()));
        Bounds b = sceneToLocal(to.localToScene(to.getBoundsInLocal()));
        double lane = path.lane * 14;
        double ax = a.getCenterX() < b.getCenterX() ? a.getMaxX() - 4 : a.getMinX() + 4;
        double bx = a.getCenterX() < b.getCenterX() ? b.getMinX() + 4 : b.getMaxX() - 4;
        double ay = a.getMinY() + 36 + lane;
        double by = b.getMinY() + 36 + lane;
        if (Math.abs(a.getCenterX() - b.getCenterX()) < 20) { // one above the other
            ax = a.getCenterX() + lane;
            bx = b.getCenterX() + lane;
            ay = a.getCenterY() < b.getCenterY() ? a.getMaxY() - 4 : a.getMinY() + 4;
            by = a.getCenterY() < b.getCenterY() ? b.getMinY() + 4 : b.getMaxY() - 4;
        }
        double width = Math.max(1.5, Math.min(14, Math.log10(1 + rate) * 2));
        Color color = palette.of(path.to == Place.DRIVER ? Place.RX_DESCRIPTOR : path.to);
        g.setStroke(color.deriveColor(0, 1, 1, 0.75));
        g.setLineWidth(width);
        g.strokeLine(ax, ay, bx, by);
        double angle = Math.atan2(by - ay, bx - ax);
        double head = 6 + width;
        g.setFill(color);
        g.fillPolygon(new double[] {bx, bx - head * Math.cos(angle - 0.5), bx - head * Math.cos(angle + 0.5)},
                new double[] {by, by - head * Math.sin(angle - 0.5), by - head * Math.sin(angle + 0.5)}, 3);
        g.setFill(palette.text());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(path.label + " " + human(rate) + "/s", (ax + bx) / 2, (ay + by) / 2 - width / 2 - 3);
        g.setTextAlign(TextAlignment.LEFT);
    }

    static String human(double rate) {
        if (rate >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", rate / 1e6);
        }
        if (rate >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", rate / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", rate);
    }

    /** Pages per simulated second along each path, from the counters of successive views. */
    static final class FlowRates {
        enum Path {
            ALLOCATOR_TO_CACHE(Place.BUDDY, Place.ALLOC_CACHE, "alloc", 0),
            CACHE_TO_DEVICE(Place.ALLOC_CACHE, Place.DRIVER, "to NIC", 0),
            DEVICE_TO_CACHE(Place.DRIVER, Place.ALLOC_CACHE, "recycle", 1),
            TO_RING(Place.SKB, Place.PTR_RING, "into ring", 0),
            RING_TO_CACHE(Place.PTR_RING, Place.ALLOC_CACHE, "refill", 2),
            POOL_TO_ALLOCATOR(Place.PTR_RING, Place.BUDDY, "released", 1),
            DEVICE_TO_SOCKETS(Place.DRIVER, Place.SKB, "pass/redirect", 2);

            final Place from;
            final Place to;
            final String label;
            final int lane;

            Path(Place from, Place to, String label, int lane) {
                this.from = from;
                this.to = to;
                this.label = label;
                this.lane = lane;
            }
        }

        private final double[] rates = new double[Path.values().length];
        private long[] last;
        private long lastTime = -1;

        void update(ModelView view) {
            long[] now = totals(view);
            if (last != null && view.timeNs() > lastTime) {
                double seconds = (view.timeNs() - lastTime) / 1e9;
                for (int i = 0; i < rates.length; i++) {
                    double r = Math.max(0, (now[i] - last[i]) / seconds);
                    rates[i] = rates[i] == 0 ? r : rates[i] * 0.7 + r * 0.3;
                }
            } else if (last != null && view.timeNs() < lastTime) {
                java.util.Arrays.fill(rates, 0); // went back in time
            }
            last = now;
            lastTime = view.timeNs();
        }

        double rate(Path path) {
            return rates[path.ordinal()];
        }

        private static long[] totals(ModelView view) {
            org.pagepool.run.PoolTotals t = org.pagepool.run.PoolTotals.of(view);
            var s = t.stats();
            long allocs = s.fast() + s.slow() + s.slowHighOrder() + s.refill();
            long passed = view.nic() == null ? 0 : view.nic().pass() + view.nic().redirect();
            return new long[] {t.hold(), allocs, s.cached(), s.ring(), s.ring() - t.inRing(), t.release(), passed};
        }
    }
}
