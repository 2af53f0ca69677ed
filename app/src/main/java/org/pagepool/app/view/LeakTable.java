// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.pagepool.capture.PoolFindings;
import org.pagepool.capture.Show;

/**
 * The leaked pages of a capture in a table sortable by each column: pfn (in
 * hex), pool, age at the end of the capture, held since. The table draws only
 * the rows in sight; at most {@link #MAX_ROWS} rows (the oldest of each pool
 * first) are kept, and the title says how many there were. FX thread only.
 */
public final class LeakTable extends VBox {
    /** Rows kept, whatever the capture: the table is for looking, the JSON report lists all. */
    static final int MAX_ROWS = 50_000;
    private final Label title = new Label();
    private final TableView<Row> table = new TableView<>();

    /** One leaked page. */
    public record Row(long page, boolean pfn, String pool, long ageNs, long heldNs, long reheldNs) {
        /** The page as the table shows it: a pfn in hex, or the page's address. */
        public String shownPage() {
            return pfn ? "0x" + Long.toHexString(page) : Show.page(page, false);
        }
    }

    public LeakTable() {
        super(4);
        setId("leaks");
        title.getStyleClass().add("panel-title");
        table.setId("leakTable");
        table.setPlaceholder(new Label("no leaked pages: every page a destroyed pool took came back"));
        table.setPrefHeight(180);
        table.setMinHeight(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Long> pfn = column("pfn", Row::page, Row::shownPage, 90);
        pfn.setId("leakPfn");
        pfn.setComparator(Long::compareUnsigned);
        TableColumn<Row, String> pool = new TableColumn<>("pool");
        pool.setId("leakPool");
        pool.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().pool()));
        pool.setPrefWidth(110);
        TableColumn<Row, Long> age = column("age at the end", Row::ageNs, row -> Show.duration(row.ageNs()), 95);
        age.setId("leakAge");
        TableColumn<Row, Long> held = column("held since", Row::heldNs, row -> Show.seconds(row.heldNs()), 80);
        held.setId("leakHeld");
        table.getColumns().setAll(List.of(pfn, pool, age, held));
        getChildren().addAll(title, table);
        show(List.of());
    }

    private static TableColumn<Row, Long> column(String name, Function<Row, Long> value, Function<Row, String> text,
                                                 double width) {
        TableColumn<Row, Long> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> cell(text));
        c.setPrefWidth(width);
        return c;
    }

    /** A cell that shows its row through {@code text} (the sort still uses the column's raw value). */
    private static <T> TableCell<Row, T> cell(Function<Row, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : text.apply(row));
            }
        };
    }

    /** Shows the leaks of {@code pools}: the first {@link #MAX_ROWS}, each pool's oldest first. */
    void show(List<CapturedPool> pools) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (CapturedPool p : pools) {
            for (PoolFindings f : p.findings()) {
                total += f.leaks().size();
                for (PoolFindings.Leak leak : f.leaks()) {
                    if (rows.size() == MAX_ROWS) {
                        break;
                    }
                    rows.add(new Row(leak.page(), leak.pfn(), p.label(), leak.ageNs(), leak.heldNs(),
                            leak.reheldNs()));
                }
            }
        }
        table.getSortOrder().clear();
        table.getItems().setAll(rows);
        title.setText(total == 0 ? "Leaked pages: none" : total > rows.size()
                ? String.format(Locale.ROOT, "Leaked pages: %,d (the first %,d listed; import --json lists all)",
                        total, rows.size())
                : String.format(Locale.ROOT, "Leaked pages: %,d (click a column to sort)", total));
        setVisible(total > 0);
        setManaged(total > 0);
    }

    /** The table (for tests: its rows, in the order shown, and its columns). */
    public TableView<Row> table() {
        return table;
    }

}
