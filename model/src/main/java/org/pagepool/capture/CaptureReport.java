// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report on a capture (immutable): per pool what the sources say, per
 * interface its counters, the kernel's warnings, and a diagnosis in plain
 * words. {@link ReportText} and {@link ReportJson} print the same report.
 * Times are ns since the capture began.
 *
 * @param sources    the files read
 * @param startNs    the capture's first moment on the kernel's clock, or NO_TIME
 * @param lengthNs   how long the capture lasted, or NO_TIME
 * @param lostEvents events the tracer lost
 * @param pools      one per pool
 * @param joined     the pools that are one pool seen by two sources ({@link PoolJoin})
 * @param interfaces one per ethtool source (an interface's totals, then its queues)
 * @param warnings   the kernel log's other warnings (refcount_t, page_pool_create failures), as text
 * @param diagnosis  the conclusions, most serious first
 * @param notes      what the capture script wrote down (kernel, host, ...)
 */
public record CaptureReport(List<SourceFile> sources, long startNs, long lengthNs, long lostEvents,
                            List<PoolFindings> pools, List<PoolJoin.Joined> joined, List<Rates> interfaces,
                            List<String> warnings, List<String> diagnosis, Map<String, String> notes) {
    /** Leaks the text report lists (the JSON lists all). */
    public static final int LEAKS_SHOWN = 10;

    public CaptureReport {
        sources = List.copyOf(sources);
        pools = List.copyOf(pools);
        joined = List.copyOf(joined);
        interfaces = List.copyOf(interfaces);
        warnings = List.copyOf(warnings);
        diagnosis = List.copyOf(diagnosis);
        notes = Map.copyOf(notes);
    }

    public static CaptureReport of(Capture capture) {
        long start = capture.startNs();
        long length = start == Capture.NO_TIME ? Capture.NO_TIME : capture.endNs() - start;
        List<PoolFindings> pools = new ArrayList<>();
        for (PoolTimeline p : capture.pools()) {
            pools.add(PoolReader.findings(p, start, capture.endNs()));
        }
        List<Rates> interfaces = new ArrayList<>();
        for (CounterSeries s : capture.interfaces()) {
            interfaces.add(relativeTo(Rates.of(s.queue().isEmpty() ? s.name() : s.name() + " " + s.queue(), s), s,
                    start));
        }
        List<String> warnings = new ArrayList<>();
        for (KernelEvent e : capture.kernelLog()) {
            if (e.kind() != KernelEvent.Kind.STALLED) {
                warnings.add(at(relative(e.ns(), start)) + e.text() + " (" + e.where() + ")");
            }
        }
        List<PoolJoin.Joined> joined = PoolJoin.of(capture.pools());
        List<String> diagnosis = Diagnosis.of(capture, pools, joined, interfaces);
        return new CaptureReport(capture.sources(), start, length, capture.lostEvents(), pools,
                joined, interfaces, warnings, diagnosis, capture.notes());
    }

    /** How pool {@code index} is joined with another source's, or null. */
    public PoolJoin.Joined joinOf(int index) {
        for (PoolJoin.Joined j : joined) {
            if (j.traced() == index || j.dumped() == index) {
                return j;
            }
        }
        return null;
    }

    /** Rates with times since the capture began, or since their own first sample when on the wall clock. */
    static Rates relativeTo(Rates r, CounterSeries s, long start) {
        long origin = s.wallClock() ? r.fromNs() : start;
        return new Rates(r.name(), r.samples(), relative(r.fromNs(), origin), relative(r.toNs(), origin), r.rows());
    }

    static long relative(long ns, long start) {
        return ns == Capture.NO_TIME || start == Capture.NO_TIME ? Capture.NO_TIME : ns - start;
    }

    /** {@code "at 12.400 s: "}, or "" without a time. */
    static String at(long ns) {
        return ns == Capture.NO_TIME ? "" : Show.moment(ns) + ": "; // a log line from before the capture, as such
    }
}
