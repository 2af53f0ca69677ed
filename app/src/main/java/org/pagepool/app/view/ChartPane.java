// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.pagepool.view.FlowRates;
import org.pagepool.view.ModelView;

/**
 * Live charts of the counters over simulated time: pages per second off the
 * alloc cache, into the ring, from and back to the page allocator (the
 * window's {@link FlowRates}, the same numbers as the arrows), and inflight.
 * Keeps the last {@value #POINTS} samples; one sample per view, at most
 * every {@value #SAMPLE_MS} ms of wall time, none while the rates have no
 * window yet.
 */
public final class ChartPane extends CanvasRegion {
    static final int POINTS = 240;
    static final long SAMPLE_MS = 50;
    private static final String[] SERIES = {"fast/s", "ring/s", "alloc/s", "released/s", "inflight"};
    /** The rate each series but the last shows (pages from the page allocator: {@code hold}, not slow calls). */
    private static final FlowRates.Path[] PATHS = {FlowRates.Path.FAST, FlowRates.Path.INTO_RING,
            FlowRates.Path.FROM_ALLOCATOR, FlowRates.Path.RELEASED};

    private final double[][] values = new double[SERIES.length][POINTS];
    private int count;
    private int newest = -1;
    private long lastSampleWall;
    private long lastTime = -1;
    private FlowRates rates = new FlowRates();

    public ChartPane() {
        super("charts", "Counters over time");
    }

    /** Only a new sample changes the chart ({@link #sample} marks it), not every view. */
    @Override
    protected Object shownPart(ModelView v) {
        return null;
    }

    /** The rates to chart (the window's, kept up to date by whoever shows the views). */
    public void setRates(FlowRates flowRates) {
        rates = flowRates;
    }

    /** Adds a sample of the rates as of view {@code v}. */
    public void sample(ModelView v, long wallNanos) {
        if (v.timeNs() < lastTime) {
            count = 0;
            newest = -1; // the run went back: start the chart again
            lastTime = -1;
            markDirty();
        }
        if (wallNanos - lastSampleWall < SAMPLE_MS * 1_000_000L && newest >= 0 || v.timeNs() == lastTime
                || !rates.measured()) {
            return;
        }
        newest = (newest + 1) % POINTS;
        count = Math.min(count + 1, POINTS);
        for (int s = 0; s < PATHS.length; s++) {
            values[s][newest] = rates.rate(PATHS[s]);
        }
        values[SERIES.length - 1][newest] = v.totals().inflight();
        markDirty();
        lastTime = v.timeNs();
        lastSampleWall = wallNanos;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color[] colors = {palette.cache(), palette.ring(), palette.buddy(), palette.warning(), palette.skb()};
        double top = TITLE + 4;
        double rowH = (h - top - 4) / SERIES.length;
        g.setFont(small());
        for (int s = 0; s < SERIES.length; s++) {
            double y0 = top + s * rowH;
            double max = 1;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, values[s][i]);
            }
            g.setFill(palette.muted());
            double latest = count == 0 ? 0 : values[s][newest];
            String name = SERIES[s] + "  " + JourneyOverlay.human(latest);
            text(g, name, PAD, y0 + 11);
            g.setStroke(palette.grid());
            g.setLineWidth(1);
            g.strokeLine(PAD, y0 + rowH - 2, w - PAD, y0 + rowH - 2);
            if (count < 2) {
                continue;
            }
            g.setStroke(colors[s]);
            g.setLineWidth(1.5 * palette.lineWidth());
            g.beginPath();
            double plotTop = y0 + 14;
            double plotH = rowH - 18;
            for (int k = 0; k < count; k++) {
                int i = Math.floorMod(newest - count + 1 + k, POINTS);
                double x = PAD + (w - 2 * PAD) * k / (POINTS - 1.0);
                double y = plotTop + plotH * (1 - values[s][i] / max);
                if (k == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            g.setFill(palette.muted());
            String most = String.format(Locale.ROOT, "max %s", JourneyOverlay.human(max));
            if (PAD + width(g, name) + 12 + width(g, most) <= w - PAD) { // right-aligned, where it fits
                g.setTextAlign(TextAlignment.RIGHT);
                text(g, most, w - PAD, y0 + 11);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
    }
}
