// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.view.ModelView;
import org.pagepool.workload.Checkpoint;

/**
 * Marks on the timeline where something notable happened: the ring or the
 * cache was full, a refill, a waive, a kernel warning. Taken from the
 * counters of successive views; at most one mark of a kind per few pixels.
 * Under them, a triangle at each of the scenario's checkpoints in time:
 * the story's stops, in the accent colour until the run has passed them.
 */
public final class TimelineMarkers extends Region {
    /** What a mark says. */
    public enum Kind { RING_FULL, CACHE_FULL, REFILL, WAIVE, WARNING }

    private static final int MAX_MARKS = 4096;

    private final Canvas canvas = new Canvas();
    private final Map<Kind, List<Long>> marks = new EnumMap<>(Kind.class);
    private long[] last;
    private long lastLog;
    private long lastTime = -1;
    private String source;
    private double span = 1;
    private Palette palette = Palette.LIGHT;
    /** The scenario's checkpoints the times below were taken from. */
    private List<Checkpoint> fromGuide = List.of();
    /** The times of the scenario's checkpoints set in time (a step's has none), ascending. */
    private long[] checkpoints = new long[0];
    private long now;

    /** The slider the marks stand above: its thumb's half-width is where its track begins and ends. */
    private final Slider slider;

    public TimelineMarkers(Slider slider) {
        this.slider = slider;
        getChildren().add(canvas);
        for (Kind k : Kind.values()) {
            marks.put(k, new ArrayList<>());
        }
    }

    public void setPalette(Palette newPalette) {
        palette = newPalette;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Notes what changed since the last view, over a timeline of {@code spanNs}. */
    public void show(ModelView view, double spanNs) {
        if (!view.live()) {
            return;
        }
        boolean changed = showCheckpoints(view);
        if (!view.source().equals(source) || view.timeNs() < lastTime) {
            if (!view.source().equals(source) || view.timeNs() < lastTime - spanNs / 100) {
                marks.values().forEach(List::clear); // another run, or a jump back
                changed = true;
            }
            source = view.source();
            last = null;
        }
        long[] now = totals(view);
        if (last != null) {
            changed |= mark(Kind.RING_FULL, now[0] > last[0], view.timeNs());
            changed |= mark(Kind.CACHE_FULL, now[1] > last[1], view.timeNs());
            changed |= mark(Kind.REFILL, now[2] > last[2], view.timeNs());
            changed |= mark(Kind.WAIVE, now[3] > last[3], view.timeNs());
            changed |= mark(Kind.WARNING, view.logTotal() > lastLog && view.log().stream().anyMatch(
                    l -> l.contains("stall") || l.contains("refcount") || l.contains("violation")), view.timeNs());
        }
        last = now;
        lastLog = view.logTotal();
        lastTime = view.timeNs();
        if (spanNs != span) {
            span = spanNs;
            changed = true;
        }
        if (changed) {
            redraw(); // most views add no mark: nothing to draw
        }
    }

    /** Takes the checkpoints and the time from the view; true when a triangle changed. */
    private boolean showCheckpoints(ModelView view) {
        boolean changed = false;
        if (!view.guide().checkpoints().equals(fromGuide)) { // another scenario: not worked out again every view
            fromGuide = view.guide().checkpoints();
            checkpoints = fromGuide.stream().mapToLong(Checkpoint::timeNs).filter(t -> t >= 0).sorted().toArray();
            changed = true;
        }
        changed |= passed(checkpoints, view.timeNs()) != passed(checkpoints, now);
        now = view.timeNs();
        return changed;
    }

    /** How many of {@code times} lie at or before {@code t}. */
    private static int passed(long[] times, long t) {
        int n = 0;
        while (n < times.length && times[n] <= t) {
            n++;
        }
        return n;
    }

    /** The times of the checkpoints the timeline shows (simulated ns). */
    public long[] checkpointTimes() {
        return checkpoints.clone();
    }

    /** Adds a mark if it happened and is not too close to the last of its kind; true when added. */
    private boolean mark(Kind kind, boolean happened, long time) {
        if (!happened) {
            return false;
        }
        List<Long> list = marks.get(kind);
        double minGap = span / Math.max(100, getWidth() / 3);
        if (!list.isEmpty() && time - list.get(list.size() - 1) < minGap || list.size() >= MAX_MARKS) {
            return false;
        }
        list.add(time);
        return true;
    }

    /** Where the slider's track begins: half its thumb in from its edge (8 before the thumb is laid out). */
    private double trackInset() {
        Node thumb = slider.lookup(".thumb");
        return thumb instanceof Region r && r.getWidth() > 0 ? r.getWidth() / 2 : 8;
    }

    private double markX(long t, double w, double inset) {
        return inset + (w - 2 * inset) * Math.min(1, t / span);
    }

    /** Where a mark at {@code t} ns is drawn, in this region's pixels. */
    public double markX(long t) {
        return markX(t, canvas.getWidth(), trackInset());
    }

    /** The marks of a kind (simulated ns), oldest first. */
    public List<Long> marks(Kind kind) {
        return List.copyOf(marks.get(kind));
    }

    private static long[] totals(ModelView v) {
        PoolStatsSnapshot sum = v.totals().stats();
        return new long[] {sum.ringFull(), sum.cacheFull(), sum.refill(), sum.waive()};
    }

    private void redraw() {
        var g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 20) {
            return;
        }
        Color[] colours = {palette.ring(), palette.cache(), palette.stale(), palette.descriptor(), palette.warning()};
        double inset = trackInset();
        for (long t : checkpoints) {
            double x = markX(t, w, inset);
            g.setFill(t <= now ? palette.muted() : palette.accent());
            g.fillPolygon(new double[] {x - h / 2, x + h / 2, x}, new double[] {0, 0, h}, 3);
        }
        for (Kind kind : Kind.values()) {
            g.setStroke(colours[kind.ordinal()]);
            double width = Math.max(1.5, h / 8); // thicker as the type grows, for a projector
            g.setLineWidth(kind == Kind.WARNING ? width + 1 : width);
            // each kind a little lower than the one before, so that marks of one moment show side by side
            double y0 = kind.ordinal() * h / Kind.values().length * 0.5;
            for (long t : marks.get(kind)) {
                g.strokeLine(markX(t, w, inset), y0, markX(t, w, inset), y0 + h * 0.5);
            }
        }
    }
}
