// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pagepool.run.ModelView;
import org.pagepool.workload.Param;

/**
 * The column on the right: the counters and "now executing" always in
 * sight, and tabs for the charts, the workload's parameters and the script.
 */
public final class SidePanel extends VBox {
    private final CountersPane counters = new CountersPane();
    private final NowExecutingPane now;
    private final ChartPane charts = new ChartPane();
    private final ParamSheet params;
    private final ScriptPane script = new ScriptPane();
    private final TabPane tabs = new TabPane();
    private final Tab scriptTab;
    private final Tab paramsTab;

    public SidePanel(Properties explanations, Consumer<String> openUrl, BiConsumer<Param, Double> onEdit) {
        setId("side");
        getStyleClass().add("side-panel");
        now = new NowExecutingPane(explanations, openUrl);
        params = new ParamSheet(onEdit);
        Tab chartTab = new Tab("Charts", charts);
        paramsTab = new Tab("Parameters", params.node());
        scriptTab = new Tab("Script", script);
        for (Tab t : new Tab[] {chartTab, paramsTab, scriptTab}) {
            t.setClosable(false);
        }
        tabs.setId("sideTabs");
        tabs.getTabs().addAll(chartTab, paramsTab, scriptTab);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        ScrollPane countersScroll = new ScrollPane(counters);
        countersScroll.setFitToWidth(true);
        countersScroll.setMinHeight(150);
        countersScroll.setPrefViewportHeight(205);
        getChildren().addAll(countersScroll, now, tabs);
        setPrefWidth(400);
        setMinWidth(300);
    }

    public void show(ModelView view, long wallNanos) {
        counters.show(view);
        now.show(view.current(), view.eventsOn());
        charts.show(view);
        charts.sample(view, wallNanos);
        params.show(view.params());
        if (view.script() != null) {
            script.show(view.script());
            if (tabs.getSelectionModel().getSelectedItem() != scriptTab && !scriptShown) {
                tabs.getSelectionModel().select(scriptTab);
            }
            scriptShown = true;
        } else {
            scriptShown = false;
        }
    }

    private boolean scriptShown;

    public void draw() {
        charts.redrawIfDirty();
    }

    public void setPalette(Palette palette) {
        charts.setPalette(palette);
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
