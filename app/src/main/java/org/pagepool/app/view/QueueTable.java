// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.pagepool.view.QueueView;
import org.pagepool.view.QueuesView;

/**
 * Every queue's counters in a sortable table, a row per queue, like
 * {@code ethtool -S} prints them per queue ({@code rx3_pp_alloc_fast} is
 * queue 3's {@code fast}); the totals are in the counters above. A double
 * click on a row focuses its queue. The rows follow the views at most every
 * {@value #REFRESH_MS} ms of wall time, and only while the table is seen;
 * the sort the user chose stays. FX thread only.
 */
public final class QueueTable extends TableView<QueueView> {
    static final long REFRESH_MS = 250;
    private long lastRefresh;
    private boolean refreshed;
    private QueuesView shown;
    private QueuesView latest = QueuesView.NONE;
    private IntConsumer onFocus = q -> { };

    public QueueTable() {
        setId("queueTable");
        setPlaceholder(new Label("one RX queue: its counters are the totals above"));
        column("queue", "the RX queue (rxN in ethtool -S)", QueueView::queue);
        column("cpu", "the CPU its interrupt is pinned to", QueueView::cpu);
        column("node", "that CPU's NUMA node", QueueView::node);
        column("pps", "packets per simulated second, recently", q -> Double.isNaN(q.pps()) ? 0 : (long) q.pps());
        column("rx_packets", "packets the NIC placed in a posted buffer", q -> q.nic().rxPackets());
        column("rx_missed", "packets dropped: no buffer posted", q -> q.nic().rxMissed());
        column("fast", "rxN_pp_alloc_fast", q -> q.pools().stats().fast());
        column("slow", "rxN_pp_alloc_slow", q -> q.pools().stats().slow());
        column("empty", "rxN_pp_alloc_empty", q -> q.pools().stats().empty());
        column("refill", "rxN_pp_alloc_refill", q -> q.pools().stats().refill());
        column("waive", "rxN_pp_alloc_waive", q -> q.pools().stats().waive());
        column("cached", "rxN_pp_recycle_cached", q -> q.pools().stats().cached());
        column("cache_full", "rxN_pp_recycle_cache_full", q -> q.pools().stats().cacheFull());
        column("ring", "rxN_pp_recycle_ring", q -> q.pools().stats().ring());
        column("ring_full", "rxN_pp_recycle_ring_full", q -> q.pools().stats().ringFull());
        column("released_refcnt", "rxN_pp_recycle_released_ref", q -> q.pools().stats().releasedRefcnt());
        column("inflight", "pages its pools answer for: hold - release", q -> q.pools().inflight());
        setRowFactory(table -> {
            TableRow<QueueView> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    onFocus.accept(row.getItem().queue());
                }
            });
            return row;
        });
    }

    private void column(String name, String help, ToLongFunction<QueueView> value) {
        TableColumn<QueueView, Long> column = new TableColumn<>(name);
        column.setId("queueColumn-" + name);
        Label header = new Label(name);
        header.setTooltip(new Tooltip(help));
        column.setGraphic(header);
        column.setText("");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        getColumns().add(column);
    }

    /** Who is told when a row is double-clicked (its queue). */
    public void setOnFocus(IntConsumer handler) {
        onFocus = handler;
    }

    /** Takes the queues of a view; the rows change when they are seen and the last change is old enough. */
    public void show(QueuesView queues, long wallNanos, boolean seen) {
        latest = queues;
        if (seen && (!refreshed || wallNanos - lastRefresh >= REFRESH_MS * 1_000_000L)) {
            lastRefresh = wallNanos;
            refreshed = true;
            showLatest();
        }
    }

    /** Shows the latest queues now (the table has just come into sight). */
    public void showLatest() {
        if (latest.equals(shown)) {
            return;
        }
        shown = latest;
        List<QueueView> rows = latest.many() ? latest.list() : List.of();
        getItems().setAll(rows);
        sort(); // the user's sort order, on the new values
        getSelectionModel().clearSelection();
    }
}
