// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureReport;
import org.pagepool.view.FlowRates;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Param;

/**
 * The column on the right: the counters and "now executing" always in
 * sight, and tabs for the charts, the workload's parameters and the script.
 */
public final class SidePanel extends VBox {
    private final CountersPane counters = new CountersPane();
    private final NowExecutingPane now;
    private final ChartPane charts = new ChartPane();
    private final ChoiceBox<ChartPane.Mode> chartMode = new ChoiceBox<>();
    private final Tab chartTab;
    private final ParamSheet params;
    private final ScriptPane script = new ScriptPane();
    private final ScenarioPane scenario;
    private final CostPane cost = new CostPane();
    private final CapturePane capture = new CapturePane();
    private final QueueTable queueTable = new QueueTable();
    private final Tab queuesTab = new Tab("Queues", queueTable);
    private final Tab captureTab = new Tab("Real system", capture);
    private static final double PREF_WIDTH = 400;
    /** How often the counters and the cost estimate change while the run plays too fast for page events. */
    static final long NUMBERS_EVERY_NS = 250_000_000L;
    /** When the counters last changed (wall time of the pulse). */
    private long numbersShown = Long.MIN_VALUE / 2;
    /** From this window width on, the panel takes {@link #LARGE_SHARE} of it. */
    static final double LARGE_WIDTH = 1900;
    static final double LARGE_SHARE = 0.25;
    /** From this window height on, the counters' viewport grows with it. */
    static final double LARGE_HEIGHT = 1000;
    private static final double COUNTERS_HEIGHT = 205;
    /** The counters' least height at 100 %, about six rows: scaled with the type, as their rows are. */
    private static final double COUNTERS_MIN_HEIGHT = 150;
    private double windowWidth;
    private double windowHeight;
    private final ScrollPane countersScroll;
    /** Room for the counters' vertical scroll bar and the scroll pane's border. */
    private static final double SCROLL_BAR = 18;
    private final TabPane tabs = new TabPane();
    private final Label log = new Label();
    private long logShown = -1;
    private final Tab scriptTab;
    private final Tab paramsTab;

    public SidePanel(Properties explanations, Consumer<String> openUrl, BiConsumer<Param, Double> onEdit,
                     Consumer<Boolean> onGuided, Runnable onContinue) {
        setId("side");
        getStyleClass().add("side-panel");
        now = new NowExecutingPane(explanations, openUrl);
        params = new ParamSheet(onEdit);
        scenario = new ScenarioPane(onGuided, onContinue);
        Tab scenarioTab = new Tab("Scenario", scenario);
        chartMode.setId("chartMode");
        chartMode.getItems().setAll(ChartPane.Mode.values());
        chartMode.setValue(ChartPane.Mode.QUEUE);
        chartMode.setTooltip(new Tooltip("On a NIC of several queues: the focused queue, all queues summed,"
                + " or every queue stacked (coloured as in the buddy view)"));
        chartMode.valueProperty().addListener((o, was, is) -> charts.setMode(is));
        VBox chartBox = new VBox(4, chartMode, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        chartTab = new Tab("Charts", chartBox);
        Tab costTab = new Tab("Cost", new ScrollPane(cost));
        paramsTab = new Tab("Parameters", params.node());
        scriptTab = new Tab("Script", script);
        for (Tab t : new Tab[] {scenarioTab, chartTab, queuesTab, costTab, paramsTab, scriptTab, captureTab}) {
            t.setClosable(false);
        }
        queuesTab.setId("queuesTab");
        queuesTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                queueTable.showLatest();
            }
        });
        tabs.setId("sideTabs");
        tabs.getTabs().addAll(scenarioTab, chartTab, queuesTab, costTab, paramsTab, scriptTab, captureTab);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        countersScroll = new ScrollPane(counters);
        countersScroll.setId("countersScroll");
        countersScroll.setFitToWidth(true);
        countersScroll.setMinHeight(COUNTERS_MIN_HEIGHT);
        countersScroll.setPrefViewportHeight(COUNTERS_HEIGHT);
        log.setId("log");
        log.getStyleClass().add("trace-line");
        log.setWrapText(true);
        log.setMinHeight(Region.USE_PREF_SIZE);
        log.setTooltip(new Tooltip("The kernel log: what page_pool printed (pr_warn, WARN)"));
        getChildren().addAll(countersScroll, now, log, tabs);
        // a real machine's capture takes the whole column: the simulation's counters are not about it
        captureTab.selectedProperty().addListener((o, was, is) -> {
            for (Region part : new Region[] {countersScroll, now, log}) {
                part.setVisible(!is);
                part.setManaged(!is);
            }
        });
        setMinWidth(300);
    }

    /**
     * Wide enough for every counter whole, in every theme's type size (large
     * on the projector theme), and a share of a large window: at 1920 pixels
     * and more the panel grows with it, so that every tab shows and the
     * tables and charts get room.
     */
    @Override
    protected double computePrefWidth(double height) {
        Insets insets = getInsets();
        double share = windowWidth >= LARGE_WIDTH ? windowWidth * LARGE_SHARE : 0;
        if (share > 0) {
            share = Math.max(share, tabHeadersWidth() + insets.getLeft() + insets.getRight());
        }
        Insets frame = countersScroll.getInsets(); // the scroll pane's border and padding, thicker in some themes
        return Math.max(Math.max(PREF_WIDTH * scale, share), counters.prefWidth(-1) + SCROLL_BAR * scale
                + frame.getLeft() + frame.getRight() + insets.getLeft() + insets.getRight());
    }

    /**
     * The width every tab's header needs side by side (the header area's own,
     * which the skin makes; 0 before it has one): at 100 % a quarter of 1920
     * cut the last one to "Real syst".
     */
    private double tabHeadersWidth() {
        Node area = tabs.lookup(".tab-header-area");
        return area == null ? 0 : area.prefWidth(-1) + tabs.getInsets().getLeft() + tabs.getInsets().getRight();
    }

    /**
     * The window's size: on a large screen the panel takes a share of the
     * width and the counters show more rows, instead of keeping the
     * proportions of 1280x720.
     */
    public void setWindowSize(double width, double height) {
        if (width == windowWidth && height == windowHeight) {
            return;
        }
        windowWidth = width;
        windowHeight = height;
        countersScroll.setPrefViewportHeight(height >= LARGE_HEIGHT ? COUNTERS_HEIGHT * height / 720
                : COUNTERS_HEIGHT);
        countersScroll.setMaxHeight(Region.USE_COMPUTED_SIZE); // whole rows again at the new size
        requestLayout();
    }

    /**
     * The counters' viewport ends below a whole row, the pixels of a part row
     * going to the parts below it: a row cut along its baseline made 3,799
     * read 3.799 and rx_missed rx missed.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double viewport = countersScroll.getViewportBounds().getHeight();
        double whole = counters.wholeRowsWithin(viewport);
        if (whole > 0 && viewport - whole > 0.5) {
            double frame = countersScroll.getHeight() - viewport;
            countersScroll.setMinHeight(Math.min(countersScroll.getMinHeight(), whole + frame));
            countersScroll.setMaxHeight(whole + frame);
            super.layoutChildren();
        }
    }

    public void show(ModelView view, long wallNanos) {
        // at full speed the numbers change with every view, faster than anyone reads them (and each change
        // lays the panel out again): then they change a few times a second, else with every view
        boolean fast = view.state() == RunnerState.PLAYING && !view.eventsOn();
        if (!fast || wallNanos - numbersShown >= NUMBERS_EVERY_NS || wallNanos < numbersShown) {
            numbersShown = wallNanos;
            counters.show(view);
            cost.show(view, wallNanos);
        }
        if (view.logTotal() != logShown) {
            logShown = view.logTotal();
            List<String> lines = view.log();
            StringBuilder text = new StringBuilder();
            for (int i = Math.max(0, lines.size() - 2); i < lines.size(); i++) {
                text.append(text.length() > 0 ? "\n" : "").append("! ").append(lines.get(i));
            }
            log.setText(text.toString());
        }
        now.show(view.current(), view.calls(), view.eventsOn());
        charts.show(view);
        charts.sample(view, wallNanos);
        queueTable.show(view.queues(), wallNanos, queuesTab.isSelected());
        params.show(view.params());
        scenario.show(view.guide());
        if (view.script() != null) {
            script.show(view.script());
            if (tabs.getSelectionModel().getSelectedItem() != scriptTab && !scriptShown) {
                tabs.getSelectionModel().select(scriptTab);
            }
            scriptShown = true;
        } else {
            scriptShown = false;
            script.clear(); // a preset replaced the script: no stale lines
        }
    }

    private boolean scriptShown;

    /** Draws the charts when they changed and can be seen (a hidden tab waits until chosen). */
    public void draw() {
        if (chartTab.isSelected()) {
            charts.redrawIfDirty();
        }
    }

    public void setPalette(Palette palette) {
        charts.setPalette(palette);
        capture.setPalette(palette);
    }

    /** The presentation scale of the charts (the rest of the panel follows the CSS type size). */
    public void setScale(double newScale) {
        scale = newScale;
        charts.setScale(newScale);
        countersScroll.setMinHeight(COUNTERS_MIN_HEIGHT * newScale);
        countersScroll.setMaxHeight(Region.USE_COMPUTED_SIZE); // whole rows again at the new size
        requestLayout();
    }

    private double scale = 1;

    public ChartPane charts() {
        return charts;
    }

    /** What the charts show: the focused queue, the totals or every queue stacked. */
    public ChoiceBox<ChartPane.Mode> chartMode() {
        return chartMode;
    }

    /** The per-queue counters (the Queues tab). */
    public QueueTable queueTable() {
        return queueTable;
    }

    /** Shows the per-queue table. */
    public void selectQueues() {
        tabs.getSelectionModel().select(queuesTab);
    }

    /** The flow rates the charts show (the journey's: one set of rates in the window). */
    public void setFlowRates(FlowRates rates) {
        charts.setRates(rates);
    }

    /** A real machine's capture: shown in its own tab, which comes to the front. */
    public void showCapture(String name, Capture imported,
                            CaptureReport report) {
        capture.show(name, imported, report);
        tabs.getSelectionModel().select(captureTab);
    }

    public CapturePane capture() {
        return capture;
    }

    public ScenarioPane scenario() {
        return scenario;
    }

    public CostPane cost() {
        return cost;
    }

    public ScriptPane script() {
        return script;
    }

    public CountersPane counters() {
        return counters;
    }

    public NowExecutingPane now() {
        return now;
    }

    public TabPane tabs() {
        return tabs;
    }

    public Tab paramsTab() {
        return paramsTab;
    }
}
