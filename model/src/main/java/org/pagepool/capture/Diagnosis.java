// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's conclusions in plain words, most serious first: stalled
 * shutdowns and the pages that never came back, inflight that climbs, the
 * statistics' story of where allocations come from, the kernel's warnings,
 * and what the capture could not see.
 */
final class Diagnosis {
    private Diagnosis() {
    }

    static List<String> of(Capture capture, List<PoolFindings> pools, List<PoolJoin.Joined> joined,
                           List<Rates> interfaces) {
        List<String> serious = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            PoolFindings f = pools.get(i);
            if (isDumpedHalf(joined, i)) {
                // the trace's half of the same pool says when it was destroyed and what it waits for, to
                // the event; netlink's detach-time has whole seconds only. Its statistics are its own.
                if (f.rates() != null) {
                    other.addAll(Statistics.read(f.label(), f.rates()));
                }
                continue;
            }
            if (f.stall() != null) {
                serious.add(stall(f));
            } else if (f.freedNs() != Capture.NO_TIME) {
                other.add(freed(f));
            }
            if (f.climb() != null) {
                serious.add(climb(f));
            }
            if (f.rates() != null) {
                other.addAll(Statistics.read(f.label(), f.rates()));
            }
            if (f.stall() == null && f.climb() == null && f.destroyedNs() == Capture.NO_TIME
                    && f.freedNs() == Capture.NO_TIME && f.inflight() >= 0
                    && !f.inflightRelative()) {
                healthy.add(healthy(f));
            }
        }
        for (Rates r : interfaces) {
            other.addAll(Statistics.read(r.name(), r));
        }
        for (KernelEvent e : capture.kernelLog()) {
            String line = warning(e, capture.startNs());
            if (line != null) {
                other.add(line);
            }
        }
        if (capture.lostEvents() > 0) {
            other.add("the tracer lost " + Show.plural(capture.lostEvents(), "event") + ": hold, release and the "
                    + "leak lists may be incomplete (a bigger buffer helps: trace-cmd record -b 20000, or "
                    + "buffer_size_kb in tracefs)");
        }
        if (pools.isEmpty() && interfaces.isEmpty() && capture.kernelLog().isEmpty()) {
            other.add("no page pool activity in the capture: were the page_pool events enabled, does the interface's "
                    + "driver use page_pool, and (for the counters) is the kernel built with CONFIG_PAGE_POOL_STATS?");
        }
        List<String> all = new ArrayList<>(serious);
        all.addAll(other);
        all.addAll(healthy);
        return all;
    }

    private static boolean isDumpedHalf(List<PoolJoin.Joined> joined, int index) {
        for (PoolJoin.Joined j : joined) {
            if (j.dumped() == index) {
                return true;
            }
        }
        return false;
    }

    private static String stall(PoolFindings f) {
        PoolFindings.Stall s = f.stall();
        StringBuilder out = new StringBuilder(f.label()).append(" was destroyed ").append(Show.moment(s.sinceNs()));
        if (s.inflightAtStart() > 0) {
            out.append(" with ").append(Show.plural(s.inflightAtStart(), "page")).append(" in flight");
        }
        out.append(" and ");
        if (s.inflightAtEnd() > 0) {
            out.append("was still waiting for ").append(Show.count(s.inflightAtEnd()));
            out.append(s.sinceNs() == Capture.NO_TIME ? " pages after " + Show.duration(s.waitedNs())
                    : ended(s.waitedNs()));
        } else {
            out.append("had not been freed").append(ended(s.waitedNs()));
        }
        if (s.warnings() > 0) {
            out.append(" (the kernel warned ").append(s.warnings() == 1 ? "once" : Show.count(s.warnings()) + " times")
                    .append(": \"stalled pool shutdown\")");
        }
        List<PoolFindings.Leak> leaks = f.leaks();
        if (!leaks.isEmpty()) {
            long newest = s.sinceNs() - leaks.get(leaks.size() - 1).heldNs();
            long oldest = s.sinceNs() - leaks.get(0).heldNs();
            out.append("; ").append(Show.plural(leaks.size(), "page")).append(" taken ")
                    .append(Show.span(Math.max(0, newest), Math.max(0, oldest))).append(" before ")
                    .append(leaks.size() == 1 ? "was" : "were").append(" never returned");
            long untraced = s.inflightAtEnd() - leaks.size();
            if (untraced > 0) {
                out.append(" (and ").append(Show.count(untraced)).append(" more were taken before the capture began)");
            }
        }
        long freedBehind = leaks.stream().filter(PoolFindings.Leak::freedBehind).count();
        long before = s.inflightAtStart() > 0 ? s.inflightAtStart() : s.inflightAtFirstWarning();
        if (before > s.inflightAtEnd() && s.inflightAtEnd() > 0) {
            out.append("; ").append(Show.count(before - s.inflightAtEnd())).append(" came back while it waited")
                    .append(s.inflightAtStart() > 0 ? "" : " (from " + Show.count(before) + " at the first warning)")
                    .append(", so whatever holds them may only be slow");
        }
        if (freedBehind > 0) {
            out.append("; ").append(freedBehind == leaks.size() ? "all of them" : Show.count(freedBehind) + " of them")
                    .append(" went back to the page allocator without a release: the pool was handed the same ")
                    .append(freedBehind == 1 ? "pfn" : "pfns").append(" again later. Something frees pool pages")
                    .append(" behind the pool's back (a driver's put_page() instead of page_pool_put_page()), and")
                    .append(" the pool will wait for those pages for ever");
            return out.toString();
        }
        out.append(": something holds page references past the driver's unload (a leaked skb, a socket nobody "
                + "reads, or a put_page() behind the pool's back)");
        return out.toString();
    }

    /** When the capture ended, seen from the destroy. */
    private static String ended(long waitedNs) {
        return waitedNs < 1_000_000L ? " when the capture ended"
                : " when the capture ended, " + Show.duration(waitedNs) + " later";
    }

    private static String freed(PoolFindings f) {
        if (f.destroyedNs() == Capture.NO_TIME) {
            return f.label() + " left the netlink dumps " + Show.moment(f.freedNs()) + ": it was destroyed and freed"
                    + " with nothing in flight";
        }
        long waited = f.freedNs() - f.destroyedNs();
        if (!f.shutdownWaited()) {
            return f.label() + " was destroyed and freed " + Show.moment(f.destroyedNs())
                    + ": every page had come back";
        }
        return f.label() + " was destroyed " + Show.moment(f.destroyedNs()) + " and freed "
                + Show.moment(f.freedNs()) + ", once its last pages came back (the shutdown waited "
                + Show.duration(waited) + ")";
    }

    private static String climb(PoolFindings f) {
        PoolFindings.Climb c = f.climb();
        String what = f.inflightRelative()
                ? "inflight rose by " + Show.count(c.to() - c.from())
                : "inflight climbed from " + Show.count(c.from()) + " to " + Show.count(c.to());
        return f.label() + ": " + what + " between " + Show.seconds(c.fromNs()) + " and " + Show.seconds(c.toNs())
                + " and did not come down: pages leave the pool and do not come back (a driver calling put_page() on "
                + "pool pages, or sockets holding them); if it goes on, the machine runs out of memory";
    }

    private static String healthy(PoolFindings f) {
        StringBuilder out = new StringBuilder(f.label()).append(": nothing wrong seen (");
        out.append(Show.plural(f.inflight(), "page")).append(" in flight at the end");
        if (f.highest() > f.inflight()) {
            out.append(", at most ").append(Show.count(f.highest()));
        }
        if (f.lifetimes() != null && f.lifetimes().count() > 0) {
            out.append("; pages came back after ").append(Show.duration(f.lifetimes().p50())).append(" (median)");
        }
        return out.append(")").toString();
    }

    private static String warning(KernelEvent e, long start) {
        String when = CaptureReport.at(CaptureReport.relative(e.ns(), start));
        switch (e.kind()) {
            case REFCOUNT:
                return when + "the kernel warned \"" + e.text() + "\": a reference count was misused somewhere; if the "
                        + "call trace after it in the log names page_pool_destroy or page_pool_put, a driver destroyed "
                        + "a pool it had already destroyed (" + e.where() + ")";
            case CREATE_FAILED:
                return when + "a driver could not create a page pool: errno " + e.errno() + " ("
                        + Errno.explain(e.errno()) + ") (" + e.where() + ")";
            case STALL_OVER:
                return when + "the kernel warned that a pool's shutdown had stalled" + (e.poolId() >= 0 ? " (pool "
                        + e.poolId() + ")" : "") + ", " + Show.plural(e.inflight(), "page") + " still in flight after "
                        + e.seconds() + " s; no warning followed a minute later, so it was over within that minute ("
                        + e.where() + ")";
            case NEGATIVE_INFLIGHT:
                return when + "the kernel found a negative inflight count (" + e.inflight() + "): a page was returned "
                        + "to the pool twice, or released behind its back (" + e.where() + ")";
            default:
                return null;
        }
    }
}
