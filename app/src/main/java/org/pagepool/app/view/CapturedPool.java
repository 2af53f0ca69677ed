// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.CounterSeries;
import org.pagepool.capture.PageHistory;
import org.pagepool.capture.PoolFindings;
import org.pagepool.capture.PoolJoin;
import org.pagepool.capture.PoolTimeline;
import org.pagepool.capture.Rates;

/**
 * One pool of a capture as the Real system tab shows it (immutable): what the
 * report found, joined with the same pool seen by another source when
 * the report joins them ({@link PoolJoin}), its inflight line and its lifetime. Times are
 * ns since the capture began; {@link Capture#NO_TIME} where no source said.
 *
 * @param label      how the tab names it (both names when joined)
 * @param findings   the report's findings: one, or the trace's then netlink's
 * @param line       inflight over the capture, or null
 * @param holdRate   pages the trace saw held per second, NaN without a trace
 * @param releaseRate pages the trace saw released per second, NaN without a trace
 * @param joinedBy   why two sources' pools are one, or ""
 * @param counters   its page_pool statistics over time (netlink), or null
 */
record CapturedPool(String label, List<PoolFindings> findings, InflightLine line, double holdRate,
                    double releaseRate, String joinedBy, CounterSeries counters) {
    CapturedPool {
        findings = List.copyOf(findings);
    }

    /** The pools of {@code capture}, joined where the report joins two sources' pools, in the order first seen. */
    static List<CapturedPool> of(Capture capture, CaptureReport report) {
        List<PoolTimeline> pools = capture.pools();
        List<CapturedPool> shown = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            PoolJoin.Joined join = report.joinOf(i);
            if (join != null && i != Math.min(join.traced(), join.dumped())) {
                continue; // shown with its partner
            }
            PoolTimeline traced = pools.get(join == null ? i : join.traced());
            PoolTimeline dumped = pools.get(join == null ? i : join.dumped());
            List<PoolFindings> findings = join == null ? List.of(report.pools().get(i))
                    : List.of(report.pools().get(join.traced()), report.pools().get(join.dumped()));
            PageHistory pages = traced.pages();
            InflightLine line = InflightLine.of(pages == null ? null : pages.series(), dumped.samples(),
                    capture.startNs());
            double span = pages == null ? 0 : (pages.lastNs() - pages.firstNs()) / 1e9;
            shown.add(new CapturedPool(join == null ? traced.label() : join.label(), findings, line,
                    rate(pages == null ? -1 : pages.holdEvents(), span),
                    rate(pages == null ? -1 : pages.releaseEvents(), span), join == null ? "" : join.why(),
                    dumped.stats() != null ? dumped.stats() : traced.stats()));
        }
        return shown;
    }

    private static double rate(long events, double seconds) {
        return events < 0 ? Double.NaN : seconds > 0 ? events / seconds : 0;
    }

    /** The first findings (the trace's when joined): the pool's counters and leaks. */
    PoolFindings main() {
        return findings.get(0);
    }

    /** Interface, NAPI and CPUs where a source said. */
    String identity() {
        StringBuilder s = new StringBuilder();
        for (PoolFindings f : findings) {
            if (f.ifindex() >= 0 && s.indexOf("ifindex") < 0) {
                s.append(s.length() > 0 ? " · " : "").append(f.device().isEmpty() ? "" : f.device() + " ")
                        .append("ifindex ").append(f.ifindex());
            }
            if (f.napiId() >= 0 && s.indexOf("NAPI") < 0) {
                s.append(s.length() > 0 ? " · " : "").append("NAPI ").append(f.napiId());
            }
            if (!f.cpus().isEmpty() && s.indexOf("CPU") < 0) {
                s.append(s.length() > 0 ? " · " : "").append(f.cpus().size() == 1 ? "CPU " : "CPUs ")
                        .append(f.cpus().toString().replaceAll("[\\[\\] ]", ""));
            }
        }
        return s.length() == 0 ? "interface and NAPI unknown" : s.toString();
    }

    /** Pages in flight at the end (the trace's count first), -1 if unknown. */
    long inflight() {
        for (PoolFindings f : findings) {
            if (f.inflight() >= 0) {
                return f.inflight();
            }
        }
        return -1;
    }

    long highest() {
        long most = -1;
        for (PoolFindings f : findings) {
            most = Math.max(most, f.highest());
        }
        return most;
    }

    /** First seen, or created when that was seen. */
    long bornNs() {
        long born = Capture.NO_TIME;
        for (PoolFindings f : findings) {
            long t = f.createdNs() != Capture.NO_TIME ? f.createdNs() : f.firstNs();
            born = t == Capture.NO_TIME ? born : born == Capture.NO_TIME ? t : Math.min(born, t);
        }
        return born;
    }

    /** Destroyed or detached (the trace's time first: netlink's is in whole seconds), or NO_TIME. */
    long destroyedNs() {
        return first(true);
    }

    /** Where its inflight line ends: when the kernel freed it, else the capture's end ({@code lengthNs}). */
    long lineEndNs(long lengthNs) {
        long freed = freedNs();
        return freed != Capture.NO_TIME && freed < lengthNs ? freed : lengthNs;
    }

    /** Freed by the kernel, or NO_TIME. */
    long freedNs() {
        return first(false);
    }

    private long first(boolean destroyed) {
        for (PoolFindings f : findings) {
            long t = destroyed ? f.destroyedNs() : f.freedNs();
            if (t != Capture.NO_TIME) {
                return t;
            }
        }
        return Capture.NO_TIME;
    }

    /** The stalled shutdown, or null. */
    PoolFindings.Stall stall() {
        for (PoolFindings f : findings) {
            if (f.stall() != null) {
                return f.stall();
            }
        }
        return null;
    }

    /** Pages held and never returned (the trace's account). */
    List<PoolFindings.Leak> leaks() {
        List<PoolFindings.Leak> all = new ArrayList<>();
        for (PoolFindings f : findings) {
            all.addAll(f.leaks());
        }
        return all;
    }

    /** How many pages it leaked. */
    int leakCount() {
        int n = 0;
        for (PoolFindings f : findings) {
            n += f.leaks().size();
        }
        return n;
    }

    /** Whether the tile wears the red corner: pages leaked or a shutdown that had not finished. */
    boolean troubled() {
        return stall() != null || leakCount() > 0;
    }

    /** The pool's statistics (netlink), or null. */
    Rates stats() {
        for (PoolFindings f : findings) {
            if (f.rates() != null) {
                return f.rates();
            }
        }
        return null;
    }
}
