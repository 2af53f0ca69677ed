// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureException;
import org.pagepool.capture.CaptureFormat;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CounterSeries;
import org.pagepool.capture.PoolCounter;
import org.pagepool.capture.PoolSamples;
import org.pagepool.capture.PoolTimeline;
import org.pagepool.mm.HeapGuard;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.trace.TraceObserver;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;

/**
 * Every preset's run, emitted as {@code ethtool -S} snapshots and as netlink
 * dumps (JSON and the Python literals), reads back through the importer with
 * exactly the model's own numbers at every sample: each queue's and the
 * NIC's counters, each pool's inflight, statistics, NAPI, detach time and
 * the dump it left. The truth is read from the simulation directly at the
 * same moments, not from the emitters' sources.
 */
class EmitSamplesRoundTripTest {
    private static final Path SCENARIOS = Path.of("../assets/scenarios");

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".workload")).sorted().toList()) {
                String name = file.getFileName().toString();
                runs.add(Arguments.of(name, -1L)); // the preset's own seed
                runs.add(Arguments.of(name, 0x5eedL + name.hashCode()));
            }
        }
        return runs.stream();
    }

    /** What the simulation says at each sample, read from it directly. */
    private static final class Truth implements Sampler, TraceObserver {
        private final long everyNs;
        private final Simulation sim;
        private long next;
        final List<Long> times = new ArrayList<>();
        /** Per sample: per queue the counters of its pools not yet freed. */
        final List<long[][]> queues = new ArrayList<>();
        /** Per sample: every pool's counters, the NIC's. */
        final List<long[]> totals = new ArrayList<>();
        /** Per pool id: per sample index where it exists, its inflight, state and counters. */
        final Map<Integer, TreeMap<Integer, Object[]>> pools = new TreeMap<>();
        final Map<Integer, Long> firstRelease = new HashMap<>();
        final Map<Integer, Integer> queueOf = new HashMap<>();
        final Map<Integer, Integer> orderOf = new HashMap<>();

        Truth(Simulation sim, long everyNs) {
            this.sim = sim;
            this.everyNs = everyNs;
        }

        @Override
        public void poolRelease(int pool, int inflight, int hold, int release, int cnt) {
            firstRelease.putIfAbsent(pool, sim.now());
        }

        @Override
        public long nextSample() {
            return next;
        }

        @Override
        public void sampleUntil(Simulation s, long limit) {
            while (next < limit) {
                take(next);
                next += everyNs;
            }
        }

        @Override
        public void finish(Simulation s) {
            if (times.get(times.size() - 1) < sim.now()) {
                take(sim.now());
            }
        }

        private void take(long ns) {
            int index = times.size();
            times.add(ns);
            long[][] q = new long[sim.queueCount()][];
            for (int i = 0; i < q.length; i++) {
                long[] sum = new long[PoolCounter.ALL.length];
                for (PagePool pool : sim.pools()) {
                    if (sim.queueOf(pool) == i) {
                        add(sum, pool.stats().values());
                    }
                }
                q[i] = sum;
            }
            queues.add(q);
            long[] total = new long[PoolCounter.ALL.length];
            for (PagePool pool : sim.pools()) {
                add(total, pool.stats().values());
                pools.computeIfAbsent(pool.id(), id -> new TreeMap<>()).put(index,
                        new Object[] {(long) pool.inflightCount(), pool.state(), pool.stats().values()});
                queueOf.put(pool.id(), sim.queueOf(pool));
                orderOf.put(pool.id(), pool.order());
            }
            totals.add(total);
        }

        private static void add(long[] sum, long[] values) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void theSamplesReadBackAsTheModelsCounters(String file, long seed) throws Exception {
        Preset preset = PresetFiles.load(SCENARIOS.resolve(file).toString());
        if (seed >= 0) {
            preset = preset.withSeed(seed);
        }
        String run = file + " seed " + preset.seed();
        Simulation sim = preset.start(null);
        long everyNs = Math.max(1, preset.durationNs() / 12);
        StringWriter ethtool = new StringWriter();
        StringWriter json = new StringWriter();
        StringWriter python = new StringWriter();
        Truth truth = new Truth(sim, everyNs);
        NetlinkSampler jsonDumps = new NetlinkSampler(json, everyNs, false, sim::now);
        NetlinkSampler pythonDumps = new NetlinkSampler(python, everyNs, true, sim::now);
        sim.kernel().tracer().attach(truth);
        sim.kernel().tracer().attach(jsonDumps);
        sim.kernel().tracer().attach(pythonDumps);
        Sampler all = Sampler.all(List.of(truth, new EthtoolSampler(ethtool, everyNs), jsonDumps, pythonDumps));
        try (HeapGuard heap = HeapGuard.start()) {
            new WorkloadRun(sim, new WorkloadRun.Limits(0, 0, preset.durationNs()), all, () -> false, heap,
                    Progress.none()).run();
        }
        all.finish(sim);
        assertThat(truth.times.size()).as(run).isGreaterThan(2);

        checkEthtool(run, read(ethtool, "ethtool-eth0.txt", CaptureFormat.ETHTOOL), truth, sim.queueCount());
        checkNetlink(run + " (JSON)", read(json, "netlink.txt", CaptureFormat.NETLINK), truth);
        checkNetlink(run + " (Python)", read(python, "netlink.txt", CaptureFormat.NETLINK), truth);
    }

    private static Capture read(StringWriter text, String name, CaptureFormat format) throws CaptureException {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), name, format);
        return importer.finish();
    }

    private static void checkEthtool(String run, Capture capture, Truth truth, int queueCount) {
        assertThat(capture.interfaces()).as(run).hasSize(1 + queueCount);
        for (CounterSeries series : capture.interfaces()) {
            assertThat(series.name()).as(run).isEqualTo("eth0");
            assertThat(series.wallClock()).as(run).isFalse();
            int queue = series.queue().isEmpty() ? -1 : Integer.parseInt(series.queue().substring(2));
            String what = run + " " + (queue < 0 ? "eth0" : series.queue());
            assertThat(series.samples()).as(what).isEqualTo(truth.times.size());
            for (int i = 0; i < series.samples(); i++) {
                assertThat(series.ns(i)).as(what).isEqualTo(truth.times.get(i));
                long[] expected = queue < 0 ? truth.totals.get(i) : truth.queues.get(i)[queue];
                for (PoolCounter c : PoolCounter.ALL) {
                    assertThat(series.has(c)).as(what).isTrue();
                    assertThat(series.value(i, c)).as("%s: %s at %d ns", what, c, series.ns(i))
                            .isEqualTo(expected[c.ordinal()]);
                }
            }
        }
    }

    private static void checkNetlink(String run, Capture capture, Truth truth) {
        Map<Integer, PoolTimeline> byId = new HashMap<>();
        for (PoolTimeline pool : capture.pools()) {
            byId.put(pool.id(), pool);
        }
        assertThat(byId.keySet()).as(run).containsExactlyInAnyOrderElementsOf(truth.pools.keySet());
        for (Map.Entry<Integer, TreeMap<Integer, Object[]>> e : truth.pools.entrySet()) {
            int id = e.getKey();
            String what = run + " pool " + id;
            TreeMap<Integer, Object[]> seen = e.getValue();
            PoolSamples samples = byId.get(id).samples();
            CounterSeries stats = byId.get(id).stats();
            assertThat(samples.samples()).as(what).isEqualTo(seen.size());
            assertThat(stats.samples()).as(what).isEqualTo(seen.size());
            assertThat(samples.ifindex()).as(what).isEqualTo(NetlinkSampler.IFINDEX);
            int i = 0;
            boolean detached = false;
            long lastInflight = 0;
            for (Map.Entry<Integer, Object[]> sample : seen.entrySet()) {
                long ns = truth.times.get(sample.getKey());
                long inflight = (Long) sample.getValue()[0];
                long[] counters = (long[]) sample.getValue()[2];
                assertThat(samples.ns(i)).as(what).isEqualTo(ns);
                assertThat(samples.inflight(i)).as("%s: inflight at %d ns", what, ns).isEqualTo(inflight);
                assertThat(stats.ns(i)).as(what).isEqualTo(ns);
                for (PoolCounter c : PoolCounter.ALL) {
                    assertThat(stats.value(i, c)).as("%s: %s at %d ns", what, c, ns).isEqualTo(counters[c.ordinal()]);
                }
                detached |= sample.getValue()[1] != PoolState.ALIVE;
                lastInflight = inflight;
                i++;
            }
            assertThat(samples.inflightMem()).as(what).isEqualTo(lastInflight * (4096L << truth.orderOf.get(id)));
            if (detached) {
                assertThat(samples.detachedNs()).as(what)
                        .isEqualTo(truth.firstRelease.get(id) / 1_000_000_000L * 1_000_000_000L);
            } else {
                assertThat(samples.detachedNs()).as(what).isEqualTo(Capture.NO_TIME);
            }
            // the NAPI id of the last dump that had one (the pool's while the driver used it)
            if (seen.firstEntry().getValue()[1] == PoolState.ALIVE) {
                assertThat(samples.napiId()).as(what).isEqualTo(NetlinkSampler.FIRST_NAPI_ID + truth.queueOf.get(id));
            }
            int last = seen.lastKey();
            long gone = last + 1 < truth.times.size() ? truth.times.get(last + 1) : Capture.NO_TIME;
            assertThat(samples.goneNs()).as(what + ": freed").isEqualTo(gone);
        }
    }
}
