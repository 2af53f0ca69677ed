// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CounterFlows;
import org.pagepool.capture.CounterSeries;
import org.pagepool.capture.PoolCounter;
import org.pagepool.capture.Show;
import org.pagepool.trace.Place;

/**
 * The focused pool's flows between its regions as the capture's counters give
 * them, over the sample interval that holds the scrubber's moment: the
 * simulation's fast-regime view ({@link FlowArrow}s as wide as their rates),
 * one arrow per counter that grew, labelled with the counter's kernel name.
 * The regions are only named: what a real pool's cache and ring hold is not
 * observable, and there are no tokens (no page is seen moving). FX thread only.
 */
public final class CaptureFlowsPane extends CanvasStrip {
    private static final double BOX = 30;
    private static final double ROW = 26;
    private static final Font TEXT = Font.font(10.5);
    /** The regions, left to right as the journey lays them out. */
    private static final Place[] COLUMNS = {Place.DRIVER, Place.ALLOC_CACHE, Place.PTR_RING, Place.BUDDY};
    private static final String[] TITLES = {"driver, stack", "alloc cache", "ptr_ring", "page allocator"};

    /** One arrow: the counter it shows, between which regions. */
    record Flow(PoolCounter counter, Place from, Place to) {
    }

    /** The arrows, in the journey's order: allocations, then recycling, then pages let go. */
    static final List<Flow> FLOWS = List.of(
            new Flow(PoolCounter.SLOW, Place.BUDDY, Place.ALLOC_CACHE),
            new Flow(PoolCounter.REFILL, Place.PTR_RING, Place.ALLOC_CACHE),
            new Flow(PoolCounter.FAST, Place.ALLOC_CACHE, Place.DRIVER),
            new Flow(PoolCounter.CACHED, Place.DRIVER, Place.ALLOC_CACHE),
            // no cache_full arrow: such a page never enters the cache, it goes on to the ring, and
            // page_pool_recycle_in_ring() counts it again in ring or ring_full
            new Flow(PoolCounter.RING, Place.DRIVER, Place.PTR_RING),
            new Flow(PoolCounter.RING_FULL, Place.PTR_RING, Place.BUDDY),
            new Flow(PoolCounter.RELEASED_REFCNT, Place.DRIVER, Place.BUDDY),
            new Flow(PoolCounter.WAIVE, Place.PTR_RING, Place.BUDDY));

    private CounterSeries series;
    private long originNs;
    private long cursorNs;
    private CounterFlows flows;
    private List<String> labels = List.of();
    private Palette palette = Palette.LIGHT;

    public CaptureFlowsPane() {
        super("captureFlows");
    }

    /**
     * The counters to draw ({@code null}: none), and the moment the
     * capture's times count from on their clock.
     */
    void show(CounterSeries counters, long captureStartNs) {
        series = counters;
        originNs = counters == null ? 0 : counters.wallClock() || captureStartNs == Capture.NO_TIME
                ? firstTime(counters) : captureStartNs;
        setCursor(cursorNs);
    }

    /** The scrubber's moment, ns since the capture began. */
    void setCursor(long ns) {
        cursorNs = ns;
        flows = series == null || ns == Capture.NO_TIME ? null : CounterFlows.at(series, originNs + ns);
        draw();
    }

    void setPalette(Palette p) {
        palette = p;
        draw();
    }

    /** The flows shown (null: none), for the caption and the tests. */
    CounterFlows flows() {
        return flows;
    }

    /** The interval the flows are measured over, in the capture's seconds, or "". */
    String interval() {
        return flows == null ? "" : "between " + Show.seconds(flows.fromNs() - originNs) + " and "
                + Show.seconds(flows.toNs() - originNs);
    }

    /** The arrows' labels as drawn, in order. */
    public List<String> labels() {
        return labels;
    }

    private static long firstTime(CounterSeries s) {
        for (int i = 0; i < s.samples(); i++) {
            if (s.ns(i) != Capture.NO_TIME) {
                return s.ns(i);
            }
        }
        return 0;
    }

    @Override
    protected void draw() {
        List<Flow> moving = new ArrayList<>();
        if (flows != null) {
            for (Flow f : FLOWS) {
                if (flows.rate(f.counter()) > 0) {
                    moving.add(f);
                }
            }
        }
        List<String> drawn = new ArrayList<>();
        double h = flows == null ? 0 : BOX + 8 + Math.max(1, moving.size()) * ROW + 4;
        clearTo(h);
        if (flows != null) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double column = canvas.getWidth() / COLUMNS.length;
            g.setFont(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int c = 0; c < COLUMNS.length; c++) {
                double x = column * c + 2;
                g.setStroke(palette.of(COLUMNS[c]));
                g.setLineWidth(1.5);
                g.strokeRoundRect(x, 1, column - 4, BOX, 6, 6);
                g.setStroke(palette.grid());
                g.setLineWidth(1);
                g.strokeLine(x + column / 2 - 2, BOX + 1, x + column / 2 - 2, h);
                g.setFill(palette.text());
                g.fillText(TITLES[c], x + column / 2 - 2, 10);
                g.setFill(palette.muted());
                boolean hidden = COLUMNS[c] == Place.ALLOC_CACHE || COLUMNS[c] == Place.PTR_RING;
                g.fillText(hidden ? "not observable" : "", x + column / 2 - 2, 22);
            }
            if (moving.isEmpty()) {
                g.setFill(palette.muted());
                g.fillText("no counter grew in this interval", canvas.getWidth() / 2, BOX + 8 + 8);
            }
            for (int i = 0; i < moving.size(); i++) {
                drawn.add(arrow(g, moving.get(i), column, BOX + 8 + i * ROW));
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
        labels = List.copyOf(drawn);
    }

    /** One row: the counter's name and rate above its arrow. */
    private String arrow(GraphicsContext g, Flow f, double column, double top) {
        double rate = flows.rate(f.counter());
        double from = centre(f.from(), column);
        double to = centre(f.to(), column);
        double inset = Math.signum(to - from) * 6;
        double y = top + ROW - 8;
        FlowArrow.draw(g, from + inset, y, to - inset, y, FlowArrow.width(rate, 0.6), palette.of(f.to()),
                palette.text().deriveColor(0, 1, 1, 0.6), 0.6);
        String text = f.counter().ethtoolName() + " " + JourneyOverlay.human(rate) + "/s";
        g.setFill(palette.text());
        g.fillText(text, (from + to) / 2, top + 6);
        return text;
    }

    private static double centre(Place place, double column) {
        for (int c = 0; c < COLUMNS.length; c++) {
            if (COLUMNS[c] == place) {
                return column * c + column / 2;
            }
        }
        throw new IllegalArgumentException(place.toString());
    }
}
