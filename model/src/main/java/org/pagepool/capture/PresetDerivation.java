// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Derives a workload preset from a capture ("Simulate this"): the packet rate
 * and the verdict mix from the page_pool counters' growth (one page per
 * packet; a page recycled directly into the cache is an XDP_DROP, one that
 * comes back through the ring or is released with extra references is an
 * skb passed up the stack), the number of queues, the driver's unload or
 * reload, the leak rate when pages never came back, and how long sockets
 * held pages when they came back slowly after a destroy. What a capture
 * cannot show (the ptr_ring's and RX ring's sizes, TX versus DROP, ...) keeps
 * the simulator's default, and says so. The keys are written as the preset
 * format spells them; this package does not depend on the simulator.
 */
public final class PresetDerivation {
    private static final long MS = 1_000_000L;
    /** The simulator's defaults for what a capture cannot show. */
    private static final double DEFAULT_RATE = 5_000_000;
    private static final long LONGEST_LIFETIME_NS = 600_000_000_000L;
    private static final long LONGEST_RUN_NS = 1_000_000_000_000_000L;
    /** {@code nic.rx_ring}'s range in the model. */
    private static final int MIN_RX_RING = 8;
    private static final int MAX_RX_RING = 8192;
    /** The narrowest lognormal lifetime it writes: skb.sigma = 0 means exponential lifetimes instead. */
    private static final double MIN_SIGMA = 0.01;
    /** The model's most NUMA nodes and CPUs (memory.nodes, cpus). */
    private static final int MAX_NODES = 8;
    private static final int MAX_CPUS = 64;

    private final Capture capture;
    private final CaptureReport report;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<DerivedPreset.Assumption> estimated = new ArrayList<>();
    private final List<DerivedPreset.Assumption> defaulted = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> story = new ArrayList<>();

    private PresetDerivation(Capture capture, CaptureReport report) {
        this.capture = capture;
        this.report = report;
    }

    /** The preset for {@code capture} (whose report is {@code report}); {@code name} names the capture. */
    public static DerivedPreset of(Capture capture, CaptureReport report, String name) {
        PresetDerivation d = new PresetDerivation(capture, report);
        d.derive();
        return new DerivedPreset(d.text(name), d.estimated, d.defaulted);
    }

    private void derive() {
        long length = report.lengthNs() == Capture.NO_TIME || report.lengthNs() <= 0 ? Capture.NO_TIME
                : Math.min(LONGEST_RUN_NS, Math.max(MS, report.lengthNs()));
        if (length == Capture.NO_TIME) {
            set(defaulted, "duration", "1s", "the capture's sources have no times");
        } else {
            set(estimated, "duration", time(length), "as long as the capture");
        }
        long destroyNs = firstDestroy();
        boolean reload = destroyNs != Capture.NO_TIME && report.startNs() != Capture.NO_TIME
                && reloaded(destroyNs - report.startNs());
        // after an unload nothing is allocated; after a reload the new pools go on
        CounterGrowth growth = counters(reload ? Capture.NO_TIME : destroyNs);
        int queues = queues(growth);
        if (!topology(growth, queues) && queues > 4) {
            set(estimated, "cpus", Integer.toString(queues), "one CPU per queue, each queue's interrupt on its own");
        }
        // without counters, a shutdown that waited for pages which came back says they were held, not recycled
        PoolFindings held = growth == null || growth.allocations() == 0 ? shutdownThatWaited() : null;
        double rate = rate(growth, held);
        double pass = verdicts(growth, held);
        leaksAndShutdown(growth, rate, pass, destroyNs, length);
        set(defaulted, "pool.size", "1024", "the ptr_ring's size is not reported by any source");
        rxRing(growth);
        set(defaulted, "xdp.tx", "0", "XDP_TX completions recycle into the cache as XDP_DROP does, and redirected"
                + " frames come back through the ring as skbs do: the counters cannot tell them apart");
    }

    // ---- what the capture script wrote down --------------------------------------------------------------------

    /**
     * {@code nic.rx_ring}: the RX ring's current size, which the capture
     * script writes down from {@code ethtool -g} ({@code rx_ring.IFACE=N}),
     * of the interface whose counters gave the rate, else the one size every
     * interface has; the model's default when there is none.
     */
    private void rxRing(CounterGrowth growth) {
        int ring = growth != null ? growth.rxRing() : Math.max(0, noted(Capture.RX_RING_NOTE, null));
        if (ring == 0) {
            set(defaulted, "nic.rx_ring", Integer.toString(CounterGrowth.RX_RING),
                    "the RX ring's size is not a page_pool statistic, and capture.txt has no rx_ring (ethtool -g)"
                    + " for the interface counted");
            return;
        }
        String iface = interfaceOf(growth);
        String source = iface != null ? "ethtool -g " + iface : "ethtool -g of every interface";
        int modelled = Math.max(MIN_RX_RING, Math.min(MAX_RX_RING, ring));
        set(estimated, "nic.rx_ring", Integer.toString(modelled), source + ": the RX ring's current size"
                + (modelled != ring ? String.format(Locale.ROOT, ", %,d, taken to the model's %s", ring,
                        modelled < ring ? "largest" : "smallest") : ""));
    }

    /**
     * The machine's NUMA nodes and the CPUs of the queues' interrupts, from
     * sysfs and procfs ({@link Topology}), the CPUs numbered the model's way
     * (CPU c on node c / cpus.per_node: each node's CPUs together). Says how
     * many queues' interrupts are on a node other than the NIC's: the story
     * of refills that waive. True when it set the CPUs.
     */
    private boolean topology(CounterGrowth growth, int queues) {
        Topology t = Topology.of(capture.notes());
        String iface = interfaceOf(growth);
        if (iface == null && t.interfaces().size() == 1) {
            iface = t.interfaces().get(0); // netlink's counters: the one interface noted
        }
        int nodes = t.nodes() <= MAX_NODES ? t.nodes() : 0;
        int perNode = nodes >= 2 ? Math.min(t.largestNode(), MAX_CPUS / nodes) : 0;
        if (nodes >= 2) {
            nodes(t, nodes, perNode);
        }
        List<Topology.Interrupt> irqs = iface == null ? List.of() : t.queueInterrupts(iface);
        int[] cpus = queueCpus(t, irqs, queues, perNode);
        if (cpus == null) {
            return nodes >= 2;
        }
        StringBuilder list = new StringBuilder();
        int highest = 0;
        for (int cpu : cpus) {
            list.append(list.length() == 0 ? "" : ",").append(cpu);
            highest = Math.max(highest, cpu);
        }
        set(estimated, "irq.cpus", list.toString(), "procfs: the CPUs " + iface + "'s " + Show.plural(queues,
                "queue interrupt") + " go to (" + irqs.get(0).name() + ", ...)");
        boolean moreCpus = nodes < 2 && (highest >= 4 || queues > 4); // beyond the model's 4 by default
        if (moreCpus) {
            set(estimated, "cpus", Integer.toString(Math.max(highest + 1, queues)), "as many as irq.cpus needs");
        }
        wrongNode(t, iface, irqs.subList(0, queues), nodes);
        return nodes >= 2 || moreCpus;
    }

    /** memory.nodes, cpus and cpus.per_node for a machine of {@code nodes} NUMA nodes. */
    private void nodes(Topology t, int nodes, int perNode) {
        boolean renumbered = !t.numberedAsTheModel() || t.largestNode() > perNode;
        set(estimated, "memory.nodes", Integer.toString(nodes), "sysfs: the machine's NUMA nodes");
        set(estimated, "cpus", Integer.toString(nodes * perNode), String.format(Locale.ROOT,
                "sysfs: %d nodes of %s%d CPUs%s", nodes, t.evenNodes() ? "" : "up to ", t.largestNode(),
                t.largestNode() > perNode ? ", taken to the model's 64 in all" : ""));
        set(estimated, "cpus.per_node", Integer.toString(perNode), renumbered
                ? "sysfs's CPUs numbered node by node, as the model numbers them (irq.cpus too)"
                : "as sysfs numbers them");
    }

    /**
     * The model's CPU of each of the first {@code queues} queue interrupts
     * (numbered node by node with {@code perNode} above 0); null when there
     * are fewer, or one is on a CPU of no node noted or beyond the model's.
     */
    private static int[] queueCpus(Topology t, List<Topology.Interrupt> irqs, int queues, int perNode) {
        if (queues < 1 || irqs.size() < queues) {
            return null;
        }
        int[] cpus = new int[queues];
        for (int q = 0; q < queues; q++) {
            int cpu = irqs.get(q).cpu();
            cpus[q] = perNode > 0 ? t.modelCpu(cpu, perNode) : cpu;
            if (cpus[q] < 0 || cpus[q] >= MAX_CPUS) {
                return null;
            }
        }
        return cpus;
    }

    /** The story of the queues whose interrupts are not on the NIC's node, and what would show it. */
    private void wrongNode(Topology t, String iface, List<Topology.Interrupt> irqs, int nodes) {
        int nic = t.nicNode(iface);
        if (nodes < 2 || nic < 0) {
            return;
        }
        long away = irqs.stream().filter(i -> t.nodeOf(i.cpu()) != nic).count();
        if (away == 0) {
            return;
        }
        String which = irqs.size() == 1 ? "The queue's interrupt is" : String.format(Locale.ROOT,
                "%d of %d queues' interrupts are", away, irqs.size());
        story.add(String.format(Locale.ROOT, "%s on a node other than %s's (node %d, sysfs): the pages of those CPUs"
                + " come from their own node.", which, iface, nic));
        set(defaulted, "pool.nid", "-1", String.format(Locale.ROOT, "whether %s's driver creates its pools on its node"
                + " (%d) is the driver's own choice; with pool.nid = %d and driver.nid_changed = off the %s on"
                + " other nodes would waive the pages that come back through their ptr_rings (preset 17)", iface,
                nic, nic, Show.plural(away, "queue")));
    }

    /** The interface whose ethtool -S samples the counters' growth came from, or null (netlink, none). */
    private static String interfaceOf(CounterGrowth growth) {
        String where = growth == null ? "" : growth.where();
        return where.endsWith("(ethtool -S)") ? where.substring(0, where.indexOf(' ')) : null;
    }

    /**
     * The number capture.txt notes as {@code prefix + iface}, or with a null
     * {@code iface} the one number every interface noted has; -1 when there
     * is none (or they differ, or the driver said n/a).
     */
    private int noted(String prefix, String iface) {
        int size = -1;
        for (Map.Entry<String, String> note : capture.notes().entrySet()) {
            String key = note.getKey();
            if (!key.startsWith(prefix) || iface != null && !key.equals(prefix + iface)) {
                continue;
            }
            byte[] value = note.getValue().strip().getBytes(StandardCharsets.US_ASCII);
            int n;
            try {
                n = (int) Scan.unsigned(value, 0, value.length, Integer.MAX_VALUE);
            } catch (Scan.Bad e) {
                return -1;
            }
            if (size >= 0 && n != size) {
                return -1;
            }
            size = n;
        }
        return size;
    }

    // ---- what the counters say ---------------------------------------------------------------------------------

    /** The first destroy on the kernel's clock: the trace's time, else netlink's (whole seconds), else NO_TIME. */
    private long firstDestroy() {
        long traced = Capture.NO_TIME;
        long dumped = Capture.NO_TIME;
        for (PoolTimeline p : capture.pools()) {
            if (p.pages() != null && p.pages().destroyedNs() != Capture.NO_TIME) {
                traced = Show.min(traced, p.pages().destroyedNs());
            }
            if (p.samples() != null && p.samples().detachedNs() != Capture.NO_TIME) {
                dumped = Show.min(dumped, p.samples().detachedNs());
            }
        }
        return traced != Capture.NO_TIME ? traced : dumped;
    }

    /** The busiest interface's queues (or its totals), else every pool netlink dumped, else null. */
    private CounterGrowth counters(long destroyNs) {
        Map<String, List<CounterSeries>> queues = new LinkedHashMap<>();
        Map<String, CounterSeries> totals = new LinkedHashMap<>();
        for (CounterSeries s : capture.interfaces()) {
            if (s.queue().isEmpty()) {
                totals.put(s.name(), s);
            } else {
                queues.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
            }
        }
        CounterGrowth best = null;
        for (String iface : totals.keySet().isEmpty() ? queues.keySet() : totals.keySet()) {
            List<CounterSeries> q = queues.get(iface);
            int ring = Math.max(0, noted(Capture.RX_RING_NOTE, iface));
            CounterGrowth g = q != null ? CounterGrowth.of(q, destroyNs, iface + " " + q.get(0).queue()
                    + (q.size() > 1 ? "-" + q.get(q.size() - 1).queue() : "") + " (ethtool -S)", ring)
                    : CounterGrowth.of(List.of(totals.get(iface)), destroyNs, iface + " (ethtool -S)", ring);
            if (best == null || g.allocations() > best.allocations()) {
                best = g;
            }
        }
        if (best != null && best.spanNs() > 0) {
            return best;
        }
        List<CounterSeries> pools = new ArrayList<>();
        for (PoolTimeline p : capture.pools()) {
            if (p.stats() != null) {
                pools.add(p.stats());
            }
        }
        CounterGrowth dumped = pools.isEmpty() ? null : CounterGrowth.of(pools, destroyNs,
                Show.plural(pools.size(), "pool") + " (netlink page-pool-stats-get)",
                Math.max(0, noted(Capture.RX_RING_NOTE, null)));
        return dumped != null && dumped.spanNs() > 0 ? dumped : best;
    }

    /**
     * {@code nic.queues}: the busiest interface's ethtool queues, else its RX
     * channels ({@code ethtool -l}, when ethtool -S sums them), else the
     * pools in use at once.
     */
    private int queues(CounterGrowth growth) {
        int counted = 0;
        for (CounterSeries s : capture.interfaces()) {
            if (!s.queue().isEmpty() && growth != null && growth.where().startsWith(s.name() + " ")) {
                counted++;
            }
        }
        if (counted > 0) {
            return queues(Math.min(64, counted), "one pool per queue: ethtool -S counted " + Show.plural(counted,
                    "queue"));
        }
        String iface = interfaceOf(growth);
        int channels = iface == null ? -1 : noted(Capture.RX_QUEUES_NOTE, iface);
        if (channels > 0) {
            return queues(Math.min(64, channels), "ethtool -l " + iface + ": " + Show.plural(channels, "RX channel")
                    + (channels > 64 ? ", taken to the model's 64" : "") + ", one pool per queue");
        }
        int pools = poolsAtOnce();
        if (pools == 0) {
            return queues(1, null);
        }
        return queues(Math.min(64, pools), pools == 1 ? "one pool in use at a time, one queue"
                : pools + " pools in use at the same time, one per queue");
    }

    private int queues(int n, String why) {
        set(why == null ? defaulted : estimated, "nic.queues", Integer.toString(n),
                why == null ? "no pool of the capture shows when it was in use" : why);
        return n;
    }

    /** The most pools in use at one moment (the trace's and netlink's view of one pool counted once). */
    private int poolsAtOnce() {
        List<long[]> spans = new ArrayList<>();
        for (int i = 0; i < report.pools().size(); i++) {
            PoolJoin.Joined j = report.joinOf(i);
            if (j != null && j.dumped() == i) {
                continue;
            }
            PoolFindings f = report.pools().get(i);
            long born = f.createdNs() != Capture.NO_TIME ? f.createdNs() : f.firstNs();
            spans.add(new long[] {born == Capture.NO_TIME ? Long.MIN_VALUE : born,
                f.destroyedNs() == Capture.NO_TIME ? Long.MAX_VALUE : f.destroyedNs()});
        }
        int most = 0;
        for (long[] s : spans) {
            int alive = 0;
            for (long[] o : spans) {
                alive += o[0] <= s[0] && s[0] < o[1] ? 1 : 0;
            }
            most = Math.max(most, alive);
        }
        return most;
    }

    private double rate(CounterGrowth growth, PoolFindings held) {
        long born = held == null ? Capture.NO_TIME : held.createdNs() != Capture.NO_TIME ? held.createdNs()
                : held.firstNs();
        if (held != null && held.hold() > 0 && born != Capture.NO_TIME && held.destroyedNs() > born) {
            double rate = held.hold() * 1e9 / (held.destroyedNs() - born);
            set(estimated, "traffic.rate", count(rate), String.format(Locale.ROOT, "no counters, but %s took %,d"
                    + " pages (page_pool_state_hold) in the %s from its first page to its destroy, and its shutdown"
                    + " waited for them: pages held outside NAPI come back too late to be recycled, so each stands"
                    + " for a packet, as the model has it (a driver that splits pages into fragments gave more)",
                    held.label(), held.hold(), Show.duration(held.destroyedNs() - born)));
            return rate;
        }
        if (growth == null || growth.allocations() == 0 || growth.spanNs() <= 0) {
            // samples all at one time (the clock did not move between them) have counts but no rate
            set(defaulted, "traffic.rate", count(DEFAULT_RATE), "no page_pool statistics with times (ethtool -S or"
                    + " netlink samples) to count allocations in");
            return DEFAULT_RATE;
        }
        long fill = growth.firstFill();
        long packets = growth.allocations() > fill ? growth.allocations() - fill : growth.allocations();
        String why = String.format(Locale.ROOT, "alloc_fast + alloc_slow + alloc_slow_ho + alloc_refill grew %,d in"
                + " %s on %s, while the pools were in use; one page per packet", growth.allocations(),
                Show.duration(growth.spanNs()), growth.where());
        if (fill > 0) {
            // pools created as the capture began: their RX rings' size is known only from ethtool -g, the pages
            // that came back are known
            long back = growth.recycled();
            why += String.format(Locale.ROOT, ", less %,d pages that filled the RX rings of pools created as the"
                    + " capture began (%,d a queue%s)", fill, growth.rxRing() > 0 ? growth.rxRing()
                    : CounterGrowth.RX_RING, growth.rxRing() > 0 ? ", ethtool -g" : " by default");
            if (growth.rxRing() == 0 && back > 0 && back < packets) { // a ring ethtool -g gave needs no such guess
                packets = back;
                why += String.format(Locale.ROOT, "; the %,d pages recycled or released are fewer, and a ring larger"
                        + " than the default would explain it: taken instead", back);
            }
        }
        double rate = Math.min(200e6, packets / (growth.spanNs() / 1e9));
        set(estimated, "traffic.rate", count(rate), why);
        return rate;
    }

    /** The verdict mix; returns the share of packets passed up the stack. */
    private double verdicts(CounterGrowth growth, PoolFindings held) {
        long direct = growth == null ? 0 : growth.of(PoolCounter.CACHED) + growth.of(PoolCounter.CACHE_FULL);
        long released = growth == null ? 0 : growth.of(PoolCounter.RELEASED_REFCNT);
        long returned = growth == null ? 0 : Math.max(0, growth.of(PoolCounter.RING) + growth.of(PoolCounter.RING_FULL)
                - growth.of(PoolCounter.CACHE_FULL)) + released;
        if (direct + returned == 0) {
            if (held != null) {
                set(estimated, "xdp.drop", "0", "no recycling counters, but " + held.label() + "'s shutdown waited "
                        + Show.duration(held.freedNs() - held.destroyedNs()) + " for pages that then came back:"
                        + " pages held outside NAPI, as skbs passed up the stack are (how many packets were dropped"
                        + " instead no counter says)");
                set(estimated, "xdp.pass", "100", "as above");
                return 1;
            }
            set(defaulted, "xdp.drop", "100", "no recycling counters grew, so nothing tells the verdicts apart");
            set(defaulted, "xdp.pass", "0", "as above");
            return 0;
        }
        long drop = Math.round(100.0 * direct / (direct + returned));
        String counts = String.format(Locale.ROOT, "recycle_cached + recycle_cache_full (recycled in NAPI) grew"
                + " %,d, recycle_ring + recycle_ring_full - recycle_cache_full + recycle_released_ref (pages back"
                + " from sockets and other CPUs) %,d", direct, returned);
        set(estimated, "xdp.drop", Long.toString(drop), counts + ": the share recycled in NAPI, as XDP_DROP does");
        set(estimated, "xdp.pass", Long.toString(100 - drop), "the share that came back from outside NAPI, as skbs"
                + " passed up the stack do");
        if (released > 0 && returned > 0) {
            set(estimated, "skb.clone", number(Math.min(1, (double) released / returned)), String.format(Locale.ROOT,
                    "recycle_released_ref grew %,d of the %,d pages back from outside NAPI: pages with a second"
                            + " reference, as a cloned skb's", released, returned));
        }
        return returned / (double) (direct + returned);
    }

    /** The first pool whose shutdown waited a second or more for pages that came back (it was freed), or null. */
    private PoolFindings shutdownThatWaited() {
        return report.pools().stream().filter(PoolFindings::shutdownWaited).findFirst().orElse(null);
    }

    // ---- shutdowns and leaks -----------------------------------------------------------------------------------

    private void leaksAndShutdown(CounterGrowth growth, double rate, double pass, long destroyNs, long length) {
        long leaked = 0;
        List<String> leakWhere = new ArrayList<>();
        SocketLifetimeFit fit = null;
        for (int i = 0; i < report.pools().size(); i++) {
            PoolJoin.Joined j = report.joinOf(i);
            if (j != null && j.dumped() == i) {
                continue; // its trace's findings speak for both
            }
            PoolFindings f = report.pools().get(i);
            PoolFindings.Stall stall = f.stall() != null || j == null ? f.stall()
                    : report.pools().get(j.dumped()).stall();
            long behind = f.leaks().stream().filter(PoolFindings.Leak::freedBehind).count();
            // the first inflight the shutdown showed: at the destroy, else at the kernel's first warning
            long first = stall == null ? -1 : stall.inflightAtStart() >= 0 ? stall.inflightAtStart()
                    : stall.inflightAtFirstWarning();
            if (stall != null && first <= stall.inflightAtEnd()) {
                leaked += Math.max(f.leaks().size(), stall.inflightAtEnd()); // nothing came back: leaked for good
                leakWhere.add(f.label() + "'s shutdown got none of its " + Show.plural(stall.inflightAtEnd(), "page")
                        + " back");
            } else if (behind > 0) {
                leaked += behind;
                leakWhere.add(f.label() + " was handed " + Show.plural(behind, "pfn") + " again that it never"
                        + " released");
            }
            if (fit == null) {
                fit = fit(capture.pools().get(i), j == null ? null : capture.pools().get(j.dumped()), stall);
            }
        }
        long destroyRel = destroyNs == Capture.NO_TIME || report.startNs() == Capture.NO_TIME ? Capture.NO_TIME
                : destroyNs - report.startNs();
        if (destroyRel > 0 && (length == Capture.NO_TIME || destroyRel < length)) {
            String what = reloaded(destroyRel) ? "reload" : "unload";
            events.add("at " + time(destroyRel) + ": " + what);
            estimated.add(new DerivedPreset.Assumption("at " + time(destroyRel), what, "the driver destroyed its pool"
                    + (what.equals("reload") ? " and a new one took its place" : "") + " then"));
        }
        if (leaked > 0) {
            long drops = growth == null ? 0 : growth.of(PoolCounter.CACHED) + growth.of(PoolCounter.CACHE_FULL);
            double alive = (destroyRel > 0 ? destroyRel : length == Capture.NO_TIME ? 1e9 : length) / 1e9;
            double share = drops > 0 ? (double) leaked / (drops + leaked)
                    : leaked / Math.max(1, rate * Math.max(0.01, 1 - pass) * alive);
            String where = leakWhere.size() <= 2 ? String.join("; ", leakWhere)
                    : leakWhere.get(0) + "; and " + (leakWhere.size() - 1) + " more pools";
            String against = drops > 0 ? String.format(Locale.ROOT, "%,d", drops) : "the estimated";
            set(estimated, "driver.leak", number(Math.min(1, share)), String.format(Locale.ROOT, "%,d pages never came"
                    + " back (%s) against %s dropped pages: a put_page() behind the pool's back", leaked, where,
                    against));
        } else {
            set(defaulted, "driver.leak", "0", "no page was seen to leave the pool for good");
        }
        if (fit != null && pass > 0) {
            long mean = Math.min(LONGEST_LIFETIME_NS, Math.max(1000, Math.round(fit.meanNs() / 1000) * 1000));
            set(estimated, "skb.lifetime_ns", time(mean), "half the pages out at the destroy were back "
                    + Show.duration(fit.halfNs())
                    + " later, " + percent(fit.tailShare()) + " still out " + Show.duration(fit.tailNs())
                    + " after it: the mean of a lognormal lifetime through both points");
            if (fit.sigma() >= MIN_SIGMA) {
                set(estimated, "skb.sigma", number(fit.sigma()), "that lognormal's sigma: how long its tail is");
            } else { // 0 would mean exponential lifetimes, the opposite of pages that all came back together
                set(estimated, "skb.sigma", number(MIN_SIGMA), "the pages came back together: a lognormal as narrow"
                        + " as " + number(MIN_SIGMA) + " (0 would mean exponential lifetimes)");
            }
        } else {
            set(defaulted, "skb.lifetime_ns", "50us", "how long sockets hold skbs shows only in a shutdown that waits"
                    + " for them; none did");
        }
    }

    /** Whether a pool came into use after the destroy at {@code destroyRel}: a reload rather than an unload. */
    private boolean reloaded(long destroyRel) {
        for (PoolFindings f : report.pools()) {
            long born = f.createdNs() != Capture.NO_TIME ? f.createdNs() : f.firstNs();
            if (born != Capture.NO_TIME && born > destroyRel) {
                return true;
            }
        }
        return false;
    }

    /** How sockets held the pages the pool waited for, from the trace's inflight (else netlink's), or null. */
    private static SocketLifetimeFit fit(PoolTimeline traced, PoolTimeline dumped, PoolFindings.Stall stall) {
        PageHistory pages = traced.pages();
        if (pages != null && pages.destroyedNs() != Capture.NO_TIME) {
            long atDestroy = pages.firstAttemptInflight();
            if (stall != null) {
                return SocketLifetimeFit.of(pages.series(), pages.destroyedNs(), atDestroy, stall.waitedNs(),
                        stall.inflightAtEnd());
            }
            if (pages.freedNs() != Capture.NO_TIME) {
                return SocketLifetimeFit.of(pages.series(), pages.destroyedNs(), atDestroy,
                        pages.freedNs() - pages.destroyedNs(), 1);
            }
        }
        PoolSamples samples = dumped != null ? dumped.samples() : traced.samples();
        if (stall != null && samples != null && samples.detachedNs() != Capture.NO_TIME) {
            return SocketLifetimeFit.of(samples, samples.detachedNs(), stall.inflightAtStart(), stall.waitedNs(),
                    stall.inflightAtEnd());
        }
        return null;
    }

    // ---- the text ----------------------------------------------------------------------------------------------

    private void set(List<DerivedPreset.Assumption> list, String key, String value, String why) {
        settings.put(key, value);
        list.add(new DerivedPreset.Assumption(key, value, why));
    }

    private String text(String name) {
        StringBuilder t = new StringBuilder();
        t.append("# Derived from the capture ").append(name).append(" by \"Simulate this\" (import --simulate)\n#\n");
        comment(t, "Estimated from the capture:", estimated);
        comment(t, "Defaulted (the capture cannot show it):", defaulted);
        t.append('\n').append("title = Simulated from ").append(oneLine(name)).append('\n');
        t.append("summary = ").append(summary()).append('\n');
        t.append("summary = Estimated: ").append(keys(estimated)).append(". Defaulted, the capture cannot show them: ")
                .append(keys(defaulted)).append(".\n");
        for (String s : story) {
            t.append("watch = ").append(s).append('\n');
        }
        t.append("watch = Compare the counters with the capture's report: the settings above are estimates.\n");
        t.append("seed = 1\n\n");
        for (Map.Entry<String, String> s : settings.entrySet()) {
            t.append(s.getKey()).append(" = ").append(s.getValue()).append('\n');
        }
        for (String e : events) {
            t.append(e).append('\n');
        }
        return t.toString();
    }

    private String summary() {
        StringBuilder s = new StringBuilder(settings.get("nic.queues").equals("1") ? "One queue"
                : settings.get("nic.queues") + " queues").append(" at ").append(settings.get("traffic.rate"))
                .append(" packets/s, ").append(settings.get("xdp.drop")).append("% recycled in NAPI (as XDP_DROP), ")
                .append(settings.get("xdp.pass")).append("% through the stack (as XDP_PASS)");
        if (!events.isEmpty()) {
            s.append("; ").append(events.get(0).replace(": ", ": the driver's "));
        }
        if (!"0".equals(settings.get("driver.leak"))) {
            s.append("; a driver that leaks ").append(settings.get("driver.leak")).append(" of its dropped pages");
            story.add("leaked (NIC) grows; after the unload inflight stays at the leaked pages, as it did on the"
                    + " machine.");
        }
        if (settings.containsKey("skb.sigma")) {
            story.add("After the unload inflight falls as sockets free their skbs, as it did on the machine.");
        }
        return s.append('.').toString();
    }

    private static String keys(List<DerivedPreset.Assumption> list) {
        StringBuilder s = new StringBuilder();
        for (DerivedPreset.Assumption a : list) {
            s.append(s.length() == 0 ? "" : ", ").append(a.key());
        }
        return s.length() == 0 ? "nothing" : s.toString();
    }

    private static void comment(StringBuilder t, String heading, List<DerivedPreset.Assumption> list) {
        t.append("# ").append(heading).append('\n');
        for (DerivedPreset.Assumption a : list) {
            String line = "  " + oneLine(a.line());
            while (line.length() > 100) {
                int cut = line.lastIndexOf(' ', 100);
                cut = cut <= 4 ? 100 : cut;
                t.append('#').append(line, 0, cut).append('\n');
                line = "      " + line.substring(cut).trim();
            }
            t.append('#').append(line).append('\n');
        }
        t.append("#\n");
    }

    /** A name or reason on one line, without control characters (the preset format refuses them). */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    /** A time as the preset format writes it, in the largest unit that keeps it whole. */
    static String time(long ns) {
        if (ns % 1_000_000_000L == 0) {
            return ns / 1_000_000_000L + "s";
        }
        if (ns % MS == 0) {
            return ns / MS + "ms";
        }
        return ns % 1000 == 0 ? ns / 1000 + "us" : ns + "ns";
    }

    /**
     * A count, three significant figures, in whole thousands or millions where
     * it is one ({@code 2020k}, {@code 32M}): the preset format reads a
     * multiplier after a whole number exactly.
     */
    static String count(double n) {
        long whole = new BigDecimal(n).round(new MathContext(3)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (whole != 0 && whole % 1_000_000 == 0) {
            return whole / 1_000_000 + "M";
        }
        return whole != 0 && whole % 1000 == 0 ? whole / 1000 + "k" : Long.toString(whole);
    }

    /** A fraction or sigma, three significant figures, never in exponent form. */
    private static String number(double x) {
        return x == 0 ? "0" : new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String percent(double share) {
        return share < 0.01 ? String.format(Locale.ROOT, "%.2f%%", share * 100) : Math.round(share * 100) + "%";
    }
}
