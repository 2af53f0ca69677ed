// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.util.Duration;
import org.pagepool.capture.Capture;
import org.pagepool.capture.PoolCounter;
import org.pagepool.capture.PoolFindings;
import org.pagepool.capture.Rates;
import org.pagepool.capture.Show;

/**
 * A capture's pools as small multiples, laid out like the simulation's queue
 * tiles ({@link TileGrid}, the same red corner and focus frame): per pool its
 * name, interface and NAPI, its pages in flight over the capture, the rates
 * its sources give, and whether it leaked or its shutdown stalled. What no
 * real machine shows, the contents of the cache and the ring, is said, not
 * drawn ({@link #NOT_OBSERVABLE}). A click focuses a pool. FX thread only.
 */
public final class CaptureTilesPane extends CanvasStrip {
    /** What each tile says in place of the cache and ring bars a simulated queue's tile draws. */
    static final String NOT_OBSERVABLE = "cache, ring: not observable";
    private static final double MIN_W = 180;
    private static final double HEAD = 64;
    private static final double SPARK = 26;
    private static final double LINE = 13;
    private static final Font TEXT = Font.font(11);
    private static final Font NAME = Font.font(null, FontWeight.BOLD, 11.5);
    private final CornerMark mark = new CornerMark();
    private List<CapturedPool> pools = List.of();
    /** The capture's length: every tile's line spans it, as the chart below does. */
    private long lengthNs;
    private int focus = -1;
    private TileGrid grid;
    private Palette palette = Palette.LIGHT;
    private IntConsumer onFocus = p -> { };
    private final Tooltip tooltip = new Tooltip();
    private int described = -1;

    public CaptureTilesPane() {
        super("captureTiles");
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        Tooltip.install(canvas, tooltip);
        // a narrow tile cuts its lines: the whole of them under the mouse
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int p = grid == null ? -1 : grid.at(e.getX(), e.getY());
            if (p != described) {
                described = p;
                tooltip.setText(p < 0 ? "" : describe(pools.get(p)));
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && grid != null) {
                int p = grid.at(e.getX(), e.getY());
                if (p >= 0) {
                    onFocus.accept(p);
                }
            }
        });
    }

    void setOnFocus(IntConsumer handler) {
        onFocus = handler;
    }

    void setPalette(Palette p) {
        palette = p;
        draw();
    }

    /** Shows {@code shown}'s tiles, pool {@code focused} framed; their lines span the capture's {@code lengthNs}. */
    void show(List<CapturedPool> shown, int focused, long lengthNs) {
        if (shown != pools) {
            described = -1;
        }
        pools = shown;
        this.lengthNs = lengthNs;
        focus = focused;
        draw();
    }

    /** The grid as last drawn (null before a capture), for tests and for finding a tile. */
    public TileGrid grid() {
        return grid;
    }

    /** The centre of pool {@code p}'s tile, in the pane's coordinates, or null. */
    public Point2D tileCentre(int p) {
        return grid == null || p < 0 || p >= grid.count() ? null
                : new Point2D(grid.left(p) + grid.tileW() / 2, grid.top(p) + grid.tileH() / 2);
    }

    @Override
    protected void draw() {
        int lines = 0;
        for (CapturedPool p : pools) {
            lines = Math.max(lines, lines(p).size());
        }
        double tileH = HEAD + lines * LINE + 6;
        grid = pools.isEmpty() ? null : TileGrid.columns(pools.size(), 0, 0, canvas.getWidth(), MIN_W, tileH);
        double h = grid == null ? 0 : grid.height();
        clearTo(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int p = 0; p < pools.size(); p++) {
            tile(g, p, grid.left(p), grid.top(p), grid.tileW(), grid.tileH(), p == focus);
        }
    }

    private void tile(GraphicsContext g, int index, double x, double y, double tw, double th, boolean focused) {
        CapturedPool pool = pools.get(index);
        g.setFill(palette.empty());
        g.fillRect(x, y, tw, th);
        double room = tw - 14;
        double left = x + 6;
        g.setFill(lineColour(index)); // its line's colour in the chart below
        g.fillRect(left, y + 6, 8, 8);
        g.setFont(NAME);
        g.setFill(palette.text());
        g.fillText(clip(pool.label(), NAME, room - 12), left + 12, y + 14);
        g.setFont(TEXT);
        g.setFill(palette.muted());
        g.fillText(clip(pool.identity(), TEXT, room), left, y + 28);
        sparkline(g, pool, lineColour(index), left, y + 33, room, SPARK);
        double line = y + HEAD;
        List<String> lines = lines(pool);
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            g.setFill(!last ? palette.text() : pool.troubled() ? palette.warning() : palette.muted());
            g.fillText(clip(lines.get(i), TEXT, room), left, line + LINE * (i + 1) - 3);
        }
        if (focused) {
            CornerMark.frame(g, x, y, tw, th, palette);
        }
        if (pool.troubled()) { // over the frame, whose thick contrast line covered all but a speck of it
            mark.corner(g, x, y, tw, th, palette.warning());
        }
    }

    /**
     * What a tile says below its line: inflight, the trace's rates, the
     * statistics' rates, that the cache and ring are not observable, and
     * last its state.
     */
    static List<String> lines(CapturedPool pool) {
        List<String> lines = new ArrayList<>();
        lines.add(inflightText(pool));
        if (!Double.isNaN(pool.holdRate())) {
            lines.add("held " + Show.rate(pool.holdRate()) + ", released " + Show.rate(pool.releaseRate()));
        }
        Rates r = pool.stats();
        if (r != null && r.timed()) {
            lines.add("alloc fast " + Show.rate(r.perSecond(PoolCounter.FAST)) + ", slow "
                    + Show.rate(r.perSecond(PoolCounter.SLOW)));
            lines.add("recycled: cache " + Show.rate(r.perSecond(PoolCounter.CACHED)) + ", ring "
                    + Show.rate(r.perSecond(PoolCounter.RING)));
        }
        lines.add(NOT_OBSERVABLE);
        lines.add(stateText(pool));
        return lines;
    }

    private void sparkline(GraphicsContext g, CapturedPool pool, Color colour, double x, double y, double w,
                           double h) {
        g.setFill(palette.panel());
        g.fillRect(x, y, w, h);
        InflightLine line = pool.line();
        if (line == null) {
            g.setFill(palette.muted());
            g.fillText("no timed inflight in the capture", x + 4, y + h / 2 + 4);
            return;
        }
        long most = Math.max(1, line.highest());
        // the capture's span, as the chart's: a step at 1 s of 12 lies where the chart has it
        long span = Math.max(1, Math.max(lengthNs, line.ns(line.points() - 1)));
        g.setStroke(colour); // the pool's colour in the chart; a tile in trouble has its red corner and words
        g.setLineWidth(1.2 * palette.lineWidth());
        line.stroke(g, ns -> x + w * ns / span, v -> y + h - 1 - (h - 2) * v / most, pool.lineEndNs(span));
    }

    static String inflightText(CapturedPool pool) {
        long now = pool.inflight();
        PoolFindings f = pool.main();
        String change = f.inflightRelative() ? " (change)" : "";
        return now < 0 ? "inflight unknown" : String.format(Locale.ROOT, "%,d in flight at the end%s, at most %,d",
                now, change, Math.max(now, pool.highest()));
    }

    static String stateText(CapturedPool pool) {
        PoolFindings.Stall stall = pool.stall();
        int leaks = pool.leakCount();
        String leaked = leaks == 0 ? "" : " · " + Show.plural(leaks, "page") + " leaked";
        if (stall != null) {
            return stalledSince(stall.sinceNs()) + leaked;
        }
        if (pool.freedNs() != Capture.NO_TIME) {
            return "freed " + Show.moment(pool.freedNs()) + leaked;
        }
        return pool.destroyedNs() != Capture.NO_TIME ? "destroyed " + Show.moment(pool.destroyedNs()) + leaked
                : "alive at the end" + leaked;
    }

    /**
     * When a stalled shutdown began: a kernel log's first warning comes a minute after it, so the
     * destroy it dates may lie before the capture's first line.
     */
    static String stalledSince(long ns) {
        if (ns == Capture.NO_TIME) {
            return "stalled since ?";
        }
        return ns >= 0 ? "stalled since " + Show.seconds(ns)
                : "stalled since " + Show.duration(-ns) + " before the capture began";
    }

    /** Everything a tile says, uncut, and why two sources' pools are one. */
    static String describe(CapturedPool pool) {
        StringBuilder s = new StringBuilder(pool.label()).append('\n').append(pool.identity());
        for (String line : lines(pool)) {
            s.append('\n').append(line);
        }
        if (!pool.joinedBy().isEmpty()) {
            s.append('\n').append(pool.joinedBy());
        }
        return s.append("\nclick to focus it").toString();
    }

    /** {@code text}, cut with an ellipsis to fit {@code room}. */
    static String clip(String text, Font font, double room) {
        if (TextMetrics.width(text, font) <= room) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (TextMetrics.width(text.substring(0, mid) + "…", font) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo) + "…";
    }

    /** The pool's line colour in the chart, for tiles and lifetimes alike. */
    static Color lineColour(int pool) {
        return CapturePane.LINES[pool % CapturePane.LINES.length];
    }
}
