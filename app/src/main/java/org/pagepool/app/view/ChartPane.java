// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.pagepool.run.ModelView;
import org.pagepool.run.PoolTotals;

/**
 * Live charts of the counters over simulated time: rates of fast, slow,
 * ring and released pages, and inflight. Keeps the last {@value #POINTS}
 * samples; one sample per view, at most every {@value #SAMPLE_MS} ms of wall
 * time.
 */
public final class ChartPane extends CanvasRegion {
    static final int POINTS = 240;
    static final long SAMPLE_MS = 50;
    private static final String[] SERIES = {"fast/s", "ring/s", "slow/s", "released/s", "inflight"};

    private final double[][] values = new double[SERIES.length][POINTS];
    private int count;
    private int newest = -1;
    private long lastSampleWall;
    private long lastTime = -1;
    private final double[] lastTotals = new double[SERIES.length];

    public ChartPane() {
        super("charts", "Counters over time");
    }

    /** Only a new sample changes the chart ({@link #sample} marks it), not every view. */
    @Override
    protected Object shownPart(ModelView v) {
        return null;
    }

    /** Adds a sample from a view (rates since the previous one). */
    public void sample(ModelView v, long wallNanos) {
        if (wallNanos - lastSampleWall < SAMPLE_MS * 1_000_000L && newest >= 0) {
            return;
        }
        if (v.timeNs() < lastTime) {
            count = 0;
            newest = -1; // the run went back: start the chart again
        }
        PoolTotals sum = PoolTotals.of(v);
        // slow counts bulks of 64 pages: shown as pages
        double[] totals = {sum.stats().fast(), sum.stats().ring(), sum.stats().slow() * 64.0
                + sum.stats().slowHighOrder(), sum.release(), sum.inflight()};
        if (lastTime >= 0 && v.timeNs() > lastTime) {
            double seconds = (v.timeNs() - lastTime) / 1e9;
            newest = (newest + 1) % POINTS;
            count = Math.min(count + 1, POINTS);
            for (int s = 0; s < SERIES.length; s++) {
                values[s][newest] = s == SERIES.length - 1 ? totals[s]
                        : Math.max(0, (totals[s] - lastTotals[s]) / seconds);
            }
            markDirty();
        }
        System.arraycopy(totals, 0, lastTotals, 0, totals.length);
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
            g.fillText(SERIES[s] + "  " + JourneyOverlay.human(latest), PAD, y0 + 11);
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
            g.fillText(String.format(Locale.ROOT, "max %s", JourneyOverlay.human(max)), w - PAD - 70, y0 + 11);
        }
    }
}
