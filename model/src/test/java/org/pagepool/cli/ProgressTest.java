// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line, on a clock the test moves: after a second, a few times a second, one line overwritten. */
class ProgressTest {
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Progress progress = Progress.on(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get);

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void wallSeconds(double s) {
        clock.addAndGet((long) (s * 1e9));
    }

    @Test
    void nothingDuringTheFirstSecond() {
        progress.start();
        wallSeconds(0.99);
        progress.update(50_000_000L, 1_000_000_000L, 100_000, 0.05);
        progress.clear();
        assertThat(shown()).isEmpty();
    }

    @Test
    void afterASecondOneLineWithTimePacketsRateAndTimeLeft() {
        progress.start();
        wallSeconds(1);
        progress.update(250_000_000L, 1_000_000_000L, 500_000, 0.25);
        assertThat(shown()).isEqualTo("\r0.250 of 1 s simulated, 500,000 packets, 2.00 Mpps, about 3 s left\033[K");
    }

    @Test
    void aLineInTheCallersWordsAskedForOnlyWhenShown() {
        AtomicInteger asked = new AtomicInteger();
        progress.start();
        wallSeconds(0.5);
        progress.update(() -> "frame " + asked.incrementAndGet() + " of 100", 0.01);
        assertThat(shown()).isEmpty();
        wallSeconds(1.5); // 2 s in, 40 % done: 3 s left
        progress.update(() -> "frame " + asked.incrementAndGet() + " of 100", 0.4);
        assertThat(shown()).isEqualTo("\rframe 1 of 100, about 3 s left\033[K");
        assertThat(asked).hasValue(1);
    }

    @Test
    void atMostFourUpdatesASecondEachOverwritingTheLast() {
        progress.start();
        wallSeconds(1);
        for (int i = 0; i < 100; i++) { // 100 batches in one wall second
            progress.update(i * 1_000_000L, 1_000_000_000L, i, i / 100.0);
            wallSeconds(0.01);
        }
        long updates = shown().chars().filter(c -> c == '\r').count();
        assertThat(updates).isBetween(4L, 5L);
        assertThat(shown()).doesNotContain("\n");
    }

    @Test
    void clearErasesTheLineSoTheSummaryStartsClean() {
        progress.start();
        wallSeconds(2);
        progress.update(1, 10, 1, 0.1);
        progress.clear();
        assertThat(shown()).endsWith("\r\033[K");
    }

    @Test
    void noneShowsNothing() {
        Progress none = Progress.none();
        none.start();
        none.update(1, 10, 1, 0.5);
        none.clear();
        assertThat(shown()).isEmpty();
    }

    @Test
    void timeLeftReadsInTheLargestSensibleUnit() {
        assertThat(Progress.duration(0.2)).isEqualTo("1 s");
        assertThat(Progress.duration(42)).isEqualTo("42 s");
        assertThat(Progress.duration(600)).isEqualTo("10 min");
        assertThat(Progress.duration(7200)).isEqualTo("2.0 h");
    }
}
