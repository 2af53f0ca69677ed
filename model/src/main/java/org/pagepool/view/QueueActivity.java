// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pagepool.mm.PageRef;
import org.pagepool.nic.Driver;
import org.pagepool.nic.NicStats;
import org.pagepool.nic.RxRing;
import org.pagepool.pool.PagePool;
import org.pagepool.ring.PtrRing;
import org.pagepool.workload.Simulation;

/**
 * The worker's memory of each queue between views: when its trouble
 * counters last grew (for the tiles' red mark) and its recent packet counts
 * (for its rate). It turns a simulation into a {@link QueuesView} once per
 * published view. Going back in time, or another simulation, starts it
 * afresh. Worker thread only.
 */
public final class QueueActivity {
    /** A mark stays this long after its counter grew: "in the last simulated second". */
    public static final long MARK_NS = 1_000_000_000L;
    /** The shortest stretch of simulated time a queue's rate is measured over. */
    public static final long MIN_WINDOW_NS = FlowRates.MIN_WINDOW_NS;
    private static final int SAMPLES = 32;
    private static final long SPACING_NS = MIN_WINDOW_NS / 8;
    private static final long NONE = Long.MIN_VALUE;

    private int queues = -1;
    private long lastTime = -1;
    /** Per queue and trouble kind (ring_full, rx_missed, waive): the last value seen and when it last grew. */
    private long[][] seen;
    private long[][] grewAt;
    private final long[] times = new long[SAMPLES];
    private long[][] packets;
    private int count;
    private int newest = -1;
    /** Reused to read a pool's cache and ring without allocating per view. */
    private int[] scratch = new int[PagePool.PP_ALLOC_CACHE_SIZE];

    /** The queues of {@code sim} now, {@code focus} (clamped to the queues there are) in focus. */
    public QueuesView observe(Simulation sim, int focus) {
        int n = sim.queueCount();
        long now = sim.now();
        if (n != queues || now < lastTime) {
            reset(n);
        }
        lastTime = now;
        sample(sim, now, n);
        int nodes = sim.kernel().mm().nodeCount();
        int[] pages = new int[nodes * n];
        List<QueueView> list = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            list.add(queue(sim, q, now, pages, n));
        }
        return new QueuesView(Math.max(0, Math.min(focus, n - 1)), list, nodes, pages);
    }

    private void reset(int n) {
        queues = n;
        seen = new long[n][3];
        grewAt = new long[n][3];
        for (long[] g : grewAt) {
            Arrays.fill(g, NONE);
        }
        packets = new long[SAMPLES][n];
        count = 0;
        newest = -1;
        lastTime = -1;
    }

    private void sample(Simulation sim, long now, int n) {
        if (count > 0 && now - times[newest] < SPACING_NS) {
            return;
        }
        newest = (newest + 1) % SAMPLES;
        times[newest] = now;
        for (int q = 0; q < n; q++) {
            packets[newest][q] = sim.driver(q).stats().processed();
        }
        count = Math.min(count + 1, SAMPLES);
    }

    /** Queue {@code q}'s packets per simulated second over the newest sample at least a window old, or NaN. */
    private double pps(int q, long now, long current) {
        for (int i = 0; i < count; i++) {
            int s = Math.floorMod(newest - i, SAMPLES);
            long span = now - times[s];
            if (span >= MIN_WINDOW_NS) {
                return (current - packets[s][q]) * 1e9 / span;
            }
        }
        return Double.NaN;
    }

    private QueueView queue(Simulation sim, int q, long now, int[] pages, int n) {
        Driver driver = sim.driver(q);
        NicStats nic = driver.stats();
        List<PagePool> pools = sim.pools(q);
        PoolTotals totals = PoolTotals.ofPools(pools);
        int marks = mark(q, 0, totals.stats().ringFull(), now, QueueView.RING_FULL)
                | mark(q, 1, nic.rxMissed(), now, QueueView.RX_MISSED)
                | mark(q, 2, totals.stats().waive(), now, QueueView.WAIVE);
        for (PagePool pool : pools) {
            countPages(pool, q, pages, n);
        }
        RxRing rx = driver.rx();
        for (int i = 0; i < rx.size(); i++) {
            count(rx.page(i), q, pages, n);
        }
        PagePool current = driver.pool();
        int cached = current == null ? 0 : current.allocCount();
        PtrRing ring = current == null ? null : current.ring();
        return new QueueView(q, driver.config().irqCpu(), driver.config().irqNode(), cached,
                ring == null ? 0 : ring.count(), ring == null ? 0 : ring.stale(), ring == null ? 0 : ring.size(),
                rx.posted(), rx.completed(), rx.size(), sim.rssShare(q), pps(q, now, nic.processed()), marks, totals,
                nic);
    }

    /** {@code bit} when counter {@code kind} of queue {@code q} grew within the last {@link #MARK_NS}. */
    private int mark(int q, int kind, long value, long now, int bit) {
        if (value > seen[q][kind]) {
            grewAt[q][kind] = now;
        }
        seen[q][kind] = value; // a deferred pool freed takes its counts out of the sum: not growth
        long at = grewAt[q][kind];
        return at != NONE && now - at < MARK_NS ? bit : 0;
    }

    private void countPages(PagePool pool, int q, int[] pages, int n) {
        PtrRing ring = pool.ring();
        int need = Math.max(pool.allocCount(), ring.size());
        if (scratch.length < need) {
            scratch = new int[need];
        }
        pool.copyAllocCache(scratch);
        for (int i = 0, c = pool.allocCount(); i < c; i++) {
            count(scratch[i], q, pages, n);
        }
        ring.forEachLive(page -> count(page, q, pages, n));
    }

    private static void count(int page, int q, int[] pages, int n) {
        if (page != 0) {
            pages[PageRef.pageToNid(page) * n + q]++;
        }
    }
}
