// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stretch's packet times in whole numbers are the double formula's, to the ns, for any rate and packet. */
class PacketSpacingTest {
    private static long formula(long n, double credit, double spacing) {
        return (long) Math.ceil((n - credit) * spacing);
    }

    /** The packet number past which whole numbers would lose exactness, or 1 for a spacing with no such form. */
    private static long exactnessEnd(double spacing) {
        for (int k = 0; k <= 16; k++) {
            double scaled = Math.scalb(spacing, k);
            if (scaled == Math.rint(scaled) && scaled >= 1) {
                return (1L << 53) / (long) scaled;
            }
        }
        return 1;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void wholeNumberTimesAreTheFormulasTimes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < 2_000; r++) {
            // rates as presets write them: round ones (20M, 32M, 2.5k) and any whole number, with a duty
            double rate = random.nextBoolean()
                    ? (1 + random.nextInt(999)) * Math.pow(10, random.nextInt(1, 9))
                    : 1 + random.nextInt(200_000_000);
            double duty = random.nextInt(4) == 0 ? (1 + random.nextInt(100)) / 100.0 : 1;
            double onRate = rate / duty / 1e9; // as SenderPeriods works it out
            double spacing = 1 / onRate;
            PacketSpacing times = new PacketSpacing(spacing);
            double credit = random.nextBoolean() ? 0 : random.nextDouble();
            for (int k = 0; k < 50; k++) {
                long n = switch (k % 3) {
                    case 0 -> 1 + random.nextLong(1L << 20);
                    case 1 -> 1 + random.nextLong(1L << 45);
                    default -> Math.max(1, exactnessEnd(spacing) + random.nextInt(-3, 3));
                };
                assertThat(times.offset(n, credit))
                        .as("seed %d: rate %s, duty %s, spacing %s, credit %s, packet %d", seed, rate, duty, spacing,
                                credit, n)
                        .isEqualTo(formula(n, credit, spacing));
            }
        }
    }

    @ParameterizedTest(name = "{0} ns")
    @ValueSource(doubles = {50, 31.25, 500, 333.3333333333333, 0.5, 1e-3, 7.0 / 3})
    void spacingsOfShippedRatesAndOthersAtTheStartAndAtTheEndOfExactness(double spacing) {
        PacketSpacing times = new PacketSpacing(spacing);
        long end = exactnessEnd(spacing);
        for (long n = Math.max(1, end - 1000); n < end + 1000; n++) {
            assertThat(times.offset(n, 0)).as("packet %d", n).isEqualTo(formula(n, 0, spacing));
        }
        for (long n = 1; n < 100_000; n++) {
            assertThat(times.offset(n, 0)).as("packet %d", n).isEqualTo(formula(n, 0, spacing));
        }
    }
}
