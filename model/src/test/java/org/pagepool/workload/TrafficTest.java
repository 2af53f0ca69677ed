// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Packet arrivals: the average rate, bursts, and a {@code nextArrival} that only looks. */
class TrafficTest {

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    /** A generator per seed (scrambled: java.util.Random's first draws for seeds 1, 2, 3... are alike). */
    static Random random(long seed) {
        return new Random(seed * 0x9E3779B97F4A7C15L + 1);
    }

    static WorkloadParams params(double rate, double duty, double burstNs) {
        return WorkloadParams.defaults().with(Param.RATE, rate).with(Param.DUTY, duty).with(Param.BURST, burstNs);
    }

    private static Traffic traffic(long seed, double rate, double duty, double burstNs) {
        return new Traffic(new Rng(seed), params(rate, duty, burstNs), 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSmoothSenderDeliversRateTimesTimeWithinOnePacket(long seed) {
        Random random = random(seed);
        double rate = Math.rint(Math.exp(Math.log(1e3) + random.nextDouble() * (Math.log(2e8) - Math.log(1e3))));
        Traffic t = traffic(seed, rate, 1.0, 200_000);
        long now = 0;
        long total = 0;
        for (int i = 0; i < 2_000; i++) {
            now += 1 + (long) (random.nextDouble() * random.nextDouble() * 5_000_000);
            total += t.arrivalsUntil(now);
            double expected = rate * now / 1e9;
            assertThat((double) total).as("seed %d rate %.1f at %d ns", seed, rate, now)
                    .isCloseTo(expected, within(1.0));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void burstsAverageToTheRateOverALongTime(long seed) {
        Random random = random(seed);
        double rate = Math.rint(1e5 + random.nextDouble() * 1e7);
        double duty = 0.05 + random.nextDouble() * 0.9;
        double burst = Math.rint(10_000 + random.nextDouble() * 200_000);
        Traffic t = traffic(seed, rate, duty, burst);
        // enough on/off cycles (at least 20000) for the on-time share to settle within a few percent
        long horizon = (long) (20_000 * burst / duty);
        long now = 0;
        long total = 0;
        while (now < horizon) {
            now = Math.min(horizon, now + 1 + (long) (random.nextDouble() * 3 * burst));
            total += t.arrivalsUntil(now);
        }
        double expected = rate * horizon / 1e9;
        assertThat(total / expected).as("seed %d: rate %.0f duty %.2f burst %.0f ns: %d packets, expected %.0f",
                seed, rate, duty, burst, total, expected).isCloseTo(1.0, within(0.05));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void burstsComeFasterThanTheAverageWhileTheSenderIsOn(long seed) {
        // duty 10%: packets come at ten times the average while on, so a short look sees either a lot or nothing
        Traffic t = traffic(seed, 1e6, 0.1, 1_000_000);
        long busy = 0;
        long quiet = 0;
        for (long now = 100_000; now <= 200_000_000; now += 100_000) {
            long n = t.arrivalsUntil(now);
            if (n == 0) {
                quiet++;
            } else if (n >= 900) { // 100 us at 10 Mpps: 1000 packets, allowing for an edge
                busy++;
            }
        }
        assertThat(quiet).as("seed %d: windows with no packet", seed).isGreaterThan(1000);
        assertThat(busy).as("seed %d: windows at the on-rate", seed).isGreaterThan(100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nextArrivalIsPureAndDoesNotChangeLaterCounts(long seed) {
        Random random = random(seed);
        double duty = seed % 2 == 0 ? 1.0 : 0.2;
        Traffic looked = traffic(seed, 3e6, duty, 50_000);
        Traffic plain = traffic(seed, 3e6, duty, 50_000);
        long now = 0;
        for (int i = 0; i < 5_000; i++) {
            long first = looked.nextArrival();
            long second = looked.nextArrival();
            assertThat(second).as("seed %d step %d: asked twice", seed, i).isEqualTo(first);
            now += 1 + random.nextInt(20_000);
            assertThat(looked.arrivalsUntil(now)).as("seed %d step %d: count up to %d", seed, i, now)
                    .isEqualTo(plain.arrivalsUntil(now));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noPacketArrivesBeforeNextArrivalAndASmoothSenderDeliversOneAtIt(long seed) {
        Random random = random(seed);
        boolean smooth = seed % 2 == 0;
        double rate = Math.rint(1e4 + random.nextDouble() * 1e8);
        Traffic t = traffic(seed, rate, smooth ? 1.0 : 0.3, 20_000);
        long counted = 0;
        for (int i = 0; i < 5_000; i++) {
            long next = t.nextArrival();
            assertThat(next).as("seed %d step %d: after the last count", seed, i).isGreaterThan(counted);
            if (next - 1 > counted) {
                assertThat(t.arrivalsUntil(next - 1)).as("seed %d step %d: before %d", seed, i, next).isZero();
            }
            long n = t.arrivalsUntil(next);
            counted = next;
            if (smooth) {
                assertThat(n).as("seed %d step %d: at %d", seed, i, next).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aSilentSenderNeverSendsAnything() {
        Traffic t = traffic(1, 0, 1.0, 200_000);
        assertThat(t.nextArrival()).isEqualTo(Long.MAX_VALUE);
        assertThat(t.arrivalsUntil(1_000_000_000L)).isZero();
        Traffic bursty = traffic(1, 0, 0.5, 200_000);
        assertThat(bursty.arrivalsUntil(1_000_000_000L)).isZero();
        assertThat(bursty.nextArrival()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void countingBackwardsOrTwiceGivesNothing() {
        Traffic t = traffic(1, 1e9 / 128, 1.0, 200_000); // one packet every 128 ns (exact in binary)
        assertThat(t.arrivalsUntil(1_024)).isEqualTo(8);
        assertThat(t.arrivalsUntil(1_024)).isZero();
        assertThat(t.arrivalsUntil(500)).isZero();
        assertThat(t.arrivalsUntil(1_344)).as("2.5 packets' time").isEqualTo(2);
        assertThat(t.nextArrival()).as("the half packet completes 64 ns later").isEqualTo(1_408);
    }

    @Test
    void aRateChangeAppliesFromTheLastCount() {
        Traffic t = traffic(1, 1e6, 1.0, 200_000);
        assertThat(t.arrivalsUntil(1_000_000)).isBetween(999L, 1_000L);
        t.configure(params(4e6, 1.0, 200_000));
        assertThat(t.arrivalsUntil(2_000_000)).isBetween(3_999L, 4_001L);
        assertThat(t.rate()).isEqualTo(4e6);
    }

    @Test
    void aCopyDrawsTheSameFuture() {
        Rng rng = new Rng(9);
        Traffic t = new Traffic(rng, params(2e6, 0.25, 30_000), 0);
        t.arrivalsUntil(1_000_000);
        Rng copiedRng = rng.copy();
        Traffic copy = t.copy(copiedRng);
        for (long now = 1_100_000; now < 50_000_000; now += 77_777) {
            assertThat(copy.nextArrival()).isEqualTo(t.nextArrival());
            assertThat(copy.arrivalsUntil(now)).as("at %d", now).isEqualTo(t.arrivalsUntil(now));
        }
    }
}
