// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.pagepool.nic.NicStats;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.view.ModelView;
import org.pagepool.view.PoolTotals;
import org.pagepool.view.PoolView;

/**
 * The counters under their kernel names: the 5.18 page_pool statistics of the
 * pool in use, its hold/release/inflight accounting, and the NIC's drops.
 * Each value has a stable id ({@code #counter-fast}) and changes only when
 * it changed. FX thread only.
 */
public final class CountersPane extends GridPane {
    private static final String[][] POOL_HELP = {
        {"fast", "allocations served straight from the alloc cache"},
        {"slow", "bulk refills of 64 pages from the page allocator (order 0)"},
        {"slow_high_order", "single high-order blocks from the page allocator"},
        {"empty", "allocations that found the cache and the ptr_ring empty"},
        {"refill", "refills of the cache from the ptr_ring (one per refill, up to 64 pages)"},
        {"waive", "ring pages of another NUMA node freed during a refill"},
        {"cached", "pages recycled directly into the alloc cache"},
        {"cache_full", "direct recycles that found the cache full (they went to the ring)"},
        {"ring", "pages produced into the ptr_ring"},
        {"ring_full", "returns the ptr_ring refused (the page went back to the page allocator)"},
        {"released_refcnt", "pages released instead of recycled: a second reference, or pfmemalloc"},
    };
    private static final String[][] ACCOUNT_HELP = {
        {"hold", "pages_state_hold_cnt: pages the pool took from the page allocator"},
        {"release", "pages_state_release_cnt: pages the pool let go of"},
        {"inflight", "hold - release: pages the pool still answers for (cache, ring, driver, sockets)"},
        {"users", "user_cnt: the driver and the XDP memory model"},
    };
    private static final String[][] NIC_HELP = {
        {"rx_missed", "packets the NIC dropped: no page was posted on the next RX descriptor"},
        {"refill_failed", "RX refills that got no page from the pool"},
        {"leaked", "pages the buggy driver freed with put_page() behind the pool's back"},
    };

    private final List<Label> values = new ArrayList<>();
    private final Label poolTitle = new Label();
    private long[] shown = new long[0];

    public CountersPane() {
        setId("counters");
        getStyleClass().add("counters");
        setHgap(10);
        setVgap(1);
        setPadding(new Insets(4, 6, 4, 6));
        poolTitle.getStyleClass().add("panel-title");
        add(poolTitle, 0, 0, 4, 1);
        // two columns: the 5.18 counters left, accounting and the NIC right
        section(POOL_HELP, 1, 0);
        int row = section(ACCOUNT_HELP, 1, 2);
        section(NIC_HELP, row + 1, 2);
    }

    private int section(String[][] help, int row, int column) {
        for (String[] entry : help) {
            Label name = new Label(entry[0]);
            name.getStyleClass().add("counter-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip.install(name, new Tooltip(entry[1]));
            Label value = new Label("0");
            value.setId("counter-" + entry[0]);
            value.getStyleClass().add("counter-value");
            values.add(value);
            add(name, column, row);
            add(value, column + 1, row);
            row++;
        }
        return row;
    }

    /** Shows the counters of {@code view}'s current pool (summed over pools) and NIC. */
    public void show(ModelView view) {
        PoolView pool = view.currentPool();
        PoolTotals totals = view.totals();
        String title = pool == null ? "no pool" : totals.pools() == 1 ? "pool " + pool.id() + " (" + pool.state()
                + ")" : totals.pools() + " pools (counters summed)";
        if (!title.equals(poolTitle.getText())) {
            poolTitle.setText(title);
        }
        NicStats nic = view.nic();
        long[] now = new long[values.size()];
        System.arraycopy(totals.stats().values(), 0, now, 0, PoolStatsSnapshot.NAMES.size());
        int i = PoolStatsSnapshot.NAMES.size();
        now[i++] = totals.hold();
        now[i++] = totals.release();
        now[i++] = totals.inflight();
        now[i++] = totals.users(); // summed with the rest: 16 pools of 2 users each show 32
        now[i++] = nic == null ? 0 : nic.rxMissed();
        now[i++] = nic == null ? 0 : nic.refillFailed();
        now[i] = nic == null ? 0 : nic.leaked();
        for (int k = 0; k < now.length; k++) {
            if (shown.length != now.length || shown[k] != now[k]) {
                values.get(k).setText(String.format(Locale.ROOT, "%,d", now[k]));
            }
        }
        shown = now;
    }

    /**
     * The largest height up to {@code room} that ends just below a row of
     * the table as it is laid out (0 before it is): a viewport that tall
     * shows only whole rows.
     */
    public double wholeRowsWithin(double room) {
        double best = 0;
        for (Node child : getChildren()) {
            double bottom = child.getBoundsInParent().getMaxY() + getVgap();
            if (child.isManaged() && bottom <= room && bottom > best) {
                best = bottom;
            }
        }
        return best;
    }
}
