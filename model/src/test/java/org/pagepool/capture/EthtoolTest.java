// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ethtool -S samples: generic and per-queue names, times on the kernel's clock or the wall clock, bad lines. */
class EthtoolTest {
    private static final long S = 1_000_000_000L;

    private static Capture ethtool(String name, String text) throws CaptureException {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, CaptureFormat.ETHTOOL);
        return importer.finish();
    }

    @Test
    void mlx5TotalsAndPerRingCountersWithTheirOwnSpellings() throws Exception {
        Capture capture = Samples.importing("ethtool-eth0.txt");
        assertThat(capture.interfaces()).extracting(CounterSeries::name).containsOnly("eth0");
        assertThat(capture.interfaces()).extracting(CounterSeries::queue).containsExactly("", "rx0", "rx1");
        CounterSeries ring1 = capture.interfaces().get(2);
        assertThat(ring1.samples()).isEqualTo(4);
        assertThat(ring1.wallClock()).isFalse();
        assertThat(ring1.ns(3)).isEqualTo(5003 * S);
        assertThat(ring1.value(3, PoolCounter.RELEASED_REFCNT)).isEqualTo(990_007);
        assertThat(ring1.has(PoolCounter.SLOW_HIGH_ORDER)).isTrue();
        assertThat(capture.startNs()).isEqualTo(5000 * S);

        CaptureReport report = CaptureReport.of(capture);
        Rates rx1 = report.interfaces().get(2);
        assertThat(rx1.name()).isEqualTo("eth0 rx1");
        assertThat(rx1.fromNs()).isZero();
        assertThat(rx1.toNs()).isEqualTo(3 * S);
        assertThat(rx1.perSecond(PoolCounter.SLOW)).isEqualTo(3000.0);
        assertThat(rx1.growth(PoolCounter.FAST)).isEqualTo(600_000);
        assertThat(report.diagnosis()).containsExactly(
                "eth0: the page allocator is called 3,100/s (alloc_slow) against 1.20 M/s allocations from the cache,"
                        + " so up to 16% of the pages are new:"
                        + " recycle_released_refcnt 330.0 k/s: pages came back with a"
                        + " refcount above 1 (cloned skbs, shared page fragments) or as pfmemalloc pages under memory"
                        + " pressure, and went to the page allocator instead of the pool",
                "eth0 rx0: allocations come from the pool's cache (fast 1.00 M/s, page allocator 100/s): recycling"
                        + " works",
                "eth0 rx1: the page allocator is called 3,000/s (alloc_slow) against 200.0 k/s allocations from the"
                        + " cache, so up to 95% of the pages are new:"
                        + " recycle_released_refcnt 330.0 k/s: pages came back"
                        + " with a refcount above 1 (cloned skbs, shared page fragments) or as pfmemalloc pages under"
                        + " memory pressure, and went to the page allocator instead of the pool");
    }

    @Test
    void genericNamesOnTheWallClockStillGiveRates() throws Exception {
        CaptureReport report = Samples.report("ethtool-veth0.txt");
        Rates veth = report.interfaces().get(0);
        assertThat(veth.name()).isEqualTo("veth0");
        assertThat(veth.fromNs()).isZero();
        assertThat(veth.toNs()).isEqualTo(4 * S);
        assertThat(veth.perSecond(PoolCounter.FAST)).isEqualTo(50_000.0);
        assertThat(report.startNs()).as("wall-clock samples do not set the kernel-clock start")
                .isEqualTo(Capture.NO_TIME);
    }

    @Test
    void aSnapshotWithoutTimeGivesTotalsOnly() throws Exception {
        CaptureReport report = Samples.report("ethtool-S-eth3.txt");
        Rates eth3 = report.interfaces().get(0);
        assertThat(eth3.name()).isEqualTo("eth3");
        assertThat(eth3.timed()).isFalse();
        assertThat(eth3.row(PoolCounter.FAST).total()).isEqualTo(1000);
        assertThat(report.diagnosis().get(0)).startsWith("eth3: the counters were read at one time only");
    }

    @Test
    void theRingFullAndWaiveAndMissingRecycleStories() throws Exception {
        String text = "# time 10.0 uptime=1.0\nNIC statistics:\n"
                + "  rx_pp_alloc_fast: 0\n  rx_pp_alloc_slow: 0\n  rx_pp_alloc_waive: 0\n  rx_pp_recycle_ring: 0\n"
                + "  rx_pp_recycle_ring_full: 0\n  rx_pp_recycle_cached: 0\n"
                + "# time 11.0 uptime=2.0\nNIC statistics:\n"
                + "  rx_pp_alloc_fast: 10000\n  rx_pp_alloc_slow: 1000\n  rx_pp_alloc_waive: 5\n"
                + "  rx_pp_recycle_ring: 100\n  rx_pp_recycle_ring_full: 50\n  rx_pp_recycle_cached: 100\n";
        CaptureReport report = CaptureReport.of(ethtool("ethtool-eth9.txt", text));
        assertThat(report.diagnosis()).singleElement().satisfies(d -> assertThat(d).contains(
                "eth9: the page allocator is called 1,000/s", "recycle_ring_full 50/s: the ptr_ring was full",
                "alloc_waive 5.00/s: pages of another NUMA node", "only 200/s pages come back against 11.0 k/s"));
    }

    @Test
    void aDriverReloadResetsTheCountersAndIsNotANegativeRate() throws Exception {
        String text = "# time 0 uptime=0\n rx_pp_alloc_fast: 100\n# time 1 uptime=1\n rx_pp_alloc_fast: 200\n"
                + "# time 2 uptime=2\n rx_pp_alloc_fast: 50\n";
        Rates r = CaptureReport.of(ethtool("ethtool-x.txt", text)).interfaces().get(0);
        assertThat(r.growth(PoolCounter.FAST)).isEqualTo(150);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# time soon|e.txt:1: # time: expected the time in seconds since 1970 (date +%s.%N), found \"soon\"",
        "# time 1.5 uptime=later|e.txt:1: # time: uptime= expected seconds since boot, found \"later\"",
        "# time 1\\n  rx_pp_alloc_fast: 12a|e.txt:2: rx_pp_alloc_fast: \"12a\" is not a whole number",
        "# time 1\\n  rx0_pp_alloc_fast: 1\\n  rx0_pp_alloc_fast: 2"
            + "|e.txt:3: rx0_pp_alloc_fast appears twice in the sample that begins on line 1 (is a \"# time\" line"
            + " missing?)",
    })
    void aSampleThatCannotBeReadIsAnError(String text, String message) {
        assertThatThrownBy(() -> ethtool("e.txt", text.replace("\\n", "\n"))).isInstanceOf(CaptureException.class)
                .extracting(e -> ((CaptureException) e).located()).isEqualTo(message);
    }

    @Test
    void theDeviceComesFromTheHeaderOrTheFileName() {
        assertThat(EthtoolParser.deviceFromName("cap/ethtool-enp3s0f0np0.txt")).isEqualTo("enp3s0f0np0");
        assertThat(EthtoolParser.deviceFromName("ethtool_eth1.txt.gz")).isEqualTo("eth1");
        assertThat(EthtoolParser.deviceFromName("stats.txt")).isEqualTo("stats");
        assertThat(EthtoolParser.deviceFromName("ethtool.txt")).isEqualTo("?");
    }
}
