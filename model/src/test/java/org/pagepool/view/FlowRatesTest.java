// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.SyncRunner;
import org.pagepool.workload.PresetFiles;

/** The flow rates' arithmetic: a minimum window, a minimum of pages, and rates that say what moved. */
class FlowRatesTest {
    private static final int PATHS = FlowRates.Path.values().length;

    /** Totals with {@code n} on {@code path} and 0 elsewhere. */
    private static long[] on(FlowRates.Path path, long n) {
        long[] t = new long[PATHS];
        t[path.ordinal()] = n;
        return t;
    }

    @Test
    void noNumberBeforeAWindowOfOneMillisecond() {
        FlowRates rates = new FlowRates();
        rates.sample(0, on(FlowRates.Path.FAST, 0));
        rates.sample(300, on(FlowRates.Path.FAST, 6)); // 6 pages in 300 ns: "20 billion a second"
        assertThat(rates.measured()).isFalse();
        assertThat(rates.rate(FlowRates.Path.FAST)).isNaN();
        rates.sample(999_999, on(FlowRates.Path.FAST, 20_000));
        assertThat(rates.rate(FlowRates.Path.FAST)).as("just short of 1 ms").isNaN();
        rates.sample(1_000_000, on(FlowRates.Path.FAST, 20_000));
        assertThat(rates.measured()).isTrue();
        assertThat(rates.windowNs()).isEqualTo(1_000_000);
        assertThat(rates.rate(FlowRates.Path.FAST)).isCloseTo(20e6, within(1.0));
    }

    @Test
    void theWindowIsTheShortestOneThatSpansOneMillisecond() {
        FlowRates rates = new FlowRates();
        // 1,000 pages per 100 us for 3 ms, then 10 per 100 us: the rate follows within a millisecond
        long pages = 0;
        for (long t = 0; t <= 3_000_000; t += 100_000) {
            rates.sample(t, on(FlowRates.Path.HANDED_OUT, pages));
            pages += 1_000;
        }
        assertThat(rates.rate(FlowRates.Path.HANDED_OUT)).isCloseTo(10e6, within(1.0));
        for (long t = 3_100_000; t <= 4_100_000; t += 100_000) {
            pages += 10;
            rates.sample(t, on(FlowRates.Path.HANDED_OUT, pages));
        }
        assertThat(rates.windowNs()).isEqualTo(1_000_000);
        assertThat(rates.rate(FlowRates.Path.HANDED_OUT)).isCloseTo(100e3, within(1.0));
    }

    @Test
    void fewerThanAFewPagesInTheWindowIsNoFlow() {
        FlowRates rates = new FlowRates();
        rates.sample(0, on(FlowRates.Path.RELEASED, 0));
        rates.sample(2_000_000, on(FlowRates.Path.RELEASED, FlowRates.MIN_EVENTS - 1));
        assertThat(rates.rate(FlowRates.Path.RELEASED)).isZero();
        rates.sample(4_000_000, on(FlowRates.Path.RELEASED, FlowRates.MIN_EVENTS - 1 + FlowRates.MIN_EVENTS));
        assertThat(rates.rate(FlowRates.Path.RELEASED)).as("4 pages in the last 2 ms").isCloseTo(2_000, within(1e-6));
        assertThat(rates.rate(FlowRates.Path.FAST)).as("a path where nothing moved").isZero();
    }

    @Test
    void goingBackInTimeOrACounterFallingStartsAgain() {
        FlowRates rates = new FlowRates();
        rates.sample(0, on(FlowRates.Path.INTO_RING, 0));
        rates.sample(5_000_000, on(FlowRates.Path.INTO_RING, 5_000));
        assertThat(rates.measured()).isTrue();
        rates.sample(1_000_000, on(FlowRates.Path.INTO_RING, 1_000)); // a step back
        assertThat(rates.measured()).isFalse();
        rates.sample(3_000_000, on(FlowRates.Path.INTO_RING, 3_000));
        assertThat(rates.rate(FlowRates.Path.INTO_RING)).isCloseTo(1e6, within(1e-6));
        rates.sample(4_500_000, on(FlowRates.Path.INTO_RING, 10)); // a pool freed: its counters left the sums
        assertThat(rates.measured()).isFalse();
        assertThat(rates.rate(FlowRates.Path.INTO_RING)).isNaN();
    }

    @Test
    void manyViewsOfOneMillisecondStillFindTheirWindow() {
        FlowRates rates = new FlowRates();
        long t = 0;
        for (int i = 0; i <= 10_000; i++) { // a slow speed: a view every 1 us of simulated time
            rates.sample(t, on(FlowRates.Path.FAST, i * 2L));
            t += 1_000;
        }
        assertThat(rates.windowNs()).isBetween(FlowRates.MIN_WINDOW_NS,
                FlowRates.MIN_WINDOW_NS + FlowRates.SAMPLE_SPACING_NS);
        assertThat(rates.rate(FlowRates.Path.FAST)).isCloseTo(2e6, within(1.0));
    }

    @Test
    void inXdpDropTheAllocatorFlowStopsAfterTheFirstRefillWhileTheCacheFlowGoesOn() throws Exception {
        var preset = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "xdp-drop");
        FlowRates rates = new FlowRates();
        try (SyncRunner runner = SyncRunner.live(preset)) {
            rates.update(runner.latest());
            ModelView first = runner.apply(new RunnerCommand.Seek(200_000L));
            rates.update(first);
            assertThat(rates.rate(FlowRates.Path.FROM_ALLOCATOR)).as("200 us in: no number yet").isNaN();
            for (long t = 1_000_000L; t <= 20_000_000L; t += 1_000_000L) {
                rates.update(runner.apply(new RunnerCommand.Seek(t)));
            }
            ModelView last = runner.latest();
            assertThat(last.totals().stats().slow()).as("slow stopped growing long ago")
                    .isEqualTo(first.totals().stats().slow());
            assertThat(rates.rate(FlowRates.Path.FROM_ALLOCATOR)).isZero();
            assertThat(rates.rate(FlowRates.Path.RELEASED)).isZero();
            assertThat(rates.rate(FlowRates.Path.INTO_RING)).isZero();
            // 20 Mpps, every packet dropped: about 20 M pages a second out of the cache and back into it
            assertThat(rates.rate(FlowRates.Path.FAST)).isBetween(15e6, 25e6);
            assertThat(rates.rate(FlowRates.Path.RECYCLED_DIRECT)).isBetween(15e6, 25e6);
        }
    }
}
