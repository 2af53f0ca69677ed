// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds the pools that a capture shows twice: once by the address the trace
 * printed, once by the id netlink gave. Nothing in either names the other, so
 * they are joined only on evidence: every netlink dump taken while the trace
 * ran saw an inflight the trace also had in that moment (at least
 * {@value #LEAST_DUMPS} such dumps, one of them with pages out), their
 * shutdowns began within netlink's one-second {@code detach-time}, and
 * exactly one pool of each kind fits the other. The report (text and JSON)
 * and the app's Real system tab both follow this one rule.
 */
public final class PoolJoin {
    /** Dumps that must agree before two pools are called one. */
    static final int LEAST_DUMPS = 2;
    /** {@code detach-time} is in whole seconds. */
    private static final long DETACH_SLACK_NS = 1_000_000_000L;

    private PoolJoin() {
    }

    /**
     * Two pools of a capture that are one: the trace's (by address) and netlink's (by id).
     *
     * @param traced index of the trace's pool in the capture's pools
     * @param dumped index of netlink's pool
     * @param label  how both name it together: {@code pool 1 = 0xffff888100001000}
     * @param why    the evidence, in words
     */
    public record Joined(int traced, int dumped, String label, String why) {
    }

    /** The pairs of {@code pools} that are one pool, in the order of their first member. */
    public static List<Joined> of(List<PoolTimeline> pools) {
        int[] partner = partners(pools);
        List<Joined> joined = new ArrayList<>();
        for (int i = 0; i < partner.length; i++) {
            int j = partner[i];
            if (j > i) {
                int traced = pools.get(i).pages() != null ? i : j;
                int dumped = traced == i ? j : i;
                String address = Show.address(pools.get(traced).address());
                int id = pools.get(dumped).id();
                joined.add(new Joined(traced, dumped, "pool " + id + " = " + address, String.format(Locale.ROOT,
                        "the trace's %s and netlink's pool %d are one pool: every dump taken while the trace ran saw"
                                + " an inflight the trace had then", address, id)));
            }
        }
        return joined;
    }

    /** For each pool of {@code pools}, the index of the same pool seen by the other source, or -1. */
    static int[] partners(List<PoolTimeline> pools) {
        int n = pools.size();
        int[] partner = new int[n];
        Arrays.fill(partner, -1);
        for (int t = 0; t < n; t++) {
            int found = -1;
            for (int d = 0; d < n; d++) {
                if (fits(pools.get(t), pools.get(d))) {
                    found = found == -1 ? d : -2; // two candidates: say nothing
                }
            }
            if (found >= 0 && partner[found] == -1 && onlyFit(pools, found, t)) {
                partner[t] = found;
                partner[found] = t;
            }
        }
        return partner;
    }

    private static boolean onlyFit(List<PoolTimeline> pools, int dumped, int traced) {
        for (int t = 0; t < pools.size(); t++) {
            if (t != traced && fits(pools.get(t), pools.get(dumped))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code traced} (a trace's pool without an id) and {@code dumped} (netlink's alone) look like one. */
    static boolean fits(PoolTimeline traced, PoolTimeline dumped) {
        PageHistory pages = traced.pages();
        PoolSamples samples = dumped.samples();
        if (traced == dumped || pages == null || traced.id() >= 0 || traced.samples() != null
                || samples == null || dumped.pages() != null || dumped.address() != 0
                || !pages.series().absolute() || !detachAgrees(pages, samples)) {
            return false;
        }
        InflightSeries s = pages.series();
        int compared = 0;
        boolean busy = false;
        for (int i = 0; i < samples.samples(); i++) {
            long at = samples.ns(i);
            long seen = samples.inflight(i);
            if (at == Capture.NO_TIME || seen < 0 || at < pages.firstNs() || at > pages.lastNs()) {
                continue;
            }
            if (!traceCouldShow(s, pages, at, seen)) {
                return false;
            }
            compared++;
            busy |= seen > 0;
        }
        return compared >= LEAST_DUMPS && busy;
    }

    private static boolean detachAgrees(PageHistory pages, PoolSamples samples) {
        long destroyed = pages.destroyedNs();
        long detached = samples.detachedNs();
        if (destroyed == Capture.NO_TIME || detached == Capture.NO_TIME) {
            // one source saw a shutdown the other, still watching, did not
            return destroyed == Capture.NO_TIME ? detached == Capture.NO_TIME || detached > pages.lastNs()
                    : samples.samples() == 0 || samples.ns(samples.samples() - 1) < destroyed;
        }
        return Math.abs(destroyed - detached) <= DETACH_SLACK_NS;
    }

    /** Whether the trace's inflight passed through {@code seen} in the bin of {@code at} (or held it there). */
    private static boolean traceCouldShow(InflightSeries s, PageHistory pages, long at, long seen) {
        if (s.bins() == 0) {
            return false;
        }
        long bin = (at - s.binStartNs(0)) / s.binWidthNs();
        if (bin >= s.bins()) {
            return seen == pages.inflightEnd(); // after the last page event: what the trace ended with
        }
        int b = (int) Math.max(0, bin);
        long low = s.lowest(b);
        long high = s.highest(b);
        if (b > 0) {
            low = Math.min(low, s.atEnd(b - 1)); // the bin began where the one before ended
            high = Math.max(high, s.atEnd(b - 1));
        } else {
            low--; // before the first event: one page fewer (or more) than after it
            high++;
        }
        return seen >= low && seen <= high;
    }
}
