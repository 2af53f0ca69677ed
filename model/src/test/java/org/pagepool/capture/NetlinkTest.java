// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YNL dumps as Python literals (pprint, over several lines) and as JSON; a capture directory joined up. */
class NetlinkTest {
    private static final long S = 1_000_000_000L;

    private static Capture netlink(String text) throws CaptureException {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "netlink.txt",
                CaptureFormat.NETLINK);
        return importer.finish();
    }

    @Test
    void pythonLiteralsOverSeveralLines() throws Exception {
        Capture capture = Samples.importing("dir-6.8/netlink-pools.txt");
        assertThat(capture.pools()).extracting(PoolTimeline::id).containsExactly(3, 17, 18, 19);
        PoolSamples p19 = capture.pools().get(3).samples();
        assertThat(p19.ifindex()).isEqualTo(2);
        assertThat(p19.napiId()).isEqualTo(147);
        assertThat(p19.samples()).isEqualTo(4);
        assertThat(p19.inflight(0)).isEqualTo(1088);
        assertThat(p19.ns(3)).isEqualTo(5003 * S);
        assertThat(p19.inflightMem()).isEqualTo(4460544);
        PoolSamples p17 = capture.pools().get(1).samples();
        assertThat(p17.memoryProvider()).isEqualTo("io_uring");
        assertThat(p17.goneNs()).as("missing from the third dump").isEqualTo(5002 * S);
        assertThat(capture.pools().get(0).samples().detachedNs()).isEqualTo(4990 * S);
    }

    @Test
    void jsonStatisticsNestedUnderInfo() throws Exception {
        Capture capture = Samples.importing("dir-6.8/netlink-stats.txt");
        assertThat(capture.pools()).as("seen at the same time: by id").extracting(PoolTimeline::id)
                .containsExactly(18, 19);
        CounterSeries stats = capture.pools().get(1).stats();
        assertThat(stats.samples()).isEqualTo(4);
        assertThat(stats.value(3, PoolCounter.FAST)).isEqualTo(1_500_010);
        assertThat(stats.ns(0)).isEqualTo(5000 * S + S / 2);
        Rates r = CaptureReport.of(capture).pools().get(1).rates();
        assertThat(r.perSecond(PoolCounter.FAST)).isEqualTo(500_000.0);
    }

    @Test
    void aCaptureDirectoryJoinsWhatEachFileSaysAboutAPool() throws Exception {
        CaptureReport report = Samples.report("dir-6.8");
        assertThat(report.notes()).containsEntry("kernel", "6.8.0-49-generic").containsEntry("host", "rack7-node3");
        assertThat(report.sources()).extracting(SourceFile::format).containsExactly(CaptureFormat.META,
                CaptureFormat.KERNEL_LOG, CaptureFormat.LINKS, CaptureFormat.NETLINK, CaptureFormat.NETLINK);
        PoolFindings p3 = Samples.pool(report, "pool 3");
        assertThat(p3.destroyedNs()).as("detach-time 4990, the capture begins at 5000").isEqualTo(-10 * S);
        assertThat(p3.stall().warnings()).isEqualTo(1);
        assertThat(p3.stall().source()).isEqualTo("netlink");
        PoolFindings p18 = Samples.pool(report, "pool 18");
        assertThat(p18.device()).isEqualTo("eth0");
        assertThat(p18.climb()).isEqualTo(new PoolFindings.Climb(1088, 0, 1500, 3 * S));
        assertThat(p18.rates().perSecond(PoolCounter.SLOW)).isEqualTo(2000.0);
        assertThat(Samples.pool(report, "pool 17").device()).isEqualTo("veth0");
        assertThat(report.diagnosis()).hasSize(6);
        assertThat(report.diagnosis().get(0)).startsWith("pool 3 was destroyed 10.00 s before the capture began with 3"
                + " pages in flight");
        assertThat(report.diagnosis().get(1)).startsWith("pool 18: inflight climbed from 1,088 to 1,500");
        assertThat(report.diagnosis()).contains("pool 17 left the netlink dumps at 2.000 s: it was destroyed and freed"
                + " with nothing in flight");
        String json = ReportJson.write(report);
        assertThat(json).contains("\"kernel\": \"6.8.0-49-generic\"", "\"napi_id\": 146", "\"device\": \"eth0\"");
    }

    @Test
    void aSingleEntryAnEmptyDumpAndUnknownKeys() throws Exception {
        Capture capture = netlink("# time 1.0 uptime=1.0\n{'id': 4, 'inflight': 2, 'future': [1, {'a': None}]}\n"
                + "# time 2.0 uptime=2.0\n[]\n");
        PoolSamples p = capture.pools().get(0).samples();
        assertThat(p.inflight(0)).isEqualTo(2);
        assertThat(p.goneNs()).isEqualTo(2 * S);
    }

    @Test
    void withoutUptimeTheDumpsHaveNoPlaceOnTheKernelsClock() throws Exception {
        Capture capture = netlink("# time 1733280000.5\n[{\"id\": 4, \"inflight\": 2}]\n");
        assertThat(capture.pools().get(0).samples().ns(0)).isEqualTo(Capture.NO_TIME);
        assertThat(capture.startNs()).isEqualTo(Capture.NO_TIME);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[{'id': 19, 'inflight': 'many'}]|netlink.txt:1: \"inflight\": expected a whole number, found \"'many'\"",
        "[{'id': 19, 'inflight: 3}]|netlink.txt:1: a string that does not end on its line: \"'inflight: 3}]\"",
        "[{'id': 19 'inflight': 3}]|netlink.txt:1: expected , or } after \"id\"'s value, found \"'inflight'\"",
        "[{'id': 19},\\n# time 2\\n]|netlink.txt:2: a # line inside a dump: the dump before it is not complete",
        "[{'id': 19},\\n {'id': 20|netlink.txt:2: expected , or } after \"id\"'s value, found the end of the file"
            + " (a ] or } is missing?)",
        "[{'inflight': 3}]|netlink.txt:1: a dump entry without 'id' (page-pool-get) or 'info' (page-pool-stats-get)",
        "[{'alloc-fast': 3}]|netlink.txt:1: a page-pool-stats-get entry without 'info': {'id': ...}",
        "[{'id': @}]|netlink.txt:1: unexpected \"@}]\" (expected JSON or the Python literals of the YNL CLI)",
        "id: 19|netlink.txt:1: expected a dump, a list [...] or an object {...}, found \"id\"",
    })
    void aDumpThatCannotBeReadIsAnError(String text, String message) {
        assertThatThrownBy(() -> netlink(text.replace("\\n", "\n"))).isInstanceOf(CaptureException.class)
                .extracting(e -> ((CaptureException) e).located()).isEqualTo(message);
    }

    @Test
    void linksNameInterfacesAndStripThePeer() throws Exception {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream("7: veth0@if6: <UP> mtu 1500\n".getBytes(StandardCharsets.UTF_8)),
                "links.txt", CaptureFormat.LINKS);
        importer.read(new ByteArrayInputStream("[{'id': 1, 'ifindex': 7, 'inflight': 0}]\n"
                .getBytes(StandardCharsets.UTF_8)), "n.txt", CaptureFormat.NETLINK);
        assertThat(importer.finish().pools()).extracting(PoolTimeline::device).isEqualTo(List.of("veth0"));
    }

    /**
     * The capture script's YNL samples on Linux 6.18 without page_pool
     * statistics (this project's build VM): page-pool-stats-get printed
     * "Netlink error: Operation not supported" and its details where each
     * dump would be, and page-pool-get dumped no pool (veth's pools are tied
     * to no device, so netlink lists none). Both read; the errors are said.
     */
    @Test
    void theCliPrintingNetlinkErrorsInsteadOfDumpsIsSaidNotRefused() throws Exception {
        CaptureReport report = Samples.report("netlink-stats-6.18-unsupported.txt", "netlink-pools-6.18-none.txt");
        assertThat(report.pools()).isEmpty();
        assertThat(report.sources()).filteredOn(f -> f.name().endsWith("unsupported.txt")).singleElement()
                .satisfies(f -> {
                    assertThat(f.records()).isZero();
                    assertThat(f.detail()).isEqualTo("the YNL CLI printed 3 netlink errors instead of a dump:"
                            + " \"Netlink error: Operation not supported\" (page-pool-stats-get needs a kernel with"
                            + " CONFIG_PAGE_POOL_STATS)");
                });
        assertThat(report.sources()).filteredOn(f -> f.name().endsWith("none.txt")).singleElement()
                .satisfies(f -> assertThat(f.records()).isEqualTo(3));
    }
}
