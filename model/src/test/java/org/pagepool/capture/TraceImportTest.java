// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The tracepoint samples of each tracer and kernel, imported: the numbers, the leaks and the diagnosis. */
class TraceImportTest {
    private static final long S = 1_000_000_000L;

    @Test
    void tracefsV514UnloadWithPagesNeverReturned() throws Exception {
        CaptureReport report = Samples.report("tracefs-5.14-unload.txt");
        assertThat(report.startNs()).isEqualTo(100 * S);
        assertThat(report.lengthNs()).isEqualTo(12 * S);
        assertThat(report.sources()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo(CaptureFormat.TRACE);
            assertThat(s.records()).isEqualTo(12);
            assertThat(s.detail()).isEqualTo("ftrace layout (tracefs, trace-cmd)");
        });
        PoolFindings a = Samples.pool(report, "pool 0xc0ffee01");
        assertThat(a.cpus()).containsExactly(2);
        assertThat(a.createdNs()).isZero();
        assertThat(a.destroyedNs()).isEqualTo(10 * S);
        assertThat(a.freedNs()).isEqualTo(Capture.NO_TIME);
        assertThat(List.of(a.hold(), a.release(), a.inflight(), a.highest())).containsExactly(4L, 2L, 2L, 4L);
        assertThat(a.inflightRelative()).isFalse();
        assertThat(a.leaks()).extracting(PoolFindings.Leak::page).containsExactly(0x1002L, 0x1003L);
        assertThat(a.leaks()).allSatisfy(l -> {
            assertThat(l.pfn()).isTrue();
            assertThat(l.ageNs()).isEqualTo(12 * S - l.heldNs());
        });
        assertThat(a.stall()).isEqualTo(new PoolFindings.Stall(10 * S, 2, -1, 2, 2 * S, 0, "trace"));
        assertThat(a.lifetimes().count()).isEqualTo(2);
        assertThat(a.lifetimes().max()).as("0x1001: held at 100.000001, released at 101").isEqualTo(S - 1000);
        PoolFindings b = Samples.pool(report, "pool 0xc0ffee02");
        assertThat(List.of(b.hold(), b.release(), b.inflight())).containsExactly(2L, 1L, 1L);
        assertThat(b.leaks()).as("a live pool's pages are not leaks").isEmpty();
        assertThat(b.outstanding()).isEqualTo(1);
        assertThat(b.stall()).isNull();
        assertThat(report.diagnosis()).containsExactly(
                "pool 0xc0ffee01 was destroyed at 10.000 s with 2 pages in flight and was still waiting for 2 when the"
                        + " capture ended, 2.00 s later; 2 pages taken 10.0 s before were never returned: something"
                        + " holds page references past the driver's unload (a leaked skb, a socket nobody reads, or a"
                        + " put_page() behind the pool's back)",
                "pool 0xc0ffee02: nothing wrong seen (1 page in flight at the end, at most 2; pages came back after"
                        + " 1.00 s (median))");
    }

    @Test
    void aPageHeldAgainWithoutAReleaseWasFreedBehindThePoolsBack() throws Exception {
        CaptureReport report = Samples.report("tracefs-put-page-leak.txt");
        PoolFindings p = Samples.pool(report, "pool 0xc0ffee01");
        assertThat(List.of(p.hold(), p.release(), p.inflight())).containsExactly(4L, 2L, 2L);
        // pfn 0x1000 went to the page allocator by put_page() (no release), came back at 51 s and was released;
        // its first hold is the leak, beside 0x1002 that never came back at all
        assertThat(p.leaks()).containsExactly(new PoolFindings.Leak(0x1000L, true, 0, 3 * S, S),
                new PoolFindings.Leak(0x1002L, true, 2000, 3 * S - 2000, Capture.NO_TIME));
        assertThat(p.notes()).singleElement().asString()
                .startsWith("1 page left the pool without a release and came back to it from the page allocator")
                .doesNotContain("events are missing");
        assertThat(report.diagnosis().get(0)).isEqualTo("pool 0xc0ffee01 was destroyed at 2.000 s with 2 pages in"
                + " flight and was still waiting for 2 when the capture ended, 1.00 s later; 2 pages taken 2.0 s"
                + " before were never returned; 1 of them went back to the page allocator without a release: the pool"
                + " was handed the same pfn again later. Something frees pool pages behind the pool's back (a"
                + " driver's put_page() instead of page_pool_put_page()), and the pool will wait for those pages for"
                + " ever");
    }

    @Test
    void aPageHeldAgainWhenTheCountersJumpedIsALostRelease() throws Exception {
        CaptureReport report = Samples.report("tracefs-lost-release.txt");
        PoolFindings p = Samples.pool(report, "pool 0xc0ffee01");
        assertThat(p.notes()).containsExactly("events are missing from the trace (the pool's hold and release"
                + " counters jumped 1 time; the 1 page held twice without a release between may be lost releases);"
                + " its counts may be off");
        assertThat(p.leaks()).as("a lost release is not a leak").extracting(PoolFindings.Leak::page)
                .containsExactly(0x1000L);
        assertThat(p.leaks()).noneMatch(PoolFindings.Leak::freedBehind);
        assertThat(report.diagnosis().get(0)).doesNotContain("went back to the page allocator");
    }

    @Test
    void traceCmdNetmemFormatWithLostEventsAndANodeChange() throws Exception {
        CaptureReport report = Samples.report("trace-cmd-6.10-netmem.txt");
        PoolFindings p = Samples.pool(report, "pool 0xffff888104a3c000");
        assertThat(List.of(p.hold(), p.release(), p.inflight(), p.highest())).containsExactly(8L, 6L, 2L, 8L);
        assertThat(p.nidChanges()).containsExactly("node 0 to 1 at 0.100 s");
        assertThat(report.lostEvents()).isEqualTo(3);
        assertThat(report.diagnosis().get(0)).startsWith("the tracer lost 3 events");
    }

    /**
     * A real kernel's trace (Linux 6.18, tools/capture-page-pool.sh through
     * tracefs, on this project's build VM): a veth whose XDP program was
     * attached, given 50,000 UDP packets and detached, twice. Each attach
     * made a pool of 64 pages; each detach destroyed it with every page back.
     * Its state_hold lines have a comma after is_net_iov=0, its
     * state_release lines none.
     */
    @Test
    void aRealVethTraceOfTwoXdpAttachesGivesTwoPoolsFreedWithEveryPageBack() throws Exception {
        CaptureReport report = Samples.report("tracefs-6.18-veth-xdp.txt");
        assertThat(report.pools()).hasSize(2);
        for (PoolFindings p : report.pools()) {
            assertThat(List.of(p.hold(), p.release(), p.inflight(), p.highest())).as(p.label())
                    .containsExactly(64L, 64L, 0L, 64L);
            assertThat(p.leaks()).as(p.label()).isEmpty();
            assertThat(p.freedNs()).as(p.label()).isNotEqualTo(Capture.NO_TIME);
        }
        assertThat(report.diagnosis()).containsExactly(
                "pool 0xb88b2e7a was destroyed and freed at 0.429 s: every page had come back",
                "pool 0x378342c3 was destroyed and freed at 1.467 s: every page had come back");
    }

    /**
     * The same veth scenario recorded by {@code perf record -e 'page_pool:*'
     * -a} and {@code perf script} (perf 6.1 on Linux 6.18, as root: the
     * pool's address unhashed): one pool of 64 pages, freed with every page
     * back when the program was detached.
     */
    @Test
    void aRealPerfScriptOfAVethXdpAttachReadsAsOnePoolFreed() throws Exception {
        CaptureReport report = Samples.report("perf-6.18-veth-xdp.txt");
        assertThat(report.sources().get(0).detail()).isEqualTo("perf script layout");
        PoolFindings p = Samples.pool(report, "pool 0xffff888104b10000");
        assertThat(List.of(p.hold(), p.release(), p.inflight(), p.highest())).containsExactly(64L, 64L, 0L, 64L);
        assertThat(p.freedNs()).isNotEqualTo(Capture.NO_TIME);
        assertThat(report.diagnosis()).containsExactly("pool 0xffff888104b10000 was destroyed and freed at 0.320 s:"
                + " every page had come back");
    }

    /**
     * A real stalled shutdown (Linux 6.18, the capture script on this
     * project's build VM): a veth's XDP_PASS program gave 200 UDP packets to
     * a socket that read nothing for 68 s, and the program was detached. The
     * trace knows the pool by address, the kernel's warning by id 10; they
     * are one pool, by when its shutdown began. The same dmesg still had a
     * warning of pool 9 from an earlier run, a minute and more before this
     * capture began with nothing after it: an incident that was over, which
     * neither stretches the capture nor is said to wait still.
     */
    @Test
    void aRealStallIsOnePoolAndAnOldWarningInTheLogIsOverBeforeTheCapture() throws Exception {
        CaptureReport report = Samples.report("tracefs-6.18-veth-stall.txt", "dmesg-6.18-veth-stall.txt",
                "capture-6.18-veth-stall.txt");
        assertThat(report.lengthNs()).as("start_uptime to end_uptime").isEqualTo(80_630_000_000L);
        assertThat(report.pools()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("pool 10 (0x72a1812f)");
            assertThat(List.of(p.hold(), p.release(), p.inflight())).containsExactly(128L, 128L, 0L);
            assertThat(p.stall()).as("freed once the socket read").isNull();
            assertThat(p.notes()).containsExactly("the kernel log's stall warnings name pool 10, an id the trace does"
                    + " not print; they were matched to this one by the time its shutdown began", "the kernel warned"
                    + " once that its shutdown stalled (100 pages in flight at the first warning) before the last"
                    + " pages came back");
        });
        assertThat(report.diagnosis()).hasSize(2);
        assertThat(report.diagnosis().get(0)).startsWith("pool 10 (0x72a1812f) was destroyed at 3.147 s and freed at"
                + " 69.694 s");
        assertThat(report.diagnosis().get(1)).contains("the kernel warned that a pool's shutdown had stalled (pool 9),"
                + " 1,500 pages still in flight after 60 s; no warning followed a minute later, so it was over within"
                + " that minute");
    }

    @Test
    void perfScriptNetmemPointerFormatAndTheStalledEventJoinAddressAndId() throws Exception {
        CaptureReport report = Samples.report("perf-6.12-netmem-stalled.txt");
        assertThat(report.sources().get(0).detail()).isEqualTo("perf script layout");
        PoolFindings p = Samples.pool(report, "pool 51 (0xffff88810a2b3000)");
        assertThat(p.id()).isEqualTo(51);
        assertThat(List.of(p.hold(), p.release(), p.inflight())).containsExactly(5L, 2L, 3L);
        // the net_iov went and came back by its address; the three pages still out are named by pfn
        assertThat(p.leaks()).extracting(PoolFindings.Leak::page).containsExactly(0x20b001L, 0x20b002L, 0x20b003L);
        assertThat(p.stall().warnings()).isEqualTo(1);
        assertThat(p.stall().sinceNs()).isEqualTo(S - 1);
    }

    @Test
    void decimalPfnsOfOldKernelsAndAShutdownThatEnds() throws Exception {
        CaptureReport report = Samples.report("tracefs-older-decimal-pfn.txt");
        PoolFindings p = report.pools().get(0);
        assertThat(p.freedNs()).isEqualTo(2 * S);
        assertThat(p.inflight()).isZero();
        assertThat(p.stall()).isNull();
        assertThat(report.diagnosis()).containsExactly("pool 0xdeadbe01 was destroyed at 1.000 s and freed at 2.000 s,"
                + " once its last pages came back (the shutdown waited 1.00 s)");
    }

    @Test
    void pagesWithoutPfnAreKnownByAddress() throws Exception {
        CaptureReport report = Samples.report("tracefs-oldest-no-pfn.txt");
        PoolFindings p = report.pools().get(0);
        assertThat(p.leaks()).singleElement().satisfies(l -> {
            assertThat(l.pfn()).isFalse();
            assertThat(l.page()).isEqualTo(0xabcd1002L);
        });
    }

    @Test
    void aCaptureThatStartsMidLifeKnowsInflightFromTheFirstRelease() throws Exception {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(String.join("\n",
                "a-1 [000] 1.000000: page_pool_state_hold: page_pool=0x1 page=0x0 pfn=0x10 hold=1001",
                "a-1 [000] 1.000001: page_pool_state_hold: page_pool=0x1 page=0x0 pfn=0x11 hold=1002",
                "a-1 [000] 2.000000: page_pool_state_release: page_pool=0x1 page=0x0 pfn=0x10 release=900",
                "").getBytes(StandardCharsets.UTF_8)), "mid.txt", CaptureFormat.TRACE);
        CaptureReport report = CaptureReport.of(importer.finish());
        PoolFindings p = report.pools().get(0);
        assertThat(p.inflightRelative()).isFalse();
        assertThat(p.inflight()).isEqualTo(1002 - 900);
        assertThat(p.highest()).as("before the release: 1002 held, 899 released").isEqualTo(103);
        assertThat(p.createdNs()).isEqualTo(Capture.NO_TIME);
        assertThat(p.firstNs()).isZero();
    }

    @Test
    void withoutAReleaseInflightIsOnlyAChange() throws Exception {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(
                "a-1 [000] 1.0: page_pool_state_hold: page_pool=0x1 page=0x0 pfn=0x10 hold=77\n"
                        .getBytes(StandardCharsets.UTF_8)), "h.txt", CaptureFormat.TRACE);
        PoolFindings p = CaptureReport.of(importer.finish()).pools().get(0);
        assertThat(p.inflightRelative()).isTrue();
        assertThat(p.inflight()).isEqualTo(1);
    }

    @Test
    void aNewPoolAtTheAddressOfAFreedOneIsAnotherPool() throws Exception {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(String.join("\n",
                "a-1 [000] 1.0: page_pool_state_hold: page_pool=0x1 page=0x0 pfn=0x10 hold=1",
                "a-1 [000] 2.0: page_pool_state_release: page_pool=0x1 page=0x0 pfn=0x10 release=1",
                "a-1 [000] 3.0: page_pool_release: page_pool=0x1 inflight=0 hold=1 release=1 cnt=1",
                "a-1 [000] 4.0: page_pool_state_hold: page_pool=0x1 page=0x0 pfn=0x20 hold=1",
                "").getBytes(StandardCharsets.UTF_8)), "reuse.txt", CaptureFormat.TRACE);
        List<PoolFindings> pools = CaptureReport.of(importer.finish()).pools();
        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).freedNs()).isEqualTo(2 * S);
        assertThat(pools.get(1).createdNs()).isEqualTo(3 * S);
        assertThat(pools.get(1).inflight()).isEqualTo(1);
    }

    @Test
    void aLivePoolWhoseInflightClimbsIsCalledOut() throws Exception {
        StringBuilder trace = new StringBuilder();
        long hold = 0;
        long release = 0;
        for (int i = 0; i < 4000; i++) {
            String t = String.format(Locale.ROOT, "%d.%06d", 10 + i / 1000, i % 1000 * 1000);
            trace.append("<idle>-0 [001] ..s1 ").append(t)
                    .append(": page_pool_state_hold: page_pool=0x5 page=0x0 pfn=0x")
                    .append(Long.toHexString(0x1000 + i)).append(" hold=").append(++hold).append('\n');
            if (i % 4 != 0) { // three pages in four come back: a put_page() behind the pool's back takes the fourth
                trace.append("<idle>-0 [001] ..s1 ").append(t)
                        .append(": page_pool_state_release: page_pool=0x5 page=0x0")
                        .append(" pfn=0x").append(Long.toHexString(0x1000 + i)).append(" release=").append(++release)
                        .append('\n');
            }
        }
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(trace.toString().getBytes(StandardCharsets.UTF_8)),
                "leak.txt", CaptureFormat.TRACE);
        CaptureReport report = CaptureReport.of(importer.finish());
        PoolFindings p = report.pools().get(0);
        assertThat(p.inflight()).isEqualTo(1000);
        assertThat(p.climb()).isNotNull();
        assertThat(p.climb().to()).isEqualTo(1000);
        assertThat(p.leaks()).as("a live pool: pages out are not called leaks").isEmpty();
        assertThat(report.diagnosis().get(0))
                .startsWith("pool 0x5: inflight climbed from 1 to 1,000 between 0.000 s and")
                .endsWith("if it goes on, the machine runs out of memory");
    }

    @Test
    void aSteadyLivePoolIsNotCalledOut() throws Exception {
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            String t = String.format(Locale.ROOT, "%d.%06d", 10 + i / 1000, i % 1000 * 1000);
            trace.append("<idle>-0 [001] ..s1 ").append(t)
                    .append(": page_pool_state_hold: page_pool=0x6 page=0x0 pfn=0x")
                    .append(Long.toHexString(0x1000 + i)).append(" hold=").append(i + 1).append('\n');
            if (i >= 64) {
                trace.append("<idle>-0 [001] ..s1 ").append(t)
                        .append(": page_pool_state_release: page_pool=0x6 page=0x0")
                        .append(" pfn=0x").append(Long.toHexString(0x1000 + i - 64)).append(" release=").append(i - 63)
                        .append('\n');
            }
        }
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(trace.toString().getBytes(StandardCharsets.UTF_8)),
                "steady.txt", CaptureFormat.TRACE);
        CaptureReport report = CaptureReport.of(importer.finish());
        assertThat(report.pools().get(0).climb()).isNull();
        assertThat(report.diagnosis()).singleElement()
                .satisfies(d -> assertThat(d).startsWith("pool 0x6: nothing wrong"));
    }
}
