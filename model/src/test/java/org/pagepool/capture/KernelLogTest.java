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

/** dmesg and journalctl lines, with and without times, both wordings of the stall warning, and bad ones. */
class KernelLogTest {
    private static final long S = 1_000_000_000L;

    private static Capture log(String text) throws CaptureException {
        CaptureImporter importer = new CaptureImporter();
        importer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "k.log",
                CaptureFormat.KERNEL_LOG);
        return importer.finish();
    }

    @Test
    void dmesgWithTimesGroupsEachShutdownsWarningsByWhenItBegan() throws Exception {
        Capture capture = Samples.importing("dmesg-5.14.txt");
        List<KernelEvent> log = capture.kernelLog();
        assertThat(log).extracting(KernelEvent::kind).containsExactly(KernelEvent.Kind.STALLED,
                KernelEvent.Kind.STALLED, KernelEvent.Kind.STALLED, KernelEvent.Kind.REFCOUNT,
                KernelEvent.Kind.CREATE_FAILED, KernelEvent.Kind.STALLED);
        KernelEvent first = log.get(0);
        assertThat(first.ns()).isEqualTo(870_590_531_000L);
        assertThat(List.of(first.poolId(), first.inflight(), first.seconds())).containsExactly(-1, 199, 60);
        assertThat(first.text()).isEqualTo("page_pool_release_retry() stalled pool shutdown 199 inflight 60 sec");
        assertThat(first.where()).isEqualTo("dmesg-5.14.txt:4");
        assertThat(log.get(3).text()).isEqualTo("refcount_t: underflow; use-after-free.");
        assertThat(log.get(4).errno()).isEqualTo(-12);

        CaptureReport report = CaptureReport.of(capture);
        assertThat(report.pools()).extracting(PoolFindings::label).containsExactly(
                "the unnamed pool whose shutdown began 810.591 s after boot",
                "the unnamed pool whose shutdown began 941.000 s after boot");
        PoolFindings.Stall stall = report.pools().get(0).stall();
        assertThat(stall.warnings()).isEqualTo(3);
        assertThat(stall.inflightAtFirstWarning()).isEqualTo(199);
        assertThat(stall.inflightAtEnd()).isEqualTo(187);
        assertThat(report.diagnosis().get(0)).contains("was still waiting for 187 when the capture ended",
                "12 came back while it waited (from 199 at the first warning)");
        assertThat(report.warnings()).containsExactly(
                "at 124.409 s: refcount_t: underflow; use-after-free. (dmesg-5.14.txt:8)",
                "at 129.509 s: page_pool_create() gave up with errno -12 (dmesg-5.14.txt:10)");
        assertThat(report.diagnosis()).anySatisfy(d -> assertThat(d).contains("errno -12 (ENOMEM"));
    }

    @Test
    void withoutTimesTheWarningStillSaysHowLongTheShutdownWaited() throws Exception {
        CaptureReport report = Samples.report("dmesg-no-time.txt");
        PoolFindings pool = report.pools().get(0);
        assertThat(pool.label()).isEqualTo("an unnamed pool");
        assertThat(pool.stall().sinceNs()).isEqualTo(Capture.NO_TIME);
        assertThat(pool.stall().waitedNs()).isEqualTo(120 * S);
        assertThat(report.diagnosis().get(0)).startsWith("an unnamed pool was destroyed at an unknown time and was"
                + " still waiting for 1,389 pages after 2 min 0 s");
        assertThat(report.diagnosis()).anySatisfy(d -> assertThat(d).contains("negative inflight count (-3)"));
    }

    @Test
    void linux68WordingCarriesThePoolIdInWallClockJournals() throws Exception {
        CaptureReport report = Samples.report("journal-6.8-wallclock.txt");
        assertThat(report.pools()).extracting(PoolFindings::label).containsExactly("pool 51", "pool 52");
        assertThat(report.pools().get(0).stall().warnings()).isEqualTo(2);
        assertThat(report.pools().get(0).stall().waitedNs()).isEqualTo(26885 * S);
        assertThat(report.startNs()).isEqualTo(Capture.NO_TIME);
    }

    @Test
    void monotonicJournalAndANamedInterface() throws Exception {
        CaptureReport report = Samples.report("journal-monotonic.txt");
        PoolFindings p53 = Samples.pool(report, "pool 53");
        assertThat(p53.device()).isEqualTo("eth2");
        assertThat(p53.destroyedNs()).isZero();
        PoolFindings p51 = Samples.pool(report, "pool 51");
        assertThat(p51.destroyedNs()).isEqualTo(-26825 * S);
        assertThat(report.diagnosis().get(0)).startsWith("pool 51 was destroyed 7 h 27 min before the capture began");
    }

    @Test
    void anOldWarningIsMatchedToTheTracedPoolWhoseShutdownBeganThen() throws Exception {
        CaptureReport report = Samples.report("tracefs-5.14-unload.txt", "dmesg-matching-unload.txt");
        PoolFindings a = Samples.pool(report, "pool 0xc0ffee01");
        assertThat(a.stall().warnings()).isEqualTo(1);
        assertThat(a.notes()).contains("the kernel log's stall warnings name no pool; they were matched to this one by"
                + " the time its shutdown began");
        assertThat(report.pools()).hasSize(2);
    }

    @Test
    void otherLinesAreSkipped() throws Exception {
        assertThat(log("[    0.000000] Linux version 6.8\n[    1.0] eth0: link up\nrandom text\n").kernelLog())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[ 1.0] page_pool_release_retry() stalled pool shutdown: id x, 4 inflight 60 sec"
            + "|k.log:1: stalled pool shutdown: expected the pool's id, found \"x,\"",
        "[ 1.0] page_pool_release_retry() stalled pool shutdown many inflight 60 sec"
            + "|k.log:1: stalled pool shutdown: expected the number of pages in flight, found \"many\"",
        "[ 1.0] page_pool_release_retry() stalled pool shutdown 4 pages 60 sec"
            + "|k.log:1: stalled pool shutdown: expected \"inflight\" after 4, found \"pages 60 sec\"",
        "[ 1.0] page_pool_release_retry() stalled pool shutdown 4 inflight 6O sec"
            + "|k.log:1: stalled pool shutdown: expected the seconds it has waited, found \"6O\"",
        "[ 1.0] page_pool_create() gave up with errno twelve"
            + "|k.log:1: gave up with errno: expected an error number, found \"twelve\"",
    })
    void aPoolLineThatCannotBeReadIsAnError(String line, String message) {
        assertThatThrownBy(() -> log(line)).isInstanceOf(CaptureException.class)
                .extracting(e -> ((CaptureException) e).located()).isEqualTo(message);
    }

    /**
     * A dmesg since boot with capture.txt's span (200-300 s): the 5.14-style
     * warnings at 100 and 160 s, which name no pool, are of a shutdown over
     * before the capture (no warning at 220 s); those at 230 and 290 s are of
     * one that still waits. Only the second is a pool, and the capture is
     * the script's 100 s.
     */
    @Test
    void stallWarningsOfAShutdownOverBeforeTheCaptureAreSetAside() throws Exception {
        CaptureReport report = Samples.report("dmesg-old-and-new-stalls.txt", "capture-old-and-new-stalls.txt");
        assertThat(report.lengthNs()).isEqualTo(100_000_000_000L);
        assertThat(report.pools()).singleElement().satisfies(p -> {
            assertThat(p.stall()).isNotNull();
            assertThat(p.stall().inflightAtEnd()).isEqualTo(7);
        });
        assertThat(report.diagnosis()).filteredOn(d -> d.contains("so it was over within that minute")).singleElement()
                .satisfies(d -> assertThat(d).startsWith("40.00 s before the capture began: the kernel warned that a"
                        + " pool's shutdown had stalled, 40 pages still in flight after 120 s"));
    }

    /**
     * 6.8's warnings within a capture of 50-300 s and no other source: pool
     * 12's last came at 180 s and none at 240 s, so its shutdown was over by
     * then; pool 13's at 280 s may still wait. Only pool 13 is a pool.
     */
    @Test
    void aShutdownWhoseWarningsStopWhileTheCaptureRecordsWasOver() throws Exception {
        CaptureReport report = Samples.report("dmesg-stall-over-in-capture.txt", "capture-stall-over-in-capture.txt");
        assertThat(report.pools()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(13);
            assertThat(p.stall()).isNotNull();
        });
        assertThat(report.diagnosis()).anyMatch(d -> d.startsWith("at 130.000 s: the kernel warned that a pool's"
                + " shutdown had stalled (pool 12), 30 pages still in flight after 120 s; no warning followed a minute"
                + " later, so it was over within that minute"));
    }
}
