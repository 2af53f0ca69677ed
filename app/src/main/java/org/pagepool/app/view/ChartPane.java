// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.pagepool.view.FlowRates;
import org.pagepool.view.ModelView;
import org.pagepool.view.QueueView;

/**
 * Live charts of the counters over simulated time: pages per second off the
 * alloc cache, into the ring, from and back to the page allocator (the
 * window's {@link FlowRates}, the same numbers as the arrows), and inflight.
 * Keeps the last {@value #POINTS} samples; one sample per view, at most
 * every {@value #SAMPLE_MS} ms of wall time, none while the rates have no
 * window yet. With several queues it charts the focused queue, the totals,
 * or every queue stacked (coloured as in the buddy view); each way has its
 * own rates, kept up to date whichever is shown.
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
    private final FlowRates totalRates = new FlowRates();
    private FlowRates[] queueRates = new FlowRates[0];
    /** Every queue's value per series and sample, for the stacked charts. */
    private double[][][] queueValues = new double[SERIES.length][0][POINTS];
    private int queues;
    private Mode mode = Mode.QUEUE;
    private final QueueColours queueColours = new QueueColours();
    /** The outline of one stacked band, reused. */
    private final double[] bandX = new double[2 * POINTS];
    private final double[] bandY = new double[2 * POINTS];
    private final double[] below = new double[POINTS];

    /** What the charts show on a NIC of several queues. */
    public enum Mode {
        /** The focused queue (the only one, on a one-queue NIC). */
        QUEUE("focused queue"),
        /** Every queue added up. */
        TOTAL("all queues, summed"),
        /** Every queue, one band each, stacked. */
        STACKED("all queues, stacked");

        private final String words;

        Mode(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    public ChartPane() {
        super("charts", "Counters over time");
    }

    /** Only a new sample changes the chart ({@link #sample} marks it), not every view. */
    @Override
    protected Object shownPart(ModelView v) {
        return null;
    }

    /** Charts the focused queue, the totals or every queue stacked from now on (the samples so far stay). */
    public void setMode(Mode newMode) {
        mode = newMode;
        count = 0;
        newest = -1;
        lastTime = -1;
        markDirty();
    }

    public Mode mode() {
        return mode;
    }

    /** The rates to chart (the window's, kept up to date by whoever shows the views). */
    public void setRates(FlowRates flowRates) {
        rates = flowRates;
    }

    /** Adds a sample of the rates as of view {@code v}. */
    public void sample(ModelView v, long wallNanos) {
        followQueues(v);
        if (v.timeNs() < lastTime) {
            count = 0;
            newest = -1; // the run went back: start the chart again
            lastTime = -1;
            markDirty();
        }
        FlowRates shown = mode == Mode.QUEUE || queues < 2 ? rates : totalRates;
        if (wallNanos - lastSampleWall < SAMPLE_MS * 1_000_000L && newest >= 0 || v.timeNs() == lastTime
                || !shown.measured()) {
            return;
        }
        newest = (newest + 1) % POINTS;
        count = Math.min(count + 1, POINTS);
        for (int s = 0; s < PATHS.length; s++) {
            values[s][newest] = shown.rate(PATHS[s]);
        }
        values[SERIES.length - 1][newest] = shown == rates ? v.pools().shown().inflight() : v.totals().inflight();
        for (int q = 0; q < queues; q++) {
            for (int s = 0; s < PATHS.length; s++) {
                double r = queueRates[q].rate(PATHS[s]);
                queueValues[s][q][newest] = Double.isNaN(r) ? 0 : r;
            }
            queueValues[SERIES.length - 1][q][newest] = v.queues().get(q).pools().inflight();
        }
        markDirty();
        lastTime = v.timeNs();
        lastSampleWall = wallNanos;
    }

    /** Keeps the totals' and every queue's rates up to date (a NIC of several queues only). */
    private void followQueues(ModelView v) {
        int n = v.queues().many() ? v.queues().count() : 0;
        if (n != queues) {
            queues = n;
            queueRates = new FlowRates[n];
            for (int q = 0; q < n; q++) {
                queueRates[q] = new FlowRates();
            }
            queueValues = new double[SERIES.length][n][POINTS];
            count = 0;
            newest = -1;
        }
        if (n == 0) {
            return;
        }
        totalRates.sample(v.loads(), v.timeNs(), FlowRates.totals(v.totals(), v.nic()));
        for (int q = 0; q < n; q++) {
            QueueView queue = v.queues().get(q);
            queueRates[q].sample(v.loads(), v.timeNs(), FlowRates.totals(queue.pools(), queue.nic()));
        }
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        boolean stacked = mode == Mode.STACKED && queues > 1;
        Color[] colors = {palette.cache(), palette.ring(), palette.buddy(), palette.warning(), palette.skb()};
        double top = TITLE + 4;
        double rowH = (h - top - 4) / SERIES.length;
        g.setFont(small());
        for (int s = 0; s < SERIES.length; s++) {
            double y0 = top + s * rowH;
            double max = 1;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, stacked ? stackTop(s, i) : values[s][i]);
            }
            g.setFill(palette.muted());
            double latest = count == 0 ? 0 : stacked ? stackTop(s, newest) : values[s][newest];
            String name = SERIES[s] + "  " + JourneyOverlay.human(latest);
            text(g, name, PAD, y0 + 11);
            g.setStroke(palette.grid());
            g.setLineWidth(1);
            g.strokeLine(PAD, y0 + rowH - 2, w - PAD, y0 + rowH - 2);
            if (count < 2) {
                continue;
            }
            if (stacked) {
                bands(g, s, y0 + 14, rowH - 18, w, max);
            } else {
                line(g, s, colors[s], y0 + 14, rowH - 18, w, max);
            }
            g.setFill(palette.muted());
            String most = String.format(Locale.ROOT, "max %s", JourneyOverlay.human(max));
            if (PAD + width(g, name) + 12 + width(g, most) <= w - PAD) { // right-aligned, where it fits
                g.setTextAlign(TextAlignment.RIGHT);
                text(g, most, w - PAD, y0 + 11);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
    }

    /** The inflight series' newest value as charted (stacked: the queues' sum), NaN before the first sample. */
    public double latestInflight() {
        int s = SERIES.length - 1;
        return count == 0 ? Double.NaN : mode == Mode.STACKED && queues > 1 ? stackTop(s, newest) : values[s][newest];
    }

    /** Series {@code s} at sample {@code i}: every queue added up. */
    private double stackTop(int s, int i) {
        double sum = 0;
        for (int q = 0; q < queues; q++) {
            sum += queueValues[s][q][i];
        }
        return sum;
    }

    private double sampleX(int k, double w) {
        return PAD + (w - 2 * PAD) * k / (POINTS - 1.0);
    }

    /** Series {@code s} as one band per queue, each between the queues below it and itself. */
    private void bands(GraphicsContext g, int s, double plotTop, double plotH, double w, double max) {
        Arrays.fill(below, 0, count, 0);
        for (int q = 0; q < queues; q++) {
            for (int k = 0; k < count; k++) {
                int i = Math.floorMod(newest - count + 1 + k, POINTS);
                double top = below[k] + queueValues[s][q][i];
                bandX[k] = sampleX(k, w);
                bandY[k] = plotTop + plotH * (1 - top / max);
                bandX[2 * count - 1 - k] = bandX[k]; // back along the band's lower edge
                bandY[2 * count - 1 - k] = plotTop + plotH * (1 - below[k] / max);
                below[k] = top;
            }
            g.setFill(queueColours.of(q, queues, palette));
            g.fillPolygon(bandX, bandY, 2 * count);
        }
    }

    /** Series {@code s} as a line. */
    private void line(GraphicsContext g, int s, Color color, double plotTop, double plotH, double w, double max) {
        g.setStroke(color);
        g.setLineWidth(1.5 * palette.lineWidth());
        g.beginPath();
        for (int k = 0; k < count; k++) {
            int i = Math.floorMod(newest - count + 1 + k, POINTS);
            double y = plotTop + plotH * (1 - values[s][i] / max);
            if (k == 0) {
                g.moveTo(sampleX(k, w), y);
            } else {
                g.lineTo(sampleX(k, w), y);
            }
        }
        g.stroke();
    }
}
