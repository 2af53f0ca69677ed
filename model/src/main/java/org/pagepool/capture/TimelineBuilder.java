// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what every reader finds into one timeline, then freezes it into a
 * {@link Capture}, joining what the sources say about the same pool: the trace
 * knows pools by address, netlink and 6.8's log lines by id, and
 * {@code page_pool_release_stalled} names both. Older stall warnings name no
 * pool at all; they are matched to a traced pool whose shutdown began when
 * theirs did. Single-threaded.
 */
final class TimelineBuilder implements PoolEventSink {
    /** How far apart a logged shutdown start and a traced destroy may be and still be the same pool. */
    static final long MATCH_NS = 1_500_000_000L;
    /** How often page_pool_release_retry() warns while a shutdown waits (DEFER_WARN_INTERVAL), plus a second. */
    private static final long WARN_INTERVAL_NS = 61_000_000_000L;

    private final LongLongMap trackByAddress = new LongLongMap();
    private final List<PageTrack> tracks = new ArrayList<>();
    private final List<KernelEvent> kernel = new ArrayList<>();
    private final Map<String, CounterSeries.Builder> ethtool = new LinkedHashMap<>();
    private final Map<Integer, CounterSeries.Builder> netlinkStats = new LinkedHashMap<>();
    private final Map<Integer, PoolSamples.Builder> netlinkPools = new LinkedHashMap<>();
    private final Map<Integer, String> links = new HashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<SourceFile> sources = new ArrayList<>();
    private long[] dumpTimes = new long[16];
    private int[] dumpIndexes = new int[16];
    private int dumps;
    private int dumpNumbers;
    private long lost;
    private long startNs = Capture.NO_TIME;
    /** When the capture script began, NO_TIME when it did not say: the kernel log goes back further. */
    private long begunNs = Capture.NO_TIME;
    private long endNs = Capture.NO_TIME;
    private String where = "";

    /** Names the file being read, for the {@code where} of kernel events from the trace. */
    void reading(String file) {
        where = file;
    }

    void source(SourceFile file) {
        sources.add(file);
    }

    private void time(long ns) {
        if (ns != Capture.NO_TIME) {
            startNs = Show.min(startNs, ns);
            endNs = Show.max(endNs, ns);
        }
    }

    /** The pool at {@code address}; a hold after its shutdown began is a new pool at a reused address. */
    private PageTrack track(long address, boolean holding) {
        long index = trackByAddress.get(address, -1);
        if (index >= 0) {
            PageTrack t = tracks.get((int) index);
            if (!holding || t.destroyedNs == Capture.NO_TIME) {
                return t;
            }
        }
        PageTrack t = new PageTrack(address);
        trackByAddress.put(address, tracks.size());
        tracks.add(t);
        return t;
    }

    @Override
    public void hold(long ns, int cpu, long pool, long page, boolean pfn, long hold) {
        time(ns);
        track(pool, true).hold(ns, cpu, page, pfn, hold);
    }

    @Override
    public void release(long ns, int cpu, long pool, long page, boolean pfn, long release) {
        time(ns);
        track(pool, false).release(ns, page, pfn, release);
    }

    @Override
    public void shutdownAttempt(long ns, long pool, int inflight, long hold, long release, long attempts) {
        time(ns);
        track(pool, false).shutdownAttempt(ns, inflight, hold, release, attempts);
    }

    @Override
    public void updateNid(long ns, long pool, int poolNid, int newNid) {
        time(ns);
        PageTrack t = track(pool, false);
        t.seen(ns);
        t.nidChanges.add(ns, poolNid, newNid);
    }

    @Override
    public void stalled(long ns, long pool, int id, int inflight, int seconds) {
        time(ns);
        PageTrack t = track(pool, false);
        t.seen(ns);
        t.id = id;
        kernel.add(new KernelEvent(ns, KernelEvent.Kind.STALLED, id, "", inflight, seconds, 0,
                Tracepoints.STALLED + ": page_pool=" + Show.address(pool) + " id=" + id + " inflight=" + inflight
                        + " sec=" + seconds, where));
    }

    @Override
    public void lost(long ns, int cpu, long events) {
        lost += events;
    }

    void kernelEvent(KernelEvent event) {
        kernel.add(event); // its time counts at freeze(): a log from before the capture does not stretch it
    }

    /** The capture script began recording at {@code ns} (capture.txt's start_uptime). */
    void captureBegan(long ns) {
        begunNs = ns;
    }

    /** One ethtool sample of an interface's totals ({@code queue} "") or of one queue. */
    void ethtoolSample(String device, String queue, long ns, boolean wallClock, long[] values, int mask) {
        if (!wallClock) {
            time(ns);
        }
        ethtool.computeIfAbsent(device + "\0" + queue,
                k -> new CounterSeries.Builder(CounterSeries.Source.ETHTOOL, device, queue, -1, wallClock))
                .add(ns, values, mask);
    }

    /** One pool's {@code page-pool-stats-get} entry. */
    void netlinkStats(int id, long ns, boolean wallClock, long[] values, int mask) {
        if (!wallClock) {
            time(ns);
        }
        netlinkStats.computeIfAbsent(id,
                k -> new CounterSeries.Builder(CounterSeries.Source.NETLINK, "pool " + id, "", id, wallClock))
                .add(ns, values, mask);
    }

    /** The pool with netlink id {@code id}, to fill from a {@code page-pool-get} entry. */
    PoolSamples.Builder netlinkPool(int id) {
        return netlinkPools.computeIfAbsent(id, PoolSamples.Builder::new);
    }

    /** Numbers a netlink dump (of any file, in the order read); its entries carry the number. */
    int beginDump() {
        return ++dumpNumbers;
    }

    /**
     * The {@code index}-th dump of the file was a {@code page-pool-get}, taken
     * at {@code ns} (NO_TIME if on the wall clock): a pool missing from it is gone.
     */
    void netlinkDump(int index, long ns) {
        time(ns);
        if (dumps == dumpTimes.length) {
            dumpTimes = Arrays.copyOf(dumpTimes, dumps * 2);
            dumpIndexes = Arrays.copyOf(dumpIndexes, dumps * 2);
        }
        dumpIndexes[dumps] = index;
        dumpTimes[dumps++] = ns;
    }

    void link(int ifindex, String name) {
        links.put(ifindex, name);
    }

    void note(String key, String value) {
        notes.put(key, value);
    }

    /** A moment the capture covers (its start or end, as the capture script wrote them down). */
    void moment(long ns) {
        time(ns);
    }

    /** Bytes held by the pools' tables: what a long trace costs (it must not grow with the number of lines). */
    long footprintBytes() {
        long bytes = 0;
        for (PageTrack t : tracks) {
            bytes += t.footprintBytes();
        }
        return bytes;
    }

    Capture freeze() {
        for (KernelEvent e : kernel) {
            if (e.ns() == Capture.NO_TIME || begunNs == Capture.NO_TIME || e.ns() >= begunNs) {
                time(e.ns()); // a dmesg holds the log since boot: what came before the capture does not stretch it
            }
        }
        List<PoolTimeline> pools = new ArrayList<>();
        List<KernelEvent> anonymous = new ArrayList<>();
        Map<Integer, List<KernelEvent>> stallsById = new LinkedHashMap<>();
        for (KernelEvent e : kernel) {
            if (e.kind() == KernelEvent.Kind.STALLED) {
                if (e.poolId() >= 0) {
                    stallsById.computeIfAbsent(e.poolId(), k -> new ArrayList<>()).add(e);
                } else {
                    anonymous.add(e);
                }
            }
        }
        List<List<KernelEvent>> groups = groupByShutdownStart(anonymous);
        List<List<KernelEvent>> byId = idsNoSourceKnows(stallsById);
        List<List<KernelEvent>> toMatch = new ArrayList<>(groups);
        toMatch.addAll(byId);
        Map<PageTrack, List<KernelEvent>> matched = matchToTraces(toMatch);
        for (PageTrack t : tracks) {
            PoolSamples.Builder samples = t.id >= 0 ? netlinkPools.remove(t.id) : null;
            List<KernelEvent> stalls = new ArrayList<>();
            if (t.id >= 0 && stallsById.containsKey(t.id)) {
                stalls.addAll(stallsById.remove(t.id));
            }
            boolean byTime = matched.containsKey(t);
            stalls.addAll(matched.getOrDefault(t, List.of()));
            int id = t.id;
            if (byTime && t.id < 0 && matched.get(t).get(0).poolId() >= 0) {
                id = matched.get(t).get(0).poolId(); // 6.8+'s warnings name the id the trace does not print
                stallsById.remove(id);
            }
            pools.add(pool(t.address, id, new PageHistory(t), samples, stalls, byTime));
        }
        for (PoolSamples.Builder samples : netlinkPools.values()) {
            List<KernelEvent> stalls = stallsById.remove(samples.id);
            pools.add(pool(0, samples.id, null, samples, stalls == null ? List.of() : stalls, false));
        }
        Map<KernelEvent, KernelEvent> over = new IdentityHashMap<>();
        for (Map.Entry<Integer, List<KernelEvent>> e : stallsById.entrySet()) {
            if (!setAsideIfOver(e.getValue(), over)) {
                pools.add(pool(0, e.getKey(), null, null, e.getValue(), false));
            }
        }
        for (Integer id : List.copyOf(netlinkStats.keySet())) {
            pools.add(pool(0, id, null, null, List.of(), false)); // statistics only
        }
        for (List<KernelEvent> group : groups) {
            if (matched.values().stream().noneMatch(m -> m == group) && !setAsideIfOver(group, over)) {
                pools.add(pool(0, -1, null, null, group, false));
            }
        }
        kernel.removeIf(e -> over.get(e) == e); // the warnings set aside, but for each shutdown's last
        kernel.replaceAll(e -> over.getOrDefault(e, e)); // which says the shutdown was over
        List<PoolTimeline> ordered = new ArrayList<>(pools);
        ordered.sort(Comparator.comparingLong((PoolTimeline p) -> p.firstNs() == Capture.NO_TIME ? Long.MAX_VALUE
                : p.firstNs()).thenComparingInt(PoolTimeline::id));
        List<CounterSeries> interfaces = new ArrayList<>();
        for (CounterSeries.Builder b : ethtool.values()) {
            interfaces.add(b.build());
        }
        return new Capture(sources, startNs, endNs, ordered, interfaces, kernel, lost, notes);
    }

    private PoolTimeline pool(long address, int id, PageHistory pages, PoolSamples.Builder samples,
                              List<KernelEvent> stalls, boolean byTime) {
        PoolSamples built = samples == null ? null : samples.build(dumpIndexes, dumpTimes, dumps);
        CounterSeries.Builder stats = id >= 0 ? netlinkStats.remove(id) : null;
        int ifindex = built == null ? -1 : built.ifindex();
        String device = ifindex >= 0 ? links.getOrDefault(ifindex, "") : "";
        for (KernelEvent e : stalls) {
            if (device.isEmpty() && !e.device().isEmpty()) {
                device = e.device();
            }
        }
        List<KernelEvent> sorted = new ArrayList<>(stalls);
        sorted.sort(Comparator.comparingLong(e -> e.ns() == Capture.NO_TIME ? Long.MAX_VALUE : e.ns()));
        return new PoolTimeline(address, id, ifindex, device, pages, built, stats == null ? null : stats.build(),
                sorted, byTime);
    }

    /**
     * The kernel warns once a minute while a shutdown waits. The warnings of
     * a shutdown no other source shows, whose next warning was due while the
     * capture still recorded and did not come, are of one that was over: its
     * last warning becomes {@link KernelEvent.Kind#STALL_OVER} in {@code
     * over} and the others map to themselves (dropped), rather than a pool
     * said to wait at the end. (A dmesg holds the log since boot: old
     * incidents come with every capture.) True when it set them aside.
     */
    private boolean setAsideIfOver(List<KernelEvent> warnings, Map<KernelEvent, KernelEvent> over) {
        KernelEvent last = null;
        for (KernelEvent e : warnings) {
            if (e.ns() == Capture.NO_TIME) {
                return false; // a log without times cannot say
            }
            last = last == null || e.ns() > last.ns() ? e : last;
        }
        if (last == null || endNs == Capture.NO_TIME || last.ns() + WARN_INTERVAL_NS > endNs) {
            return false;
        }
        warnings.forEach(e -> over.put(e, e));
        over.put(last, new KernelEvent(last.ns(), KernelEvent.Kind.STALL_OVER, last.poolId(), last.device(),
                last.inflight(), last.seconds(), last.errno(), last.text(), last.where()));
        return true;
    }

    /**
     * The warnings of each pool id that neither the trace (its
     * {@code page_pool_release_stalled} events) nor netlink knows: a
     * traced pool may still be theirs, by the time its shutdown began.
     */
    private List<List<KernelEvent>> idsNoSourceKnows(Map<Integer, List<KernelEvent>> stallsById) {
        List<List<KernelEvent>> groups = new ArrayList<>();
        for (Map.Entry<Integer, List<KernelEvent>> e : stallsById.entrySet()) {
            int id = e.getKey();
            boolean known = netlinkPools.containsKey(id) || tracks.stream().anyMatch(t -> t.id == id);
            if (!known && e.getValue().get(0).ns() != Capture.NO_TIME) {
                groups.add(e.getValue());
            }
        }
        return groups;
    }

    /** Warnings without a pool id, one group per shutdown (they share its start, give or take a second). */
    private static List<List<KernelEvent>> groupByShutdownStart(List<KernelEvent> anonymous) {
        List<List<KernelEvent>> groups = new ArrayList<>();
        List<KernelEvent> untimed = new ArrayList<>();
        for (KernelEvent e : anonymous) {
            if (e.ns() == Capture.NO_TIME) {
                untimed.add(e);
                continue;
            }
            List<KernelEvent> home = null;
            for (List<KernelEvent> g : groups) {
                if (g.get(0).ns() != Capture.NO_TIME && g.get(0).device().equals(e.device())
                        && Math.abs(g.get(0).shutdownStartNs() - e.shutdownStartNs()) <= MATCH_NS) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(e);
        }
        if (!untimed.isEmpty()) {
            groups.add(untimed);
        }
        return groups;
    }

    /** Each timed group goes to the one traced pool whose destroy is that close to its start, if exactly one. */
    private Map<PageTrack, List<KernelEvent>> matchToTraces(List<List<KernelEvent>> groups) {
        Map<PageTrack, List<KernelEvent>> matched = new HashMap<>();
        for (List<KernelEvent> g : groups) {
            long start = g.get(0).shutdownStartNs();
            if (start == Capture.NO_TIME) {
                continue;
            }
            PageTrack only = null;
            int candidates = 0;
            for (PageTrack t : tracks) {
                if (t.destroyedNs != Capture.NO_TIME && t.id < 0 && !matched.containsKey(t)
                        && Math.abs(t.destroyedNs - start) <= MATCH_NS) {
                    only = t;
                    candidates++;
                }
            }
            if (candidates == 1) {
                matched.put(only, g);
            }
        }
        return matched;
    }
}
