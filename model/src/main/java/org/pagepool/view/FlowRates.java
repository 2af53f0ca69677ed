// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.Arrays;
import org.pagepool.nic.NicStats;

/**
 * Pages per simulated second along each path a page takes, from the counters
 * of successive views of one run: the one place where the window's flow
 * arrows and its charts get their rates.
 *
 * <p>A rate is measured over the shortest recent window that spans at least
 * {@link #MIN_WINDOW_NS} of simulated time. Before such a window exists
 * there is no number ({@link Double#NaN}): a rate over a few nanoseconds
 * would read in the hundreds of billions. A path along which fewer than
 * {@link #MIN_EVENTS} pages moved in the window reads 0, so an arrow stops
 * as soon as its counter stops. Going back in time, loading something else
 * or a pool disappearing (its counters leave the sums) starts the window
 * again, and so does focusing another queue: the paths are the focused
 * queue's (its pools and its NIC counters). One thread (the viewer's).
 */
public final class FlowRates {
    /** The shortest stretch of simulated time a rate is measured over. */
    public static final long MIN_WINDOW_NS = 1_000_000L;
    /** Fewer pages than this in the window is no flow at all. */
    public static final long MIN_EVENTS = 4;
    /** Samples closer than this in simulated time are not kept apart (slow speeds publish many). */
    static final long SAMPLE_SPACING_NS = MIN_WINDOW_NS / 16;
    /** Samples kept: enough for a window at any speed. */
    static final int SAMPLES = 64;

    /** What moves, each read from the kernel's counters (summed over the focused queue's pools). */
    public enum Path {
        /** Pages the pools took from the page allocator ({@code pages_state_hold_cnt}). */
        FROM_ALLOCATOR,
        /** Pages the pools handed to the driver: {@code fast + slow + slow_high_order + refill}. */
        HANDED_OUT,
        /** Of those, pages popped off the alloc cache ({@code fast}). */
        FAST,
        /** Pages recycled straight into the alloc cache ({@code cached}). */
        RECYCLED_DIRECT,
        /** Pages recycled into the ptr_ring ({@code ring}). */
        INTO_RING,
        /** Pages a refill moved from the ptr_ring into the alloc cache: consumed, less {@code waive}. */
        RING_TO_CACHE,
        /** Pages the pools gave back to the page allocator ({@code pages_state_release_cnt}). */
        RELEASED,
        /** Packets the XDP program passed up the stack or redirected ({@code xdp_pass + xdp_redirect}). */
        TO_STACK
    }

    private static final int PATHS = Path.values().length;

    private final long[] times = new long[SAMPLES];
    private final long[][] totals = new long[SAMPLES][PATHS];
    private int count;
    private int newest = -1;
    private final long[] currentTotals = new long[PATHS];
    private long currentTime = -1;
    private long loads = -1;
    private int focus;
    private final double[] rates = new double[PATHS];
    private long windowNs;

    public FlowRates() {
        Arrays.fill(rates, Double.NaN);
    }

    /** Takes a new view of the run (views of the same moment change nothing). */
    public void update(ModelView view) {
        if (view.loads() != loads || view.queues().focus() != focus) {
            loads = view.loads();
            focus = view.queues().focus();
            reset(); // another run, or another queue's counters
        }
        sample(view.timeNs(), totals(view));
    }

    /**
     * Takes the running totals of every path at simulated time
     * {@code timeNs} (in {@link Path} order; see {@link #totals}) of run
     * {@code loads}: for rates of something else than a view's focused queue.
     */
    public void sample(long runLoads, long timeNs, long[] now) {
        if (runLoads != loads) {
            loads = runLoads;
            reset();
        }
        sample(timeNs, now);
    }

    /** Takes the running totals of every path at simulated time {@code timeNs} (in {@link Path} order). */
    void sample(long timeNs, long[] now) {
        if (currentTime >= 0 && (timeNs < currentTime || decreased(now))) {
            reset(); // back in time, or a pool's counters left the sums: the old samples mean nothing now
        }
        if (timeNs == currentTime && Arrays.equals(now, currentTotals)) {
            return;
        }
        currentTime = timeNs;
        System.arraycopy(now, 0, currentTotals, 0, PATHS);
        if (count == 0 || timeNs - times[newest] >= SAMPLE_SPACING_NS) {
            newest = (newest + 1) % SAMPLES;
            times[newest] = timeNs;
            System.arraycopy(now, 0, totals[newest], 0, PATHS);
            count = Math.min(count + 1, SAMPLES);
        }
        measure();
    }

    private boolean decreased(long[] now) {
        for (int p = 0; p < PATHS; p++) {
            if (now[p] < currentTotals[p]) {
                return true;
            }
        }
        return false;
    }

    /** The rates over the newest sample at least {@link #MIN_WINDOW_NS} before now. */
    private void measure() {
        Arrays.fill(rates, Double.NaN);
        windowNs = 0;
        for (int i = 0; i < count; i++) {
            int s = Math.floorMod(newest - i, SAMPLES);
            long span = currentTime - times[s];
            if (span < MIN_WINDOW_NS) {
                continue;
            }
            windowNs = span;
            for (int p = 0; p < PATHS; p++) {
                long moved = currentTotals[p] - totals[s][p];
                rates[p] = moved < MIN_EVENTS ? 0 : moved * 1e9 / span;
            }
            return;
        }
    }

    /** Forgets every sample: no rates until a new window has passed. */
    public void reset() {
        count = 0;
        newest = -1;
        currentTime = -1;
        windowNs = 0;
        Arrays.fill(currentTotals, 0);
        Arrays.fill(rates, Double.NaN);
    }

    /** Pages per simulated second along {@code path}, or NaN while no window is long enough. */
    public double rate(Path path) {
        return rates[path.ordinal()];
    }

    /** Whether the rates are measured (a window of at least {@link #MIN_WINDOW_NS} has passed). */
    public boolean measured() {
        return windowNs > 0;
    }

    /** The simulated time the rates are measured over, 0 while there is none. */
    public long windowNs() {
        return windowNs;
    }

    /** The running total of every path in one view (its focused queue), in {@link Path} order. */
    static long[] totals(ModelView view) {
        return totals(view.pools().shown(), view.focusedNic());
    }

    /** The running total of every path of {@code pools} and {@code nic} (null for none), in {@link Path} order. */
    public static long[] totals(PoolTotals pools, NicStats nic) {
        var s = pools.stats();
        long consumed = s.ring() - pools.inRing();
        long passed = nic == null ? 0 : nic.pass() + nic.redirect();
        return new long[] {pools.hold(), s.fast() + s.slow() + s.slowHighOrder() + s.refill(), s.fast(), s.cached(),
                s.ring(), Math.max(0, consumed - s.waive()), pools.release(), passed};
    }
}
