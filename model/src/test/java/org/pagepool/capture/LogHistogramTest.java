// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogHistogramTest {
    @Test
    void bucketsCoverEveryValueInOrder() {
        long previous = -1;
        for (int b = 0; b < 60 * 16; b++) {
            long low = LogHistogram.lowerBound(b);
            assertThat(low).as("bucket %d", b).isGreaterThan(previous);
            assertThat(LogHistogram.bucket(low)).as("bucket of %d", low).isEqualTo(b);
            assertThat(LogHistogram.bucket(LogHistogram.lowerBound(b + 1) - 1)).isEqualTo(b);
            previous = low;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 2026})
    void quantilesAreWithinABucketOfTheExactOnes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[100_000];
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-uniform from 100 ns to 100 s, like page lifetimes
            values[i] = (long) Math.pow(10, 2 + random.nextDouble() * 9);
            h.add(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            assertThat((double) h.quantile(q)).as("seed %d q %s", seed, q).isCloseTo(exact, within(exact / 16.0));
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.min()).isEqualTo(values[0]);
        assertThat(h.count()).isEqualTo(values.length);
    }

    @Test
    void oneValueIsItsOwnQuantile() {
        LogHistogram h = new LogHistogram();
        h.add(1_000_000_000L);
        assertThat(h.quantile(0.5)).isEqualTo(1_000_000_000L);
        assertThat(new LogHistogram().quantile(0.5)).isZero();
    }
}
