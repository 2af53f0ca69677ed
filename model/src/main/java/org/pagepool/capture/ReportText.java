// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report for people: the files, each pool, each interface, the kernel's warnings, then the diagnosis. */
public final class ReportText {
    private ReportText() {
    }

    /** What the capture script wrote down of each interface, a line each: {@code eth0: 8 RX queues (ethtool -l)}. */
    public static List<String> interfaceLines(Map<String, String> notes) {
        Map<String, List<String>> said = new TreeMap<>();
        for (Map.Entry<String, String> n : new TreeMap<>(notes).entrySet()) {
            String key = n.getKey();
            String what = key.startsWith(Capture.RX_RING_NOTE) ? "RX ring " + n.getValue() + " (ethtool -g)"
                    : key.startsWith(Capture.RX_QUEUES_NOTE) ? rxQueues(n.getValue()) + " (ethtool -l)" : null;
            if (what != null) {
                said.computeIfAbsent(key.substring(key.indexOf('.') + 1), iface -> new ArrayList<>()).add(what);
            }
        }
        Topology topology = Topology.of(notes);
        for (String iface : topology.interfaces()) {
            said.computeIfAbsent(iface, i -> new ArrayList<>()).addAll(placement(topology, iface));
        }
        List<String> lines = new ArrayList<>();
        said.forEach((iface, what) -> lines.add(iface + ": " + String.join(", ", what)));
        return lines;
    }

    private static String rxQueues(String value) {
        return value.strip().equals("1") ? "1 RX queue" : value + " RX queues";
    }

    /** {@code NUMA node 0 (sysfs)} and {@code queue interrupts on CPUs 1 (node 0), 5 (node 1) (procfs)}. */
    private static List<String> placement(Topology t, String iface) {
        List<String> what = new ArrayList<>();
        if (t.nicNode(iface) >= 0) {
            what.add("NUMA node " + t.nicNode(iface) + " (sysfs)");
        }
        List<Topology.Interrupt> queues = t.queueInterrupts(iface);
        if (!queues.isEmpty()) {
            StringBuilder cpus = new StringBuilder(Show.plural(queues.size(), "queue interrupt")).append(" on CPU")
                    .append(queues.size() > 1 ? "s " : " ");
            for (int i = 0; i < queues.size(); i++) {
                int cpu = queues.get(i).cpu();
                int node = t.nodeOf(cpu);
                cpus.append(i > 0 ? ", " : "").append(cpu).append(t.nodes() > 1 && node >= 0 ? " (node " + node + ")"
                        : "");
            }
            what.add(cpus.append(" (procfs)").toString());
        }
        return what;
    }

    public static void write(CaptureReport report, PrintStream out) {
        header(report, out);
        List<PoolFindings> pools = report.pools();
        for (int i = 0; i < pools.size(); i++) {
            PoolJoin.Joined j = report.joinOf(i);
            if (j == null) {
                out.println();
                pool(pools.get(i), out);
            } else if (i == Math.min(j.traced(), j.dumped())) {
                // one pool seen by two sources: said once, then what each source saw, the trace's first
                out.println();
                out.println(j.label() + ": " + j.why());
                out.println();
                pool(pools.get(j.traced()), out);
                out.println();
                pool(pools.get(j.dumped()), out);
            }
        }
        for (Rates r : report.interfaces()) {
            out.println();
            out.println("interface " + r.name() + " (ethtool -S" + span(r) + ")");
            rates(r, out);
        }
        if (!report.warnings().isEmpty()) {
            out.println();
            out.println("kernel warnings:");
            for (String w : report.warnings()) {
                out.println("  " + w);
            }
        }
        out.println();
        out.println("diagnosis:");
        for (String d : report.diagnosis()) {
            out.println("  - " + d);
        }
        if (report.diagnosis().isEmpty()) {
            out.println("  - nothing this report knows to point out (see the pools above)");
        }
    }

    private static void header(CaptureReport report, PrintStream out) {
        long files = report.sources().stream().filter(s -> s.format() != CaptureFormat.SKIPPED).count();
        StringBuilder line = new StringBuilder("capture: ").append(Show.plural(files, "file"));
        if (report.lengthNs() != Capture.NO_TIME) {
            line.append(", ").append(Show.seconds(report.lengthNs())).append(" long; times below count from ")
                    .append(Show.seconds(report.startNs())).append(" after boot");
        }
        out.println(line);
        if (report.notes().containsKey("host") || report.notes().containsKey("kernel")) {
            out.println("  recorded on " + report.notes().getOrDefault("host", "?") + ", Linux "
                    + report.notes().getOrDefault("kernel", "?"));
        }
        for (String noted : interfaceLines(report.notes())) {
            out.println("  " + noted);
        }
        for (SourceFile s : report.sources()) {
            StringBuilder l = new StringBuilder("  ").append(s.name()).append(": ").append(s.format().description());
            if (!s.detail().isEmpty()) {
                l.append(", ").append(s.detail());
            }
            if (s.format() != CaptureFormat.SKIPPED) {
                l.append(", ").append(Show.plural(s.lines(), "line")).append(", ")
                        .append(Show.plural(s.records(), records(s.format())));
                if (s.format() == CaptureFormat.ETHTOOL && s.records() == 0 && s.lines() > 0) {
                    l.append(" with page_pool counters (rx_pp_*: 5.19+, CONFIG_PAGE_POOL_STATS)");
                }
            }
            out.println(l);
        }
        if (report.lostEvents() > 0) {
            out.println("  the tracer lost " + Show.plural(report.lostEvents(), "event"));
        }
    }

    private static String records(CaptureFormat format) {
        switch (format) {
            case TRACE: return "page_pool event";
            case KERNEL_LOG: return "pool message";
            case ETHTOOL: case NETLINK: return "sample";
            case LINKS: return "interface";
            case META: return "note";
            default: return "entry";
        }
    }

    private static void pool(PoolFindings f, PrintStream out) {
        out.println(f.label());
        StringBuilder where = new StringBuilder();
        if (!f.device().isEmpty() || f.ifindex() >= 0) {
            where.append("interface ").append(f.device().isEmpty() ? "?" : f.device());
            if (f.ifindex() >= 0) {
                where.append(" (ifindex ").append(f.ifindex()).append(')');
            }
        }
        if (f.napiId() >= 0) {
            where.append(where.length() > 0 ? ", " : "").append("NAPI ").append(f.napiId());
        }
        if (!f.cpus().isEmpty()) {
            where.append(where.length() > 0 ? ", " : "").append(f.cpus().size() == 1 ? "CPU " : "CPUs ")
                    .append(join(f.cpus()));
        }
        if (where.length() > 0) {
            out.println("  " + where);
        }
        out.println("  lifetime: " + lifetime(f));
        pages(f, out);
        if (f.lifetimes() != null && f.lifetimes().count() > 0) {
            PoolFindings.Lifetimes l = f.lifetimes();
            out.println("  page lifetimes (hold to release, " + Show.plural(l.count(), "page") + "): median "
                    + Show.duration(l.p50()) + ", p90 " + Show.duration(l.p90()) + ", p99 " + Show.duration(l.p99())
                    + ", max " + Show.duration(l.max()));
        }
        if (f.rates() != null) {
            out.println("  statistics (netlink" + span(f.rates()) + "):");
            rates(f.rates(), out);
        }
        leaks(f, out);
        if (f.stall() != null) {
            PoolFindings.Stall s = f.stall();
            out.println("  stalled shutdown: began " + Show.moment(s.sinceNs()) + " (" + s.source() + "), "
                    + Show.plural(s.inflightAtEnd(), "page") + " still in flight after " + Show.duration(s.waitedNs())
                    + (s.warnings() > 0 ? ", " + Show.plural(s.warnings(), "kernel warning") : ""));
        }
        for (String n : f.nidChanges()) {
            out.println("  NUMA: " + n);
        }
        for (String n : f.notes()) {
            out.println("  note: " + n);
        }
    }

    private static String lifetime(PoolFindings f) {
        StringBuilder l = new StringBuilder();
        if (f.createdNs() != Capture.NO_TIME) {
            l.append("created ").append(Show.moment(f.createdNs())).append(" (its first page)");
        } else if (f.firstNs() != Capture.NO_TIME) {
            l.append("first seen ").append(Show.moment(f.firstNs()));
        } else {
            l.append("seen at an unknown time");
        }
        if (f.destroyedNs() != Capture.NO_TIME || f.stall() != null) {
            l.append("; destroyed ").append(Show.moment(f.destroyedNs()));
            l.append(f.freedNs() != Capture.NO_TIME ? "; freed " + Show.moment(f.freedNs())
                    : "; not freed by the end");
        } else if (f.freedNs() != Capture.NO_TIME) {
            l.append("; gone from the netlink dumps ").append(Show.moment(f.freedNs()))
                    .append(" (destroyed and freed)");
        } else {
            l.append("; in use at the end");
        }
        return l.toString();
    }

    private static void pages(PoolFindings f, PrintStream out) {
        List<String> parts = new ArrayList<>();
        if (f.hold() >= 0) {
            parts.add("hold " + Show.count(f.hold()));
        }
        if (f.release() >= 0) {
            parts.add("release " + Show.count(f.release()));
        }
        if (f.inflightRelative()) {
            parts.add("inflight changed by " + (f.inflight() >= 0 ? "+" : "") + Show.count(f.inflight())
                    + " over the capture (its counters were not both printed)");
        } else if (f.inflight() >= 0) {
            String inflight = "inflight " + Show.count(f.inflight()) + " at the end";
            if (f.highest() >= 0 && f.highestNs() != Capture.NO_TIME) {
                inflight += "; largest inflight " + Show.count(f.highest()) + " at " + Show.seconds(f.highestNs());
            }
            parts.add(inflight);
        } else if (f.hold() >= 0 && f.release() > f.hold()) {
            // the kernel would warn "Negative(...) inflight packet-pages"
            parts.add(Show.count(f.release() - f.hold()) + " more released than held: the capture began with"
                    + " pages already out, or lost the events of some holds");
        }
        if (!parts.isEmpty()) {
            out.println("  pages: " + String.join(", ", parts));
        }
    }

    private static void leaks(PoolFindings f, PrintStream out) {
        List<PoolFindings.Leak> leaks = f.leaks();
        if (leaks.isEmpty()) {
            if (f.outstanding() > 0 && f.destroyedNs() == Capture.NO_TIME) {
                out.println("  outstanding: " + Show.plural(f.outstanding(), "page") + " held during the capture and "
                        + "not released by its end (a live pool's pages: in the RX ring, the cache, the ring"
                        + " or sockets)");
            }
            return;
        }
        out.println("  leaks: " + Show.plural(leaks.size(), "page") + " held and never released, aged "
                + Show.span(leaks.get(leaks.size() - 1).ageNs(), leaks.get(0).ageNs()) + " at the end:");
        for (int i = 0; i < Math.min(leaks.size(), CaptureReport.LEAKS_SHOWN); i++) {
            PoolFindings.Leak leak = leaks.get(i);
            out.println("    " + (leak.pfn() ? "pfn " : "") + Show.page(leak.page(), leak.pfn()) + " held at "
                    + Show.seconds(leak.heldNs()) + ", age " + Show.duration(leak.ageNs())
                    + (leak.freedBehind() ? "; freed behind the pool's back: held again at "
                    + Show.seconds(leak.reheldNs()) : ""));
        }
        if (leaks.size() > CaptureReport.LEAKS_SHOWN) {
            out.println("    (" + Show.count(leaks.size() - CaptureReport.LEAKS_SHOWN) + " more; --json lists all)");
        }
    }

    private static String span(Rates r) {
        String samples = ", " + Show.plural(r.samples(), "sample");
        return r.timed() ? samples + " over " + Show.duration(r.toNs() - r.fromNs()) : samples;
    }

    private static void rates(Rates r, PrintStream out) {
        for (Rates.Row row : r.rows()) {
            String name = String.format("    %-16s", row.counter().kernelName());
            if (r.timed()) {
                out.println(name + String.format("%12s", Show.rate(row.perSecond())) + "   (" + Show.count(row.total())
                        + " at the end)");
            } else {
                out.println(name + Show.count(row.total()));
            }
        }
    }

    private static String join(List<Integer> values) {
        StringBuilder s = new StringBuilder();
        for (int v : values) {
            s.append(s.length() > 0 ? "," : "").append(v);
        }
        return s.toString();
    }
}
