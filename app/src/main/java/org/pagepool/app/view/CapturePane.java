// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.ReportText;
import org.pagepool.capture.CounterSeries;
import org.pagepool.capture.DerivedPreset;
import org.pagepool.capture.PoolFindings;
import org.pagepool.capture.Show;

/**
 * A real machine's capture: what was read, its pools as tiles, each pool's
 * pages in flight over the capture (one line per pool) above the pools'
 * lifetimes on the same time axis, with a scrubber across both, the diagnosis
 * in plain words (most serious first), the leaked pages in a sortable table,
 * and each pool's figures. A click on a tile focuses its pool everywhere. FX
 * thread only.
 */
public final class CapturePane extends ScrollPane {
    static final Color[] LINES = {Color.web("#2f6fd6"), Color.web("#d62828"), Color.web("#2e9d5b"),
        Color.web("#e0a100"), Color.web("#8a5cd1"), Color.web("#0f9aa8")};

    private final Label title = new Label("Real system: open a capture (tracepoints, dmesg, ethtool -S, netlink)");
    private final Label sources = new Label();
    private final Label tilesCaption = new Label("Each pool: click to focus it. What a real pool's cache and ring"
            + " hold cannot be seen from outside the kernel; the tiles show what the sources counted.");
    private final CaptureTilesPane tiles = new CaptureTilesPane();
    private final Canvas chart = new Canvas(360, 110);
    private final LifetimesPane lifetimes = new LifetimesPane();
    private final Label flowsCaption = new Label();
    private final CaptureFlowsPane flows = new CaptureFlowsPane();
    private List<CounterSeries> interfaces = List.of();
    private long captureStartNs = Capture.NO_TIME;
    private String flowsWhose = "";
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label scrubbed = new Label();
    private final LeakTable leaks = new LeakTable();
    private final VBox pools = new VBox(4);
    private final Label diagnosisTitle = new Label("Diagnosis");
    private final VBox diagnosis = new VBox(4);
    private final Button simulate = new Button();
    private final Label assumptions = new Label();
    private final TitledPane assumed = new TitledPane("", assumptions);
    private final Button lookalike = new Button();
    private final Label importLabel = new Label();
    private final ProgressBar importProgress = new ProgressBar(0);
    private final Button cancelImport = new Button("Cancel");
    private final HBox importRow = new HBox(6, importLabel, importProgress, cancelImport);
    private List<CapturedPool> shown = List.of();
    private long lengthNs;
    private int focus = -1;
    private long cursorNs = Capture.NO_TIME;
    private Palette palette = Palette.LIGHT;
    private int imports;

    public CapturePane() {
        setId("capture");
        setFitToWidth(true);
        VBox box = new VBox(6);
        box.setPadding(new Insets(6));
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        sources.setWrapText(true);
        sources.getStyleClass().add("scenario-watch");
        diagnosisTitle.getStyleClass().add("panel-title");
        diagnosis.setId("diagnosis");
        simulate.setId("simulateThis");
        simulate.setMnemonicParsing(false);
        simulate.setWrapText(true);
        lookalike.setId("lookalike");
        lookalike.setMnemonicParsing(false);
        lookalike.setWrapText(true);
        assumed.setId("simulationAssumptions");
        assumed.setExpanded(false);
        assumed.setMinWidth(0); // a long title must not widen the column (it is cut short instead)
        assumptions.setWrapText(true);
        offer(simulate, null, null);
        offer(lookalike, null, null);
        showAssumptions(null);
        importProgress.setId("captureProgress");
        importProgress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(importProgress, Priority.ALWAYS);
        importRow.setAlignment(Pos.CENTER_LEFT);
        cancelImport.setId("cancelImport");
        showImportRow(false);
        chart.setId("captureChart");
        scrubber.setId("captureScrubber");
        scrubbed.setId("captureScrubbed");
        scrubbed.setWrapText(true);
        scrubber.valueProperty().addListener((o, was, is) -> scrubTo(Math.round(is.doubleValue() * 1e9)));
        tiles.setOnFocus(this::focusPool);
        pools.setId("capturePools");
        showParts(false);
        tilesCaption.setWrapText(true);
        tilesCaption.getStyleClass().add("scenario-watch");
        flowsCaption.setId("captureFlowsCaption");
        flowsCaption.setWrapText(true);
        flowsCaption.getStyleClass().add("scenario-watch");
        // the offer comes first, where the eye is; the pools over time, then the diagnosis and the evidence
        box.getChildren().addAll(title, importRow, simulate, assumed, lookalike, sources, tilesCaption, tiles, chart,
                lifetimes, scrubber, scrubbed, flowsCaption, flows, diagnosisTitle, diagnosis, leaks, pools);
        setContent(box);
        // the drawings follow the visible width (the box's own would keep the width from before a scroll bar came)
        setHbarPolicy(ScrollBarPolicy.NEVER);
        viewportBoundsProperty().addListener((o, was, is) -> {
            double w = Math.max(200, is.getWidth() - 12);
            chart.setWidth(w);
            tiles.setStripWidth(w);
            lifetimes.setStripWidth(w);
            flows.setStripWidth(w);
            drawChart();
        });
    }

    /** The capture's drawings, hidden before one is shown. */
    private void showParts(boolean on) {
        for (Node n : List.of(tilesCaption, tiles, chart, lifetimes, scrubber, scrubbed, flowsCaption, flows)) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    public void setPalette(Palette p) {
        palette = p;
        tiles.setPalette(p);
        lifetimes.setPalette(p);
        flows.setPalette(p);
        drawChart();
    }

    /**
     * An import began (a large trace takes a while): its progress and a button
     * that cancels it. Returns its ticket for {@link #imported(int)}: the row
     * shows the newest import only.
     */
    public int importStarted(String name, Runnable cancel) {
        importLabel.setText("Reading " + name);
        importProgress.setProgress(0);
        cancelImport.setDisable(false);
        cancelImport.setOnAction(e -> {
            cancelImport.setDisable(true); // the import stops at its next progress report
            cancel.run();
        });
        showImportRow(true);
        return ++imports;
    }

    /** How much of import {@code ticket}'s input has been read, 0 to 1. */
    public void importing(int ticket, double share) {
        if (ticket == imports) {
            importProgress.setProgress(share);
        }
    }

    /** Import {@code ticket} ended (shown, failed or cancelled). */
    public void imported(int ticket) {
        if (ticket == imports) {
            showImportRow(false);
        }
    }

    /** Whether an import is under way (its progress shown). */
    public boolean importShown() {
        return importRow.isVisible();
    }

    private void showImportRow(boolean shown) {
        importRow.setVisible(shown);
        importRow.setManaged(shown);
    }

    /** Shows an imported capture and its report. */
    public void show(String name, Capture capture, CaptureReport report) {
        title.setText("Real system: " + name);
        // one line for all the files: the diagnosis should start soon below
        StringBuilder read = new StringBuilder("Read: ");
        for (var source : report.sources()) {
            String file = source.name().substring(source.name().lastIndexOf('/') + 1);
            read.append(read.length() > 6 ? "; " : "").append(file).append(" (").append(source.format().description())
                    .append(')');
        }
        for (String line : ReportText.interfaceLines(report.notes())) {
            read.append('\n').append(line); // the capture script's notes: rings, queues, nodes, interrupts
        }
        sources.setText(read.toString());
        diagnosis.getChildren().clear();
        for (String line : report.diagnosis()) {
            diagnosis.getChildren().add(wrapped("• " + line));
        }
        shown = CapturedPool.of(capture, report);
        interfaces = capture.interfaces();
        captureStartNs = capture.startNs();
        lengthNs = report.lengthNs() == Capture.NO_TIME ? 0 : report.lengthNs();
        focus = shown.size() == 1 ? 0 : -1;
        pools.getChildren().clear();
        for (CapturedPool p : shown) {
            pools.getChildren().add(wrapped(figures(p)));
        }
        leaks.show(shown);
        showParts(!shown.isEmpty());
        scrubber.setMax(Math.max(1e-9, lengthNs / 1e9));
        scrubber.setValue(lengthNs / 1e9); // the end, where the report's figures are
        scrubTo(lengthNs);
        focusPool(focus);
    }

    /** A pool's figures, as the report words them, and why two sources' pools were joined. */
    private static String figures(CapturedPool p) {
        StringBuilder s = new StringBuilder();
        for (PoolFindings f : p.findings()) {
            s.append(s.length() > 0 ? "\n" : "").append(String.format(Locale.ROOT, "%s: %s", f.label(), f.hold() < 0
                    ? String.format(Locale.ROOT, "inflight %,d at the end (at most %,d)", f.inflight(), f.highest())
                    : String.format(Locale.ROOT, "hold %,d, release %,d, inflight %,d at the end (at most %,d)",
                            f.hold(), f.release(), f.inflight(), f.highest())));
        }
        return p.joinedBy().isEmpty() ? s.toString() : s + "\n(" + p.joinedBy() + ")";
    }

    /**
     * Focuses pool {@code p} (its tile framed, its line drawn over the
     * others, its bar and figures marked); -1 for none.
     */
    public void focusPool(int p) {
        focus = p >= 0 && p < shown.size() ? p : -1;
        tiles.show(shown, focus, lengthNs);
        lifetimes.show(shown, lengthNs, focus);
        showFlows();
        for (int i = 0; i < pools.getChildren().size(); i++) {
            var styles = pools.getChildren().get(i).getStyleClass();
            styles.remove("capture-focus");
            if (i == focus) {
                styles.add("capture-focus");
            }
        }
        drawChart();
    }

    /** The focused pool, -1 for none. */
    public int focusedPool() {
        return focus;
    }

    /** The scrubber at {@code ns} since the capture began: a line across chart and lifetimes, each pool's inflight. */
    private void scrubTo(long ns) {
        cursorNs = ns;
        lifetimes.setCursor(ns);
        flows.setCursor(ns);
        captionFlows();
        StringBuilder s = new StringBuilder("at ").append(Show.seconds(ns)).append(':');
        for (CapturedPool p : shown) {
            long v = p.line() == null ? -1 : p.line().at(ns);
            s.append(' ').append(p.label()).append(v < 0 ? " —" : String.format(Locale.ROOT, " %,d in flight", v))
                    .append(';');
        }
        scrubbed.setText(s.substring(0, s.length() - 1));
        drawChart();
    }

    /**
     * The flows of the focused pool's counters (netlink's), else, with one
     * pool or none to tell apart, the first interface's ethtool totals.
     */
    private void showFlows() {
        CounterSeries counters = focus >= 0 ? shown.get(focus).counters() : null;
        String whose = counters == null ? "" : shown.get(focus).label() + " (netlink)";
        if (counters == null && shown.size() <= 1) {
            for (CounterSeries s : interfaces) {
                if (s.queue().isEmpty()) {
                    counters = s;
                    whose = s.name() + " (ethtool -S)";
                    break;
                }
            }
        }
        flowsWhose = whose;
        flows.show(counters, captureStartNs);
        captionFlows();
    }

    private void captionFlows() {
        flowsCaption.setText(flows.flows() == null ? (flowsWhose.isEmpty()
                ? "Flows: the focused pool's counters over time (netlink statistics, or ethtool -S) give them; this"
                        + " capture has none for it."
                : "Flows of " + flowsWhose + ": two timed samples are needed.")
                : "Flows of " + flowsWhose + ", from its counters " + flows.interval() + " (the samples around the"
                        + " scrubber): pages per second, except alloc_slow (calls into the page allocator, up to 64"
                        + " pages each) and alloc_refill (refills from the ring). No page is seen moving.");
    }

    public CaptureFlowsPane flows() {
        return flows;
    }

    public CaptureTilesPane tiles() {
        return tiles;
    }

    public LifetimesPane lifetimes() {
        return lifetimes;
    }

    public LeakTable leaks() {
        return leaks;
    }

    /**
     * Offers "Simulate this": {@code label} says what the preset derived from
     * the capture will run, {@code action} loads it; null hides the offer.
     */
    public void offerSimulation(String label, Runnable action) {
        offer(simulate, label, action);
    }

    /** Offers the shipped scenario that tells the capture's story; null hides the offer. */
    public void offerLookalike(String label, Runnable action) {
        offer(lookalike, label, action);
    }

    private static void offer(Button button, String label, Runnable action) {
        button.setVisible(label != null);
        button.setManaged(label != null);
        button.setText(label == null ? "" : label);
        button.setOnAction(e -> {
            if (action != null) {
                action.run();
            }
        });
    }

    /** What "Simulate this" estimated from the capture and what it defaulted, with why; null hides it. */
    public void showAssumptions(DerivedPreset derived) {
        assumed.setVisible(derived != null);
        assumed.setManaged(derived != null);
        if (derived == null) {
            assumptions.setText("");
            return;
        }
        assumed.setText("What it assumes: " + derived.estimated().size() + " estimated, " + derived.defaulted().size()
                + " defaulted");
        StringBuilder s = new StringBuilder("Estimated from the capture:");
        derived.estimated().forEach(a -> s.append("\n• ").append(a.line()));
        s.append("\n\nDefaulted (the capture cannot show it):");
        derived.defaulted().forEach(a -> s.append("\n• ").append(a.line()));
        assumptions.setText(s.toString());
    }

    /** The assumptions shown, as text ("" when hidden). */
    public String assumptionsText() {
        return assumptions.getText();
    }

    /** The line of files read, with what the capture script noted of each interface under it. */
    public String sourcesText() {
        return sources.getText();
    }

    /** The diagnosis lines shown, in order. */
    public List<String> diagnosisLines() {
        return diagnosis.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** Pages in flight over the capture, one line per pool, on the lifetimes' time axis; the focused one on top. */
    private void drawChart() {
        GraphicsContext g = chart.getGraphicsContext2D();
        double w = chart.getWidth();
        double h = chart.getHeight();
        g.clearRect(0, 0, w, h);
        if (shown.isEmpty() || lengthNs <= 0) {
            return;
        }
        long most = 1;
        for (CapturedPool p : shown) {
            most = Math.max(most, p.line() == null ? 0 : p.line().highest());
        }
        CaptureAxis axis = new CaptureAxis(lengthNs, w);
        double bottom = h - 16;
        g.setStroke(palette.muted());
        g.setLineWidth(1);
        g.strokeLine(CaptureAxis.LEFT, 4, CaptureAxis.LEFT, bottom);
        g.strokeLine(CaptureAxis.LEFT, bottom, w - CaptureAxis.RIGHT, bottom);
        g.setFill(palette.muted());
        g.fillText(String.format(Locale.ROOT, "%,d", most), 2, 12);
        g.fillText("0", 30, bottom);
        g.fillText("inflight over " + CaptureAxis.seconds(lengthNs), CaptureAxis.LEFT + 4, h - 3);
        for (int p = 0; p < shown.size(); p++) {
            if (p != focus) {
                line(g, axis, p, bottom, most, focus >= 0 ? 0.35 : 1, 1.5);
            }
        }
        if (focus >= 0) {
            line(g, axis, focus, bottom, most, 1, 3);
        }
        if (cursorNs != Capture.NO_TIME) {
            g.setStroke(palette.accent());
            g.setLineWidth(1);
            g.strokeLine(axis.x(cursorNs), 4, axis.x(cursorNs), bottom);
        }
    }

    private void line(GraphicsContext g, CaptureAxis axis, int p, double bottom, long most, double opacity,
                      double width) {
        InflightLine line = shown.get(p).line();
        if (line == null) {
            return;
        }
        g.setGlobalAlpha(opacity);
        g.setStroke(CaptureTilesPane.lineColour(p));
        g.setLineWidth(width);
        line.stroke(g, axis::x, v -> bottom - (bottom - 4) * v / most, shown.get(p).lineEndNs(lengthNs));
        g.setGlobalAlpha(1);
    }
}
