// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pagepool.view.ScriptView;

/**
 * A script being stepped through: its lines, the one that ran last
 * highlighted (and scrolled to), and that line's trace line below.
 */
public final class ScriptPane extends VBox {
    private final Label title = new Label("Script");
    private final ListView<String> lines = new ListView<>();
    private final Label trace = new Label();
    private final Label error = new Label();
    private List<String> source = List.of();
    private int lastLine = -1;

    public ScriptPane() {
        setId("script");
        setPadding(new Insets(4, 6, 4, 6));
        setSpacing(4);
        title.getStyleClass().add("panel-title");
        lines.setId("scriptLines");
        lines.setCellFactory(list -> new NumberedCell());
        VBox.setVgrow(lines, Priority.ALWAYS);
        trace.setId("traceLine");
        trace.setWrapText(true);
        trace.setMinHeight(Region.USE_PREF_SIZE); // the script's lines give way, not the trace
        trace.getStyleClass().add("trace-line");
        error.setId("scriptError");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("error-text");
        getChildren().addAll(title, lines, trace, error);
    }

    public void show(ScriptView view) {
        if (!view.source().equals(source)) {
            source = view.source();
            lines.setItems(FXCollections.observableArrayList(source));
            // the file's name (a path does not wrap); the whole path in the tooltip
            String file = view.file();
            title.setText("Script: " + file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1));
            title.setTooltip(new Tooltip(file));
            lastLine = -1;
        }
        if (view.lastLine() != lastLine) {
            lastLine = view.lastLine();
            if (lastLine > 0) {
                lines.getSelectionModel().select(lastLine - 1);
                lines.scrollTo(Math.max(0, lastLine - 4));
            } else {
                lines.getSelectionModel().clearSelection();
            }
        }
        String traceLine = view.lastTraceLine();
        if (!traceLine.equals(trace.getText())) {
            trace.setText(traceLine);
        }
        String message = view.error() == null ? "" : view.error();
        if (!message.equals(error.getText())) {
            error.setText(message);
        }
    }

    /** Nothing loaded is a script: the tab says so instead of keeping the last script's lines. */
    public void clear() {
        if (source.isEmpty() && lastLine == -1) {
            return;
        }
        source = List.of();
        lastLine = -1;
        lines.setItems(FXCollections.observableArrayList());
        title.setText("Script: none (open a .pool script to step through it)");
        trace.setText("");
        error.setText("");
    }

    /** The title line: which script the tab shows. */
    public String titleText() {
        return title.getText();
    }

    /** The script lines the tab lists. */
    public int lineCount() {
        return lines.getItems().size();
    }

    /** The line number (1-based) highlighted, 0 for none. */
    public int highlightedLine() {
        return lines.getSelectionModel().getSelectedIndex() + 1;
    }

    /** A line with its number in front. */
    private static final class NumberedCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.format("%3d  %s", getIndex() + 1, item));
        }
    }
}
