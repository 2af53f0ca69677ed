// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.pagepool.capture.Capture;
import org.pagepool.capture.PoolFindings;

/**
 * The pools' lifetimes on the capture's time axis, the inflight chart's
 * ({@link CaptureAxis}): one bar per pool, alive in its chart colour, its
 * shutdown after the destroy hatched (red while it still waited for pages at
 * the end, grey once freed), and a red tick where each leaked page was taken.
 * The focused pool's bar is framed. FX thread only.
 */
public final class LifetimesPane extends CanvasStrip {
    private static final double ROW = 24;
    private static final double AXIS = 14;
    private static final Font TEXT = Font.font(10.5);
    private List<CapturedPool> pools = List.of();
    private List<LifetimeBar> bars = List.of();
    private long lengthNs;
    private int focus = -1;
    private long cursorNs = Capture.NO_TIME;
    private Palette palette = Palette.LIGHT;

    public LifetimesPane() {
        super("lifetimes");
    }

    void show(List<CapturedPool> shown, long length, int focused) {
        pools = shown;
        lengthNs = Math.max(0, length);
        focus = focused;
        List<LifetimeBar> b = new ArrayList<>();
        for (CapturedPool p : shown) {
            b.add(LifetimeBar.of(p, lengthNs));
        }
        bars = List.copyOf(b);
        draw();
    }

    /** The bars drawn, one per pool, in the tiles' order. */
    public List<LifetimeBar> bars() {
        return bars;
    }

    void setPalette(Palette p) {
        palette = p;
        draw();
    }

    /** The scrubber's moment, drawn as a line across the bars; NO_TIME for none. */
    void setCursor(long ns) {
        cursorNs = ns;
        draw();
    }

    @Override
    protected void draw() {
        double h = bars.isEmpty() ? 0 : bars.size() * ROW + AXIS;
        clearTo(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (bars.isEmpty()) {
            return;
        }
        CaptureAxis axis = new CaptureAxis(lengthNs, canvas.getWidth());
        g.setFont(TEXT);
        for (int p = 0; p < bars.size(); p++) {
            bar(g, axis, p, p * ROW);
        }
        double bottom = bars.size() * ROW;
        g.setStroke(palette.muted());
        g.setLineWidth(1);
        g.strokeLine(CaptureAxis.LEFT, bottom + 1, canvas.getWidth() - CaptureAxis.RIGHT, bottom + 1);
        g.setFill(palette.muted());
        g.fillText("0", CaptureAxis.LEFT, bottom + 12);
        String end = CaptureAxis.seconds(lengthNs);
        g.fillText(end, canvas.getWidth() - CaptureAxis.RIGHT - TextMetrics.width(end, TEXT), bottom + 12);
        g.fillText("lives", 2, 12);
        if (cursorNs != Capture.NO_TIME) {
            g.setStroke(palette.accent());
            g.strokeLine(axis.x(cursorNs), 0, axis.x(cursorNs), bottom);
        }
    }

    private void bar(GraphicsContext g, CaptureAxis axis, int p, double y) {
        LifetimeBar b = bars.get(p);
        double top = y + 13;
        double height = 8;
        double from = axis.x(b.fromNs());
        double alive = Math.max(from + 1, axis.x(b.aliveUntil(lengthNs)));
        g.setFill(palette.text());
        g.fillText(CaptureTilesPane.clip(b.label() + (b.leaks() > 0 ? ", " + b.leaks() + " leaked" : ""), TEXT,
                canvas.getWidth() - from - 4), from, y + 10);
        g.setFill(CaptureTilesPane.lineColour(p));
        g.fillRect(from, top, alive - from, height);
        if (b.shutdownEndNs() != Capture.NO_TIME) {
            double end = Math.max(alive + 2, axis.x(b.shutdownEndNs()));
            hatch(g, alive, top, end - alive, height, b.stalled() ? palette.warning() : palette.muted());
        }
        g.setStroke(palette.warning());
        g.setLineWidth(1);
        double lastTick = -1;
        for (PoolFindings.Leak leak : pools.get(p).leaks()) {
            double x = Math.floor(axis.x(leak.heldNs()));
            if (x != lastTick) { // leaks are oldest first: one tick per pixel, however many pages
                g.strokeLine(x + 0.5, top - 3, x + 0.5, top + height + 2);
                lastTick = x;
            }
        }
        if (p == focus) {
            g.setStroke(palette.accent());
            g.setLineWidth(2 * palette.lineWidth());
            g.strokeRect(CaptureAxis.LEFT - 2, y + 1, canvas.getWidth() - CaptureAxis.LEFT - CaptureAxis.RIGHT + 3,
                    ROW - 2);
        }
    }

    /** A shutdown: an outline with diagonal strokes, so that it reads apart from the pool's life before it. */
    private static void hatch(GraphicsContext g, double x, double y, double w, double h,
                              Color colour) {
        g.setStroke(colour);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        for (double s = x - h; s < x + w; s += 5) {
            g.strokeLine(s, y + h, s + h, y);
        }
        g.restore();
    }
}
