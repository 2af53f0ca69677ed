// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.pagepool.mm.PageRef;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.trace.TraceObserver;
import org.pagepool.workload.Simulation;

/**
 * {@code workload --emit-netlink}: what the kernel's YNL CLI would print of
 * the simulated pools every interval, {@code --dump page-pool-get} then
 * {@code --dump page-pool-stats-get}, each after a {@code # time} line as
 * {@code tools/capture-page-pool.sh} records them; JSON ({@code
 * --output-json}) or the Python literals the CLI prints by default (keys
 * sorted, an entry a line, as {@code pprint} does). A pool is in the dumps
 * from its creation until it is freed, as in {@code page_pool_nl_fill()}:
 * {@code id}; {@code ifindex} (the NIC is always {@value #IFINDEX}); {@code
 * napi-id} while the driver uses it; {@code inflight} and {@code
 * inflight-mem}; {@code detach-time} (CLOCK_BOOTTIME in whole seconds) once
 * {@code page_pool_destroy()} ran with pages in flight. The detach time is
 * that of the pool's first {@code page_pool_release} tracepoint, which
 * {@code page_pool_destroy()} fires. The kernel leaves a detach time of 0
 * out (0 means attached); a simulated machine, booted at time 0, can detach
 * a pool in its first second, which a real one never does, so 0 is written.
 */
final class NetlinkSampler extends PeriodicSampler implements TraceObserver {
    /** The simulated NIC's interface index (eth0 after lo). */
    static final int IFINDEX = 2;
    /** Queue 0's NAPI id: the first id a kernel built with NR_CPUS = 8192 hands out. */
    static final long FIRST_NAPI_ID = 8193;
    /** The statistics' netlink names, in {@code PoolStatsSnapshot} order (netdev.yaml, page-pool-stats). */
    static final List<String> STATS = List.of("alloc-fast", "alloc-slow", "alloc-slow-high-order", "alloc-empty",
            "alloc-refill", "alloc-waive", "recycle-cached", "recycle-cache-full", "recycle-ring",
            "recycle-ring-full", "recycle-released-refcnt");

    private final Writer out;
    private final boolean python;
    private final LongSupplier nowNs;
    private final Map<Integer, Long> detachedNs = new HashMap<>();

    /**
     * Dumps every {@code everyNs} simulated ns (at least 1), in JSON or as
     * Python literals; {@code nowNs} gives the simulated time of tracepoints.
     */
    NetlinkSampler(Writer out, long everyNs, boolean python, LongSupplier nowNs) {
        super(everyNs, "a netlink");
        this.out = out;
        this.python = python;
        this.nowNs = nowNs;
    }

    @Override
    public void poolRelease(int pool, int inflight, int hold, int release, int cnt) {
        detachedNs.putIfAbsent(pool, nowNs.getAsLong());
    }

    @Override
    void sample(Simulation sim, long ns) {
        List<PagePool> pools = new ArrayList<>(sim.pools());
        pools.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<List<String[]>> get = new ArrayList<>();
        List<List<String[]>> stats = new ArrayList<>();
        for (PagePool pool : pools) {
            get.add(poolEntry(sim, pool));
            stats.add(statsEntry(pool));
        }
        StringBuilder text = new StringBuilder(256 + 512 * pools.size());
        text.append(SampleTime.header(ns, null)).append('\n');
        list(text, get);
        text.append(SampleTime.header(ns, null)).append('\n');
        list(text, stats);
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code page_pool_nl_fill()}'s attributes, in its order: each a key and its value as written. */
    private List<String[]> poolEntry(Simulation sim, PagePool pool) {
        List<String[]> entry = new ArrayList<>();
        entry.add(pair("id", pool.id()));
        entry.add(pair("ifindex", IFINDEX));
        if (pool.state() == PoolState.ALIVE) {
            entry.add(pair("napi-id", FIRST_NAPI_ID + sim.queueOf(pool)));
        }
        long inflight = pool.inflightCount();
        entry.add(pair("inflight", inflight));
        entry.add(pair("inflight-mem", inflight << (PageRef.PAGE_SHIFT + pool.order())));
        Long detached = detachedNs.get(pool.id());
        if (pool.state() != PoolState.ALIVE && detached != null) {
            entry.add(pair("detach-time", detached / 1_000_000_000L));
        }
        return entry;
    }

    /** {@code page_pool_nl_stats_fill()}: the pool's id and interface under {@code info}, then its counters. */
    private List<String[]> statsEntry(PagePool pool) {
        List<String[]> entry = new ArrayList<>();
        String q = python ? "'" : "\"";
        entry.add(new String[] {"info", "{" + q + "id" + q + ": " + pool.id() + ", " + q + "ifindex" + q + ": "
                + IFINDEX + "}"});
        long[] values = pool.stats().values();
        for (int i = 0; i < values.length; i++) {
            entry.add(pair(STATS.get(i), values[i]));
        }
        return entry;
    }

    private static String[] pair(String key, long value) {
        return new String[] {key, Long.toString(value)};
    }

    /** {@code [{...}, {...}]}: JSON on one line, Python an entry a line with sorted keys. */
    private void list(StringBuilder text, List<List<String[]>> entries) {
        String q = python ? "'" : "\"";
        text.append('[');
        for (int e = 0; e < entries.size(); e++) {
            List<String[]> entry = new ArrayList<>(entries.get(e));
            if (python) {
                entry.sort((a, b) -> a[0].compareTo(b[0]));
            }
            if (e > 0) {
                text.append(python ? ",\n " : ", ");
            }
            text.append('{');
            for (int k = 0; k < entry.size(); k++) {
                if (k > 0) {
                    text.append(", ");
                }
                text.append(q).append(entry.get(k)[0]).append(q).append(": ").append(entry.get(k)[1]);
            }
            text.append('}');
        }
        text.append("]\n");
    }
}
