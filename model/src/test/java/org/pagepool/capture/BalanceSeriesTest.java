// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bins double as the capture grows, and keep the counts, the extremes and the last value exact. */
class BalanceSeriesTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 5, 8})
    void halvingKeepsTotalsExtremesAndTheEnd(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BalanceSeries s = new BalanceSeries();
        long ns = 1_000_000_000L;
        long balance = 0;
        long holds = 0;
        long releases = 0;
        long highest = Long.MIN_VALUE;
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 300_000; i++) {
            ns += random.nextInt(20_000); // about 3 s in all: 1 ms bins must have doubled several times
            boolean hold = random.nextInt(100) < 51;
            balance += hold ? 1 : -1;
            if (hold) {
                holds++;
            } else {
                releases++;
            }
            highest = Math.max(highest, balance);
            lowest = Math.min(lowest, balance);
            s.add(ns, hold, balance);
        }
        InflightSeries f = s.freeze(100, true);
        assertThat(f.bins()).as("seed %d", seed).isLessThanOrEqualTo(BalanceSeries.BINS)
                .isGreaterThan(BalanceSeries.BINS / 2);
        assertThat(f.binWidthNs()).isGreaterThan(BalanceSeries.FIRST_WIDTH_NS);
        long h = 0;
        long r = 0;
        long hi = Long.MIN_VALUE;
        long lo = Long.MAX_VALUE;
        for (int b = 0; b < f.bins(); b++) {
            h += f.holds(b);
            r += f.releases(b);
            hi = Math.max(hi, f.highest(b));
            lo = Math.min(lo, f.lowest(b));
        }
        assertThat(h).as("seed %d holds", seed).isEqualTo(holds);
        assertThat(r).as("seed %d releases", seed).isEqualTo(releases);
        assertThat(hi).as("seed %d highest", seed).isEqualTo(highest + 100);
        assertThat(lo).as("seed %d lowest", seed).isEqualTo(lowest + 100);
        assertThat(f.atEnd(f.bins() - 1)).as("seed %d end", seed).isEqualTo(balance + 100);
    }
}
