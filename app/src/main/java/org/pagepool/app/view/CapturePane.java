// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.InflightSeries;
import org.pagepool.capture.PoolFindings;
import org.pagepool.capture.PoolSamples;
import org.pagepool.capture.PoolTimeline;

/**
 * A real machine's capture: what was read, each pool's pages in flight over
 * the capture (one line per pool), each pool's figures, and the diagnosis in
 * plain words, most serious first. FX thread only.
 */
public final class CapturePane extends ScrollPane {
    private static final Color[] LINES = {Color.web("#2f6fd6"), Color.web("#d62828"), Color.web("#2e9d5b"),
        Color.web("#e0a100"), Color.web("#8a5cd1"), Color.web("#0f9aa8")};

    private final Label title = new Label("Real system: open a capture (tracepoints, dmesg, ethtool -S, netlink)");
    private final Label sources = new Label();
    private final Canvas chart = new Canvas(360, 110);
    private final VBox pools = new VBox(4);
    private final Label diagnosisTitle = new Label("Diagnosis");
    private final VBox diagnosis = new VBox(4);
    private final Button simulate = new Button();
    private final Label importLabel = new Label();
    private final ProgressBar importProgress = new ProgressBar(0);
    private final Button cancelImport = new Button("Cancel");
    private final HBox importRow = new HBox(6, importLabel, importProgress, cancelImport);
    private Capture capture;
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
        simulate.setVisible(false);
        simulate.setManaged(false);
        importProgress.setId("captureProgress");
        importProgress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(importProgress, Priority.ALWAYS);
        importRow.setAlignment(Pos.CENTER_LEFT);
        cancelImport.setId("cancelImport");
        showImportRow(false);
        // the offer comes first, where the eye is; the evidence below it
        box.getChildren().addAll(title, importRow, simulate, sources, chart, diagnosisTitle, diagnosis, pools);
        setContent(box);
        // the chart follows the visible width (the box's own would keep the width from before a scroll bar came)
        setHbarPolicy(ScrollBarPolicy.NEVER);
        viewportBoundsProperty().addListener((o, was, is) -> {
            chart.setWidth(Math.max(200, is.getWidth() - 12));
            drawChart();
        });
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
    public void show(String name, Capture newCapture, CaptureReport report) {
        capture = newCapture;
        title.setText("Real system: " + name);
        // one line for all the files: the diagnosis should start above the fold
        StringBuilder read = new StringBuilder("Read: ");
        for (var source : report.sources()) {
            String file = source.name().substring(source.name().lastIndexOf('/') + 1);
            read.append(read.length() > 6 ? "; " : "").append(file).append(" (").append(source.format().description())
                    .append(')');
        }
        sources.setText(read.toString());
        diagnosis.getChildren().clear();
        for (String line : report.diagnosis()) {
            diagnosis.getChildren().add(wrapped("• " + line));
        }
        pools.getChildren().clear();
        for (PoolFindings p : report.pools()) {
            pools.getChildren().add(wrapped(String.format(Locale.ROOT, "%s: hold %,d, release %,d, inflight %,d"
                    + " at the end (at most %,d)", p.label(), p.hold(), p.release(), p.inflight(), p.highest())));
        }
        drawChart();
    }

    /**
     * Offers "Simulate this": {@code label} names the scenario that tells the
     * capture's story, {@code action} loads it; null hides the offer.
     */
    public void offerSimulation(String label, Runnable action) {
        simulate.setVisible(label != null);
        simulate.setManaged(label != null);
        simulate.setText(label == null ? "" : label);
        simulate.setOnAction(e -> {
            if (action != null) {
                action.run();
            }
        });
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

    /** A pool's inflight over time: from the trace where it has one, else from the netlink dumps. */
    private record Line(long[] ns, long[] inflight) {
        static Line of(PoolTimeline pool) {
            if (pool.pages() != null && pool.pages().series().bins() > 0) {
                InflightSeries s = pool.pages().series();
                long[] ns = new long[s.bins()];
                long[] v = new long[s.bins()];
                for (int bin = 0; bin < s.bins(); bin++) {
                    ns[bin] = s.binStartNs(bin) + s.binWidthNs();
                    v[bin] = Math.max(0, s.atEnd(bin));
                }
                return new Line(ns, v);
            }
            PoolSamples samples = pool.samples();
            if (samples == null) {
                return null;
            }
            int n = 0;
            for (int i = 0; i < samples.samples(); i++) {
                n += samples.ns(i) != Capture.NO_TIME && samples.inflight(i) >= 0 ? 1 : 0;
            }
            long[] ns = new long[n];
            long[] v = new long[n];
            int k = 0;
            for (int i = 0; i < samples.samples(); i++) {
                if (samples.ns(i) != Capture.NO_TIME && samples.inflight(i) >= 0) {
                    ns[k] = samples.ns(i);
                    v[k++] = samples.inflight(i);
                }
            }
            return n == 0 ? null : new Line(ns, v);
        }
    }

    /** Pages in flight over the capture, one line per pool, on a shared time axis. */
    private void drawChart() {
        GraphicsContext g = chart.getGraphicsContext2D();
        double w = chart.getWidth();
        double h = chart.getHeight();
        g.clearRect(0, 0, w, h);
        if (capture == null || capture.pools().isEmpty()) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long most = 1;
        for (PoolTimeline pool : capture.pools()) {
            Line line = Line.of(pool);
            lines.add(line);
            if (line == null) {
                continue;
            }
            for (int i = 0; i < line.ns().length; i++) {
                start = Math.min(start, line.ns()[i]);
                end = Math.max(end, line.ns()[i]);
                most = Math.max(most, line.inflight()[i]);
            }
        }
        if (start >= end) {
            return;
        }
        double left = 44;
        double bottom = h - 16;
        g.setStroke(Color.GRAY);
        g.strokeLine(left, 4, left, bottom);
        g.strokeLine(left, bottom, w - 4, bottom);
        g.setFill(Color.GRAY);
        g.fillText(String.format(Locale.ROOT, "%,d", most), 2, 12);
        g.fillText("0", 30, bottom);
        g.fillText("inflight over " + seconds(end - start), left + 4, h - 3);
        for (int p = 0; p < lines.size(); p++) {
            Line line = lines.get(p);
            if (line == null) {
                continue;
            }
            g.setStroke(LINES[p % LINES.length]);
            g.setLineWidth(1.5);
            g.beginPath();
            for (int i = 0; i < line.ns().length; i++) {
                double x = left + (w - 4 - left) * (line.ns()[i] - start) / (end - start);
                double y = bottom - (bottom - 4) * line.inflight()[i] / most;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }

    private static String seconds(long ns) {
        return ns >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f s", ns / 1e9)
                : String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }
}
