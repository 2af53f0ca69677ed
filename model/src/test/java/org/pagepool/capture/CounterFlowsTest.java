// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flows at a moment: the counters' growth over the sample interval that holds it. */
class CounterFlowsTest {
    private static final long S = 1_000_000_000L;

    private static CounterSeries series(long[] times, long[] fast) {
        CounterSeries.Builder b = new CounterSeries.Builder(CounterSeries.Source.NETLINK, "pool 1", "", 1, false);
        for (int i = 0; i < times.length; i++) {
            long[] v = new long[PoolCounter.ALL.length];
            v[PoolCounter.FAST.ordinal()] = fast[i];
            b.add(times[i], v, 1 << PoolCounter.FAST.ordinal());
        }
        return b.build();
    }

    @Test
    void theIntervalAroundTheMomentGivesTheRates() {
        CounterSeries s = series(new long[] {10 * S, 11 * S, 13 * S}, new long[] {0, 100, 500});
        CounterFlows early = CounterFlows.at(s, 10 * S + S / 2);
        assertThat(early.fromNs()).isEqualTo(10 * S);
        assertThat(early.toNs()).isEqualTo(11 * S);
        assertThat(early.rate(PoolCounter.FAST)).isEqualTo(100);
        assertThat(CounterFlows.at(s, 12 * S).rate(PoolCounter.FAST)).isEqualTo(200);
        assertThat(CounterFlows.at(s, 99 * S).fromNs()).as("after the last sample: the last interval")
                .isEqualTo(11 * S);
        assertThat(CounterFlows.at(s, 0).toNs()).as("before the first: the first").isEqualTo(11 * S);
        assertThat(CounterFlows.at(s, 12 * S).rate(PoolCounter.RING)).as("not reported").isNaN();
    }

    @Test
    void oneSampleHasNoFlows() {
        assertThat(CounterFlows.at(series(new long[] {10 * S}, new long[] {5}), 10 * S)).isNull();
        assertThat(CounterFlows.at(series(new long[] {Capture.NO_TIME, Capture.NO_TIME}, new long[] {5, 9}), 0))
                .isNull();
    }

    @Test
    void whatItHandsOutCannotChangeIt() {
        CounterFlows flows = CounterFlows.at(series(new long[] {10 * S, 11 * S}, new long[] {0, 100}), 10 * S);
        flows.rates()[PoolCounter.FAST.ordinal()] = -1;
        assertThat(flows.rate(PoolCounter.FAST)).isEqualTo(100);
    }
}
