// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.nic.NicStats;

/**
 * RSS spreads packets over the queues as its indirection table and flows
 * say: the shares follow the table, and the packets each queue gets match
 * the shares by a chi-square test (seeded, several seeds, at the 0.1 %
 * level, so a correct spread fails one seed in a thousand).
 */
class RssTest {
    static LongStream seeds() {
        return LongStream.of(1, 2, 3, 4, 5, 6, 7, 8);
    }

    /** The 99.9th percentile of chi-square with {@code df} degrees of freedom (Wilson-Hilferty). */
    static double critical(int df) {
        double z = 3.0902; // the standard normal's 99.9th percentile
        double a = 2.0 / (9.0 * df);
        return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    /** Chi-square of {@code counts} against {@code shares}; queues with no share must have no packets. */
    static double chiSquare(long[] counts, double[] shares, String context) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double chi = 0;
        for (int q = 0; q < counts.length; q++) {
            if (shares[q] == 0) {
                assertThat(counts[q]).as("%s: queue %d has no share", context, q).isZero();
                continue;
            }
            double expected = total * shares[q];
            chi += (counts[q] - expected) * (counts[q] - expected) / expected;
        }
        return chi;
    }

    static int degreesOfFreedom(double[] shares) {
        int used = 0;
        for (double s : shares) {
            used += s > 0 ? 1 : 0;
        }
        return used - 1;
    }

    private static long[] draw(double[] shares, long seed, int packets) {
        RssSpreader spreader = new RssSpreader(shares);
        Rng rng = new Rng(seed);
        long[] counts = new long[shares.length];
        for (int i = 0; i < packets; i++) {
            counts[spreader.next(rng)]++;
        }
        return counts;
    }

    @Test
    void theDefaultTableNamesQueueIModQueuesAndAGivenTableRepeats() {
        assertThat(Rss.UNIFORM.shares(16, new Rng(1))).containsOnly(1.0 / 16);
        double[] three = Rss.UNIFORM.shares(3, new Rng(1));
        assertThat(three).containsExactly(43 / 128.0, 43 / 128.0, 42 / 128.0);
        // ethtool -X eth0 weight 3 1: entries 0,0,0,1 repeated
        Rss weighted = Rss.UNIFORM.withTable(IdList.of(0, 0, 0, 1));
        assertThat(weighted.shares(4, new Rng(1))).containsExactly(0.75, 0.25, 0, 0);
        assertThat(weighted.indirection(4)).startsWith(0, 0, 0, 1, 0, 0, 0, 1).endsWith(0, 0, 0, 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void flowsAndZipfSpreadWholeFlowsAndTheirSharesAddUp(long seed) {
        double[] flows = Rss.parse("flows:6").shares(8, new Rng(seed));
        double sum = 0;
        for (double s : flows) {
            assertThat(s * 6).as("seed %d: a share is a number of whole flows", seed).isCloseTo(Math.rint(s * 6),
                    within(1e-9));
            sum += s;
        }
        assertThat(sum).as("seed %d", seed).isCloseTo(1, within(1e-9));
        double[] zipf = Rss.parse("zipf:1.5").shares(8, new Rng(seed));
        double max = 0;
        sum = 0;
        for (double s : zipf) {
            max = Math.max(max, s);
            sum += s;
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
        // the biggest of 1024 flows alone carries 1/zeta(1.5) of the packets: about 38 %
        assertThat(max).as("seed %d: the elephant's queue", seed).isGreaterThan(0.38);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSpreaderDrawsQueuesInTheirShares(long seed) {
        String[] spreads = {"uniform", "zipf:1.1", "flows:5"};
        for (String spread : spreads) {
            for (int queues : new int[] {2, 7, 16, 64}) {
                double[] shares = Rss.parse(spread).shares(queues, new Rng(seed * 31 + queues));
                long[] counts = draw(shares, seed, 200_000);
                String context = String.format(Locale.ROOT, "seed %d, rss %s, %d queues", seed, spread, queues);
                int df = degreesOfFreedom(shares);
                if (df > 0) {
                    assertThat(chiSquare(counts, shares, context)).as(context).isLessThan(critical(df));
                }
            }
        }
        double[] table = Rss.UNIFORM.withTable(IdList.parse("0,0,0,1,2,2,5", 63)).shares(6, new Rng(seed));
        long[] counts = draw(table, seed, 200_000);
        String context = "seed " + seed + ", table 0,0,0,1,2,2,5";
        assertThat(chiSquare(counts, table, context)).as(context).isLessThan(critical(degreesOfFreedom(table)));
    }

    /**
     * Equal shares over 2^k queues take the queue from the draw's top bits:
     * packet for packet the queue the alias table gives (nextDouble() times
     * the queues, floored), so a seeded run spreads as it did before (the
     * default table over 2^k queues gives them equal shares).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalSharesOverAPowerOfTwoQueuesPickTheQueueTheTableWould(long seed) {
        for (int queues : new int[] {2, 4, 16, 64}) {
            double[] shares = Rss.UNIFORM.shares(queues, new Rng(seed));
            RssSpreader spreader = new RssSpreader(shares);
            Rng rng = new Rng(seed * 17 + queues);
            Rng same = rng.copy();
            for (int i = 0; i < 10_000; i++) {
                int expected = (int) (same.nextDouble() * queues);
                assertThat(spreader.next(rng)).as("seed %d, %d queues, packet %d", seed, queues, i)
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * One flow puts every packet on one queue: the spreader names it
     * without drawing (the generator stays where it was), and two flows on
     * two queues still draw.
     */
    @Test
    void oneQueueWithEveryPacketIsNamedWithoutADraw() {
        Rng rng = new Rng(5);
        RssSpreader one = new RssSpreader(new double[] {0, 0, 1, 0});
        for (int i = 0; i < 100; i++) {
            assertThat(one.next(rng)).isEqualTo(2);
        }
        assertThat(rng.nextLong()).isEqualTo(new Rng(5).nextLong());
        RssSpreader two = new RssSpreader(new double[] {0, 1, 1, 0});
        long[] counts = new long[4];
        for (int i = 0; i < 1000; i++) {
            counts[two.next(rng)]++;
        }
        assertThat(counts[1]).isBetween(400L, 600L);
        assertThat(counts[0] + counts[3]).isZero();
    }

    @Test
    void theChiSquareTestTellsAWrongSpreadFromTheRightOne() {
        // guard against a test that cannot fail: queue 0 gets 1 % more than its share
        double[] shares = Rss.UNIFORM.shares(8, new Rng(1));
        double[] skewed = shares.clone();
        skewed[0] += 0.01;
        skewed[1] -= 0.01;
        long[] counts = draw(skewed, 1, 200_000);
        assertThat(chiSquare(counts, shares, "skewed")).isGreaterThan(critical(7));
    }

    /** What RSS gave each queue of a run: every packet it placed or missed. */
    private static long[] arrivals(Simulation sim) {
        long[] counts = new long[sim.queueCount()];
        for (int q = 0; q < counts.length; q++) {
            NicStats s = sim.driver(q).stats();
            counts[q] = s.rxPackets() + s.rxMissed();
        }
        return counts;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRunsPacketsSpreadOverItsQueuesInTheTablesShares(long seed) throws Exception {
        for (String table : new String[] {null, "0,1,1,2,3,3,3,5"}) {
            Preset p = SimulationQueuesTest.preset("cpus = 8", "nic.queues = 6", "memory.pages = 65536",
                    "traffic.rate = 10M", "traffic.duty = 0.5", "napi.budget = 16",
                    table == null ? "rss = uniform" : "rss.table = " + table).withSeed(seed);
            Simulation sim = p.start(null);
            sim.run(Long.MAX_VALUE, 10_000_000, 0);
            double[] shares = new double[6];
            for (int q = 0; q < 6; q++) {
                shares[q] = sim.rssShare(q);
            }
            String context = "seed " + seed + ", table " + (table == null ? "default" : table);
            long[] counts = arrivals(sim);
            assertThat(counts[0] + counts[1] + counts[2] + counts[3] + counts[4] + counts[5]).as(context)
                    .isGreaterThan(40_000);
            if (table == null) {
                assertThat(shares).as(context).containsExactly(22 / 128.0, 22 / 128.0, 21 / 128.0, 21 / 128.0,
                        21 / 128.0, 21 / 128.0);
            } else {
                assertThat(shares).as(context).containsExactly(16 / 128.0, 32 / 128.0, 16 / 128.0, 48 / 128.0, 0,
                        16 / 128.0);
            }
            assertThat(chiSquare(counts, shares, context)).as(context).isLessThan(critical(degreesOfFreedom(shares)));
        }
    }
}
