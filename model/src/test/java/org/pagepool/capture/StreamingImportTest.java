// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Millions of generated tracepoint lines, read as a stream (never a file on
 * disk): the numbers come out exact and the tables stop growing once every
 * pool's pages are known, so memory is bounded by the pools, not the lines.
 * The speed is printed, not asserted.
 */
class StreamingImportTest {
    private static final long LINES = 6_000_000;
    private static final int POOLS = 8;
    private static final int WINDOW = 2048;

    @Test
    void millionsOfLinesInBoundedMemory() throws Exception {
        TraceGenerator trace = new TraceGenerator(LINES, POOLS, WINDOW);
        CaptureImporter importer = new CaptureImporter();
        long[] footprintEarly = {-1};
        long[] footprintHighest = {0};
        importer.progress((read, total) -> {
            long now = importer.footprintBytes();
            footprintHighest[0] = Math.max(footprintHighest[0], now);
            if (footprintEarly[0] < 0 && read > 100L << 20) {
                footprintEarly[0] = now; // after 100 MB of text, about a sixth of it
            }
            return true;
        });
        long started = System.nanoTime();
        importer.read(trace, "generated", CaptureFormat.TRACE);
        double seconds = (System.nanoTime() - started) / 1e9;
        long footprintEnd = importer.footprintBytes();
        Capture capture = importer.finish();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "streaming import: %,d lines in %.2f s, %.2f M lines/s; tables %,d bytes;"
                + " heap in use after import %.1f MB%n", LINES, seconds, LINES / seconds / 1e6, footprintEnd,
                heap / 1e6);

        assertThat(capture.sources().get(0).lines()).isEqualTo(LINES);
        assertThat(capture.pools()).hasSize(POOLS);
        for (int p = 0; p < POOLS; p++) {
            PageHistory pages = capture.pools().get(p).pages();
            assertThat(pages.hold()).as("pool %d hold", p).isEqualTo(trace.holds(p));
            assertThat(pages.release()).as("pool %d release", p).isEqualTo(trace.releases(p));
            assertThat(pages.inflightEnd()).as("pool %d inflight", p).isEqualTo(trace.holds(p) - trace.releases(p));
            assertThat(pages.outstanding()).as("pool %d pages out", p).isEqualTo((int) pages.inflightEnd());
            assertThat(pages.lifetimes().count()).isEqualTo(trace.releases(p));
            assertThat(pages.heldAgain()).isZero();
        }
        assertThat(footprintEarly[0]).as("footprint measured early").isPositive();
        assertThat(footprintEnd).as("the tables stopped growing early on").isEqualTo(footprintEarly[0]);
        assertThat(footprintHighest[0]).isEqualTo(footprintEnd);
        assertThat(footprintEnd).as("bounded by the pools' pages: 8 pools, <= 2048 pages each")
                .isLessThan(8L * 1024 * 1024);
    }
}
