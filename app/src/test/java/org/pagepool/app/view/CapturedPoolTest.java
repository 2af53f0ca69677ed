// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagepool.capture.Capture;
import org.pagepool.capture.CaptureReport;
import org.pagepool.capture.PoolFindings;

/** The Real system tab's pools: the same pool seen by the trace and by netlink is shown once, on evidence only. */
class CapturedPoolTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"09-unload-stall", "10-driver-leak"})
    void theTracesPoolAndNetlinksPoolOfOneRunAreJoined(String preset) throws Exception {
        Capture capture = EmittedCapture.read(EmittedCapture.emit(dir, preset, "trace", "netlink"));
        assertThat(capture.pools()).as("the trace's address and netlink's id").hasSize(2);
        List<CapturedPool> pools = CapturedPool.of(capture, EmittedCapture.report(capture));
        assertThat(pools).hasSize(1);
        assertThat(pools.get(0).label()).isEqualTo("pool 1 = 0xffff888100001000");
        assertThat(pools.get(0).stall()).isNotNull();
    }

    @Test
    void theJoinedPoolHasWhatEachSourceSaid() throws Exception {
        Capture capture = EmittedCapture.read(EmittedCapture.emit(dir, "10-driver-leak", "trace", "netlink"));
        assertThat(capture.pools()).as("the trace's address and netlink's id").hasSize(2);
        List<CapturedPool> pools = CapturedPool.of(capture, EmittedCapture.report(capture));
        assertThat(pools).hasSize(1);
        CapturedPool pool = pools.get(0);
        assertThat(pool.label()).isEqualTo("pool 1 = 0xffff888100001000");
        assertThat(pool.joinedBy()).contains("are one pool");
        assertThat(pool.identity()).contains("NAPI 8193").contains("CPU 0");
        assertThat(pool.leakCount()).isEqualTo(100);
        assertThat(pool.inflight()).isEqualTo(100);
        assertThat(pool.stall()).isNotNull();
        assertThat(pool.destroyedNs()).as("the trace's time, not netlink's whole second").isEqualTo(50_000_000L);
        assertThat(pool.line().at(capture.endNs() - capture.startNs())).as("the dumps carry the line on")
                .isEqualTo(100);
        // the tile: the trace's rates and netlink's, what cannot be seen said, the leak and stall last
        assertThat(CaptureTilesPane.lines(pool)).containsSubsequence("100 in flight at the end, at most 1,152",
                CaptureTilesPane.NOT_OBSERVABLE, "stalled since 0.050 s · 100 pages leaked");
        assertThat(CaptureTilesPane.lines(pool)).anyMatch(line -> line.startsWith("held "))
                .anyMatch(line -> line.startsWith("alloc fast 777/s"))
                .anyMatch(line -> line.startsWith("recycled: cache 768/s"));
        assertThat(CaptureTilesPane.describe(pool)).contains(pool.joinedBy());
    }

    @Test
    void aStallThatBeganBeforeTheLogSaysSoInsteadOfANegativeTime() throws Exception {
        // the first warning comes 60 s after the destroy: this log starts 6.8 s before it
        Path log = dir.resolve("dmesg.txt");
        Files.writeString(log,
                "[   66.800000] page_pool_release_retry() stalled pool shutdown 7 inflight 60 sec\n");
        Capture capture = EmittedCapture.read(List.of(log));
        List<CapturedPool> pools = CapturedPool.of(capture, EmittedCapture.report(capture));
        assertThat(pools).hasSize(1);
        assertThat(pools.get(0).stall().sinceNs()).isNegative();
        assertThat(CaptureTilesPane.stateText(pools.get(0)))
                .isEqualTo("stalled since 60.00 s before the capture began");
        assertThat(CaptureTilesPane.stalledSince(50_000_000L)).isEqualTo("stalled since 0.050 s");
        assertThat(CaptureTilesPane.stalledSince(Capture.NO_TIME)).isEqualTo("stalled since ?");
    }

    @Test
    void poolsThatDisagreeStayApartAndSayWhatTheyAre() throws Exception {
        Path leak = dir.resolve("leak");
        Path stall = dir.resolve("stall");
        leak.toFile().mkdirs();
        stall.toFile().mkdirs();
        // one run's trace beside another run's dumps: the same address and id, different lives
        List<Path> files = List.of(EmittedCapture.emit(leak, "10-driver-leak", "trace").get(0),
                EmittedCapture.emit(stall, "09-unload-stall", "netlink").get(0));
        Capture capture = EmittedCapture.read(files);
        List<CapturedPool> pools = CapturedPool.of(capture, EmittedCapture.report(capture));
        assertThat(pools).extracting(CapturedPool::label).containsExactly("pool 0xffff888100001000", "pool 1");
        assertThat(pools).allMatch(p -> p.joinedBy().isEmpty());
    }

    @Test
    void aTraceAloneIsOnePoolWithItsRatesAndLeaks() throws Exception {
        Capture capture = EmittedCapture.read(EmittedCapture.emit(dir, "09-unload-stall", "trace"));
        List<CapturedPool> pools = CapturedPool.of(capture, EmittedCapture.report(capture));
        assertThat(pools).hasSize(1);
        CapturedPool pool = pools.get(0);
        assertThat(pool.findings()).extracting(PoolFindings::leaks).first().asList().hasSize(62);
        assertThat(pool.holdRate()).isPositive();
        assertThat(pool.stats()).as("no statistics without netlink").isNull();
        assertThat(LifetimeBar.of(pool, capture.endNs() - capture.startNs()).stalled()).isTrue();
    }

    @Test
    void aPoolsLineRunsOnToTheCapturesEndWhileItLives() throws Exception {
        // the sample's last event is at 1.2 s of 12: the chart's lines and the tiles' used to stop there
        Path trace = dir.resolve("trace.txt");
        String pool1 = "<idle>-0 [002] ..s1. %s: page_pool_state_%s: page_pool=00000000c0ffee01 page=%s pfn=%s %s\n";
        String pool2 = "<idle>-0 [001] ..s1. %s: page_pool_state_%s: page_pool=00000000c0ffee02 page=%s pfn=%s %s\n";
        Files.writeString(trace, "# tracer: nop\n"
                + String.format(pool1, "100.000000", "hold", "000000005a5a0001", "0x1000", "hold=1")
                + String.format(pool1, "100.000001", "hold", "000000005a5a0002", "0x1001", "hold=2")
                + String.format(pool2, "100.200000", "hold", "000000005a5a0010", "0x2000", "hold=1")
                + String.format(pool1, "100.500000", "release", "000000005a5a0001", "0x1000", "release=1")
                + String.format(pool2, "101.200000", "release", "000000005a5a0010", "0x2000", "release=1")
                + "kworker/2:1-88 [002] .... 112.000000: page_pool_release: page_pool=00000000c0ffee01 inflight=1"
                + " hold=2 release=1 cnt=1\n");
        Capture capture = EmittedCapture.read(List.of(trace));
        CaptureReport report = EmittedCapture.report(capture);
        List<CapturedPool> pools = CapturedPool.of(capture, report);
        assertThat(pools).hasSize(2);
        for (CapturedPool pool : pools) {
            InflightLine line = pool.line();
            assertThat(line.ns(line.points() - 1)).as("%s's last point", pool.label())
                    .isLessThan(report.lengthNs());
            assertThat(pool.freedNs()).isEqualTo(Capture.NO_TIME);
            assertThat(pool.lineEndNs(report.lengthNs())).as("%s's line ends", pool.label())
                    .isEqualTo(report.lengthNs());
        }
    }
}
