// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.capture.CaptureFormat;
import org.pagepool.capture.CaptureImporter;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.PoolFindings;
import org.pagepool.mm.HeapGuard;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.TracepointWriter;

/**
 * The leaking driver (10-driver-leak) frees pool pages with put_page(): its
 * emitted trace imports with exactly those pages as the leaks, the ones whose
 * pfn the pool was handed again marked as freed behind its back, and the
 * diagnosis says so rather than blaming lost events.
 */
class LeakedPagesRoundTripTest {
    /** The pages put_page() gave back to the page allocator without the pool releasing them, by traced pfn. */
    private static final class PutPageLeaks implements TraceObserver {
        final Set<Long> released = new HashSet<>();
        final List<Long> leaked = new ArrayList<>();

        @Override
        public void stateRelease(int pool, int page, int release) {
            released.add(((long) PageRef.pageToNid(page) << 24) + PageRef.pageToPfn(page));
        }

        @Override
        public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
            long key = ((long) nid << 24) + pfn;
            if (to == Place.BUDDY && from != Place.BUDDY && !released.remove(key)) {
                leaked.add(key);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {10, 1010, 77777})
    void theLeakedPfnsAreTheOnesTheDriverPutBehindThePoolsBack(long seed) throws Exception {
        Preset preset = PresetFiles.load("../assets/scenarios/10-driver-leak.workload").withSeed(seed);
        Simulation sim = preset.start(null);
        StringWriter trace = new StringWriter();
        PutPageLeaks truth = new PutPageLeaks();
        sim.kernel().tracer().attach(new TracepointWriter(trace, sim.kernel(), sim::now));
        sim.kernel().tracer().attach(truth);
        try (HeapGuard heap = HeapGuard.start()) {
            new WorkloadRun(sim, new WorkloadRun.Limits(0, 0, preset.durationNs()), null, () -> false, heap,
                    Progress.none()).run();
        }
        assertThat(truth.leaked).as("seed %d: the driver's own count", seed).hasSize((int) sim.nicStats().leaked());

        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(trace.toString().getBytes(StandardCharsets.UTF_8)), "trace.txt",
                CaptureFormat.TRACE);
        CaptureReport report = CaptureReport.of(importer.finish());
        PoolFindings pool = report.pools().get(0);
        List<Long> found = new ArrayList<>(pool.leaks().stream().map(PoolFindings.Leak::page).toList());
        found.sort(null);
        List<Long> expected = new ArrayList<>(truth.leaked);
        expected.sort(null);
        assertThat(found).as("seed %d: the leaked pfns", seed).isEqualTo(expected);
        assertThat(pool.leaks()).as("seed %d", seed).anyMatch(PoolFindings.Leak::freedBehind);
        assertThat(pool.notes()).as("seed %d", seed).noneMatch(n -> n.contains("events are missing"));
        assertThat(report.diagnosis().get(0)).as("seed %d", seed)
                .contains("went back to the page allocator without a release")
                .contains("put_page() instead of page_pool_put_page()");
    }
}
