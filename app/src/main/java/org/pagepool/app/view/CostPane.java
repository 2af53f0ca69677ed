// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.pagepool.cost.CostEstimate;
import org.pagepool.cost.CostModel;
import org.pagepool.cost.CostPath;
import org.pagepool.cost.CpuProfile;
import org.pagepool.cost.Figure;
import org.pagepool.cost.Flow;
import org.pagepool.view.ModelView;
import org.pagepool.view.ViewFlow;

/**
 * What a real CPU would spend on the model's current flow: nanoseconds per
 * packet by path and packets per second on one core, from the published
 * page_pool figures, for a chosen CPU. Each row's tooltip gives the figure
 * and its source; derived or scaled figures are marked as estimates.
 */
public final class CostPane extends VBox {
    /** The flow is measured over the views of about this much wall time. */
    private static final long WINDOW_NS = 500_000_000L;

    private final ComboBox<CpuProfile> cpu = new ComboBox<>();
    private final CheckBox iommu = new CheckBox("IOMMU");
    private final CheckBox mitigationsOff = new CheckBox("mitigations off");
    private final Spinner<Integer> returning = new Spinner<>(1, 4, 1);
    private final Map<CostPath, Label> values = new EnumMap<>(CostPath.class);
    private final Map<CostPath, Tooltip> tips = new EnumMap<>(CostPath.class);
    private final Label total = new Label();
    private final Label mpps = new Label();
    private final Label note = new Label();
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private CostEstimate shown;

    private record Sample(long wall, ModelView view) {
    }

    public CostPane() {
        setId("cost");
        setPadding(new Insets(6));
        setSpacing(6);
        cpu.setId("cpuProfile");
        cpu.getItems().addAll(CpuProfile.values());
        cpu.setValue(CpuProfile.XEON_E5_1650_V4);
        cpu.setTooltip(new Tooltip("The CPU whose published figures to use"));
        iommu.setId("iommu");
        iommu.setSelected(true);
        iommu.setTooltip(new Tooltip("With an IOMMU, mapping and unmapping a page for DMA cost ~125-160 ns each"));
        mitigationsOff.setId("mitigationsOff");
        mitigationsOff.setTooltip(new Tooltip("EPYC figures without the default security mitigations"));
        returning.setId("returningCpus");
        returning.setPrefWidth(70);
        returning.setTooltip(new Tooltip("How many CPUs return pages to the ring at the same time"));
        GridPane rows = new GridPane();
        rows.setHgap(10);
        rows.setVgap(2);
        int row = 0;
        for (CostPath path : CostPath.values()) {
            Label name = new Label(path.label());
            Label value = new Label("–");
            value.setId("cost-" + path.name().toLowerCase(Locale.ROOT));
            value.getStyleClass().add("counter-value");
            Tooltip tip = new Tooltip(); // one per row, its text follows the figure
            name.setTooltip(tip);
            value.setTooltip(tip);
            tips.put(path, tip);
            values.put(path, value);
            rows.add(name, 0, row);
            rows.add(value, 1, row);
            row++;
        }
        total.setId("costTotal");
        total.getStyleClass().add("panel-title");
        mpps.setId("costMpps");
        mpps.getStyleClass().add("panel-title");
        note.setWrapText(true);
        note.getStyleClass().add("scenario-watch");
        Label title = new Label("What a real CPU would spend");
        title.getStyleClass().add("panel-title");
        getChildren().addAll(title, cpu, new HBox(10, iommu, mitigationsOff), new HBox(6, new Label(
                "CPUs returning at once"), returning), rows, total, mpps, note);
        cpu.valueProperty().addListener((o, a, b) -> recompute());
        iommu.selectedProperty().addListener((o, a, b) -> recompute());
        mitigationsOff.selectedProperty().addListener((o, a, b) -> recompute());
        returning.valueProperty().addListener((o, a, b) -> recompute());
    }

    /** A new view: the flow is measured from the views of the last half second. */
    public void show(ModelView view, long wall) {
        if (!view.live()) {
            return;
        }
        if (!samples.isEmpty() && (view.timeNs() < samples.peekLast().view().timeNs()
                || !view.source().equals(samples.peekLast().view().source()))) {
            samples.clear(); // went back, or another run
        }
        samples.addLast(new Sample(wall, view));
        while (samples.size() > 2 && wall - samples.peekFirst().wall() > WINDOW_NS) {
            samples.removeFirst();
        }
        recompute();
    }

    private void recompute() {
        if (samples.size() < 2) {
            return;
        }
        Flow flow = ViewFlow.between(samples.peekFirst().view(), samples.peekLast().view());
        if (flow.packets() <= 0) {
            return; // paused, or nothing arrives: keep the last estimate
        }
        CostEstimate estimate = CostModel.estimate(flow, cpu.getValue(), iommu.isSelected(),
                mitigationsOff.isSelected(), returning.getValue());
        shown = estimate;
        for (CostPath path : CostPath.values()) {
            Figure figure = estimate.figures().get(path);
            double ns = estimate.nsPerPacket().getOrDefault(path, 0.0);
            values.get(path).setText(String.format(Locale.ROOT, "%.1f ns%s", ns, figure.estimate() && ns > 0
                    ? " (est.)" : ""));
            String tip = String.format(Locale.ROOT, "%.1f ns %s; %s", figure.ns(), unit(path), figure.source())
                    + (figure.estimate() ? " (an estimate)" : "");
            if (!tip.equals(tips.get(path).getText())) {
                tips.get(path).setText(tip);
            }
        }
        total.setText(String.format(Locale.ROOT, "%.1f ns per packet%s", estimate.totalNs(),
                estimate.estimate() ? " (an estimate)" : ""));
        mpps.setText(String.format(Locale.ROOT, "%.2f Mpps on one core", estimate.mpps()));
        note.setText(iommu.isSelected() ? "" : "Without an IOMMU, DMA mapping is direct and costs next to nothing.");
    }

    private static String unit(CostPath path) {
        switch (path) {
            case FAST_PATH: return "per alloc + recycle pair";
            case DRIVER: return "per packet";
            case HIGH_ORDER: return "per block";
            default: return "per page";
        }
    }

    /** The estimate shown now (null before there is a flow). */
    public CostEstimate estimate() {
        return shown;
    }
}
