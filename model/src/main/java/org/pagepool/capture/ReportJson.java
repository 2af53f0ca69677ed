// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The report as JSON, for machines: the same facts as {@link ReportText}, every leak listed, times in seconds. */
public final class ReportJson {
    private ReportJson() {
    }

    public static String write(CaptureReport report) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("sources").beginArray();
        for (SourceFile s : report.sources()) {
            w.beginObject().name("name").value(s.name())
                    .name("format").value(s.format().name().toLowerCase(Locale.ROOT))
                    .name("detail").value(s.detail()).name("lines").value(s.lines()).name("records").value(s.records())
                    .endObject();
        }
        w.endArray();
        seconds(w.name("start_uptime_s"), report.startNs());
        seconds(w.name("length_s"), report.lengthNs());
        w.name("lost_events").value(report.lostEvents());
        w.name("notes").beginObject();
        for (Map.Entry<String, String> n : new TreeMap<>(report.notes()).entrySet()) {
            w.name(n.getKey()).value(n.getValue());
        }
        w.endObject();
        w.name("pools").beginArray();
        for (PoolFindings f : report.pools()) {
            pool(w, f);
        }
        w.endArray();
        w.name("joined").beginArray();
        for (PoolJoin.Joined j : report.joined()) {
            w.beginObject().name("label").value(j.label()).name("trace_pool").value(j.traced())
                    .name("netlink_pool").value(j.dumped()).name("why").value(j.why()).endObject();
        }
        w.endArray();
        w.name("interfaces").beginArray();
        for (Rates r : report.interfaces()) {
            rates(w, r);
        }
        w.endArray();
        strings(w.name("warnings"), report.warnings());
        strings(w.name("diagnosis"), report.diagnosis());
        return w.endObject().toString();
    }

    private static void pool(JsonWriter w, PoolFindings f) {
        w.beginObject().name("label").value(f.label());
        w.name("address").value(f.address() == 0 ? null : Show.address(f.address()));
        number(w.name("id"), f.id());
        w.name("device").value(f.device().isEmpty() ? null : f.device());
        number(w.name("ifindex"), f.ifindex());
        number(w.name("napi_id"), f.napiId());
        w.name("cpus").beginArray();
        for (int cpu : f.cpus()) {
            w.value(cpu);
        }
        w.endArray();
        seconds(w.name("first_seen_s"), f.firstNs());
        seconds(w.name("created_s"), f.createdNs());
        seconds(w.name("destroyed_s"), f.destroyedNs());
        seconds(w.name("freed_s"), f.freedNs());
        number(w.name("hold"), f.hold());
        number(w.name("release"), f.release());
        if (f.inflight() < 0 && !f.inflightRelative()) {
            w.name("inflight").nullValue();
        } else {
            w.name("inflight").value(f.inflight());
        }
        w.name("inflight_relative").value(f.inflightRelative());
        if (f.highestNs() == Capture.NO_TIME) {
            w.name("highest_inflight").nullValue();
        } else {
            w.name("highest_inflight").value(f.highest());
        }
        seconds(w.name("highest_inflight_s"), f.highestNs());
        w.name("lifetimes_ns");
        if (f.lifetimes() == null) {
            w.nullValue();
        } else {
            PoolFindings.Lifetimes l = f.lifetimes();
            w.beginObject().name("count").value(l.count()).name("p50").value(l.p50()).name("p90").value(l.p90())
                    .name("p99").value(l.p99()).name("max").value(l.max()).endObject();
        }
        w.name("statistics");
        if (f.rates() == null) {
            w.nullValue();
        } else {
            rates(w, f.rates());
        }
        w.name("outstanding").value(f.outstanding());
        w.name("leaks").beginArray();
        for (PoolFindings.Leak leak : f.leaks()) {
            w.beginObject().name(leak.pfn() ? "pfn" : "page").value(Show.address(leak.page()));
            seconds(w.name("held_s"), leak.heldNs());
            seconds(w.name("age_s"), leak.ageNs());
            if (leak.freedBehind()) {
                seconds(w.name("held_again_s"), leak.reheldNs());
            }
            w.endObject();
        }
        w.endArray();
        w.name("stall");
        if (f.stall() == null) {
            w.nullValue();
        } else {
            PoolFindings.Stall s = f.stall();
            w.beginObject();
            seconds(w.name("since_s"), s.sinceNs());
            number(w.name("inflight_at_start"), s.inflightAtStart());
            number(w.name("inflight_at_first_warning"), s.inflightAtFirstWarning());
            w.name("inflight_at_end").value(s.inflightAtEnd());
            seconds(w.name("waited_s"), s.waitedNs());
            w.name("warnings").value(s.warnings()).name("source").value(s.source()).endObject();
        }
        w.name("climb");
        if (f.climb() == null) {
            w.nullValue();
        } else {
            PoolFindings.Climb c = f.climb();
            w.beginObject().name("from").value(c.from());
            seconds(w.name("from_s"), c.fromNs());
            w.name("to").value(c.to());
            seconds(w.name("to_s"), c.toNs());
            w.endObject();
        }
        strings(w.name("numa"), f.nidChanges());
        strings(w.name("notes"), f.notes());
        w.endObject();
    }

    private static void rates(JsonWriter w, Rates r) {
        w.beginObject().name("name").value(r.name()).name("samples").value(r.samples());
        seconds(w.name("from_s"), r.fromNs());
        seconds(w.name("to_s"), r.toNs());
        w.name("counters").beginObject();
        for (Rates.Row row : r.rows()) {
            w.name(row.counter().kernelName()).beginObject().name("total").value(row.total());
            if (r.timed()) {
                w.name("growth").value(row.growth()).name("per_second").value(row.perSecond());
            }
            w.endObject();
        }
        w.endObject().endObject();
    }

    private static void strings(JsonWriter w, List<String> values) {
        w.beginArray();
        for (String s : values) {
            w.value(s);
        }
        w.endArray();
    }

    private static void seconds(JsonWriter w, long ns) {
        if (ns == Capture.NO_TIME) {
            w.nullValue();
        } else {
            w.value(ns / 1e9);
        }
    }

    private static void number(JsonWriter w, long n) {
        if (n < 0) {
            w.nullValue();
        } else {
            w.value(n);
        }
    }
}
