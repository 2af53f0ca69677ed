// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns one pool's timeline into its findings: which source to believe for what, and the leaks. */
final class PoolReader {
    private PoolReader() {
    }

    static PoolFindings findings(PoolTimeline p, long start, long end) {
        PageHistory pages = p.pages();
        PoolSamples samples = p.samples();
        long created = Capture.NO_TIME;
        long destroyed = Capture.NO_TIME;
        long freed = Capture.NO_TIME;
        long hold = -1;
        long release = -1;
        long inflight = -1;
        boolean relative = false;
        long highest = -1;
        long highestNs = Capture.NO_TIME;
        long inflightAtDestroy = -1;
        String stallSource = "";
        List<Integer> cpus = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (pages != null) {
            created = pages.createdNs();
            destroyed = pages.destroyedNs();
            freed = pages.freedNs();
            hold = pages.hold();
            release = pages.release();
            inflight = pages.inflightEnd();
            relative = !pages.inflightKnown();
            highest = pages.highestInflight();
            highestNs = pages.highestInflightNs();
            if (destroyed != Capture.NO_TIME) {
                inflightAtDestroy = pages.firstAttemptInflight();
                stallSource = "trace";
            }
            for (int cpu = 0; cpu < 64; cpu++) {
                if ((pages.cpus() & 1L << cpu) != 0) {
                    cpus.add(cpu);
                }
            }
            notes.addAll(heldAgain(pages));
        }
        if (samples != null && samples.samples() > 0) {
            if (pages == null) {
                inflight = samples.inflight(samples.samples() - 1);
                for (int i = 0; i < samples.samples(); i++) {
                    if (samples.inflight(i) > highest) {
                        highest = samples.inflight(i);
                        highestNs = samples.ns(i);
                    }
                }
            }
            if (destroyed == Capture.NO_TIME && samples.detachedNs() != Capture.NO_TIME) {
                destroyed = samples.detachedNs();
                stallSource = "netlink";
                inflightAtDestroy = firstInflightAfter(samples, destroyed);
            }
            if (freed == Capture.NO_TIME) {
                freed = samples.goneNs();
            }
            if (!samples.memoryProvider().isEmpty()) {
                notes.add("its memory comes from a memory provider (" + samples.memoryProvider() + ")");
            }
        }
        int warnings = 0;
        long warnedSeconds = -1;
        long firstWarned = -1;
        for (KernelEvent e : p.stalls()) {
            if (e.kind() == KernelEvent.Kind.STALLED) {
                warnings++;
                warnedSeconds = Math.max(warnedSeconds, e.seconds());
                firstWarned = firstWarned < 0 ? e.inflight() : firstWarned;
                if (destroyed == Capture.NO_TIME) {
                    destroyed = e.shutdownStartNs();
                    stallSource = "kernel log";
                }
                if (inflight < 0 || pages == null && samples == null) {
                    inflight = e.inflight();
                }
            }
        }
        if (p.stallsMatchedByTime()) {
            int named = p.stalls().isEmpty() ? -1 : p.stalls().get(0).poolId();
            notes.add((named >= 0 ? "the kernel log's stall warnings name pool " + named + ", an id the trace does"
                    + " not print" : "the kernel log's stall warnings name no pool") + "; they were matched to this"
                    + " one by the time its shutdown began");
        }
        if (warnings > 0 && freed != Capture.NO_TIME) {
            notes.add("the kernel warned " + (warnings == 1 ? "once" : Show.count(warnings) + " times") + " that its"
                    + " shutdown stalled (" + Show.plural(firstWarned, "page") + " in flight at the first warning)"
                    + " before the last pages came back");
        }
        List<PoolFindings.Leak> leaks = new ArrayList<>();
        long outstanding = 0;
        boolean shuttingDown = (destroyed != Capture.NO_TIME || warnings > 0) && freed == Capture.NO_TIME;
        if (pages != null) {
            outstanding = pages.outstanding();
            if (shuttingDown) {
                for (int i = 0; i < pages.outstanding(); i++) {
                    long held = pages.outstandingHeldNs(i);
                    leaks.add(new PoolFindings.Leak(pages.outstandingPage(i), pages.outstandingIsPfn(i), held - start,
                            end - held, Capture.NO_TIME));
                }
                if (pages.rebases() == 0) {
                    // no event lost: a page held again had left the pool without a release, and never came back
                    for (int i = 0; i < pages.leftBehind(); i++) {
                        long held = pages.leftBehindHeldNs(i);
                        leaks.add(new PoolFindings.Leak(pages.leftBehindPage(i), pages.leftBehindIsPfn(i),
                                held - start, end - held, pages.leftBehindReheldNs(i) - start));
                    }
                    leaks.sort(Comparator.comparingLong(PoolFindings.Leak::heldNs)
                            .thenComparing(PoolFindings.Leak::page, Long::compareUnsigned));
                }
            }
        }
        PoolFindings.Stall stall = null;
        if (shuttingDown && (inflight > 0 || relative || p.stalls().size() > 0)) {
            // a log without times still says how long the shutdown had waited at its last warning
            long waited = destroyed != Capture.NO_TIME ? Math.max(end - destroyed, warnedSeconds * 1_000_000_000L)
                    : warnedSeconds * 1_000_000_000L;
            stall = new PoolFindings.Stall(CaptureReport.relative(destroyed, start), inflightAtDestroy, firstWarned,
                    inflight,
                    waited, warnings, stallSource.isEmpty() ? "kernel log" : stallSource);
        }
        List<String> nid = new ArrayList<>();
        if (pages != null) {
            NidChanges n = pages.nidChanges();
            for (int i = 0; i < n.count(); i++) {
                nid.add("node " + n.from(i) + " to " + n.to(i) + " at " + Show.seconds(n.ns(i) - start));
            }
        }
        PoolFindings.Lifetimes lifetimes = null;
        if (pages != null) {
            LogHistogram h = pages.lifetimes();
            lifetimes = new PoolFindings.Lifetimes(h.count(), h.quantile(0.5), h.quantile(0.9), h.quantile(0.99),
                    h.max());
        }
        Rates rates = null;
        if (p.stats() != null) {
            rates = CaptureReport.relativeTo(Rates.of(p.label(), p.stats()), p.stats(), start);
        }
        PoolFindings.Climb climb = destroyed == Capture.NO_TIME ? climb(p, start) : null;
        long napi = samples == null ? -1 : samples.napiId();
        return new PoolFindings(p.label(), p.address(), p.id(), p.device(), p.ifindex(), napi, cpus,
                CaptureReport.relative(p.firstNs(), start), CaptureReport.relative(created, start),
                CaptureReport.relative(destroyed, start), CaptureReport.relative(freed, start), hold, release,
                inflight, relative, highest, CaptureReport.relative(highestNs, start), lifetimes, rates, leaks,
                outstanding, stall, climb, nid, notes);
    }

    /**
     * What pages held twice without a release between mean. When the
     * kernel's counters agree with every event, none was lost: the page left
     * the pool behind its back and the page allocator handed it out again.
     * Only when the counters jumped can they be lost releases.
     */
    private static List<String> heldAgain(PageHistory pages) {
        if (pages.rebases() > 0) {
            String twice = pages.heldAgain() == 0 ? ""
                    : "; the " + Show.plural(pages.heldAgain(), "page") + " held twice without a release between may "
                    + "be lost releases";
            return List.of("events are missing from the trace (the pool's hold and release counters jumped "
                    + Show.plural(pages.rebases(), "time") + twice + "); its counts may be off");
        }
        if (pages.heldAgain() > 0) {
            return List.of(Show.plural(pages.heldAgain(), "page") + " left the pool without a release and came "
                    + "back to it from the page allocator (the same pfn held again, and no event is missing: the "
                    + "counters agree with every event): pages freed behind the pool's back, by a put_page() on "
                    + "pool pages, which the pool counts in flight for ever");
        }
        return List.of();
    }

    private static long firstInflightAfter(PoolSamples samples, long ns) {
        for (int i = 0; i < samples.samples(); i++) {
            if (samples.ns(i) >= ns) {
                return samples.inflight(i);
            }
        }
        return -1;
    }

    /**
     * Whether inflight climbed through the capture and stayed near its top:
     * the last quarter of the points at least 32 pages and half the range
     * above the first quarter, and the last point within a tenth of the range
     * of the highest.
     */
    static PoolFindings.Climb climb(PoolTimeline p, long start) {
        long[] ns;
        long[] v;
        if (p.pages() != null && p.pages().series().bins() > 0) {
            InflightSeries s = p.pages().series();
            int n = 0;
            for (int i = 0; i < s.bins(); i++) {
                n += s.hasEvents(i) ? 1 : 0;
            }
            ns = new long[n];
            v = new long[n];
            int k = 0;
            for (int i = 0; i < s.bins(); i++) {
                if (s.hasEvents(i)) {
                    ns[k] = s.binStartNs(i);
                    v[k++] = s.atEnd(i);
                }
            }
        } else if (p.samples() != null) {
            PoolSamples s = p.samples();
            ns = new long[s.samples()];
            v = new long[s.samples()];
            for (int i = 0; i < s.samples(); i++) {
                ns[i] = s.ns(i);
                v[i] = s.inflight(i);
            }
        } else {
            return null;
        }
        int n = v.length;
        if (n < 4) {
            return null;
        }
        int q = n / 4;
        double first = 0;
        double last = 0;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
            if (i < q) {
                first += v[i];
            }
            if (i >= n - q) {
                last += v[i];
            }
        }
        first /= q;
        last /= q;
        double range = hi - lo;
        double growth = last - first;
        if (growth >= 32 && growth >= range / 2 && v[n - 1] >= hi - range / 10) {
            return new PoolFindings.Climb(v[0], ns[0] - start, v[n - 1], ns[n - 1] - start);
        }
        return null;
    }
}
