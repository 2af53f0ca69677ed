// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sender of a NIC with several queues: the rate and the bursts of
 * {@link Traffic}, and packet times that do not depend on how the counting
 * is split or on looking ahead.
 */
class ArrivalsTest {

    /** A sender of random settings (bursty for odd seeds), its link up at 0. */
    private static Arrivals sender(long seed) {
        Random random = TrafficTest.random(seed);
        double rate = Math.rint(1e4 + random.nextDouble() * 5e7);
        double duty = seed % 2 == 0 ? 1.0 : 0.05 + random.nextDouble() * 0.9;
        double burst = Math.rint(5_000 + random.nextDouble() * 100_000);
        Arrivals a = new Arrivals(new Rng(seed), TrafficTest.params(rate, duty, burst));
        a.linkUp(0);
        return a;
    }

    /** {@link #sender} with the packets of its first millisecond taken. */
    private static Arrivals senderAfterOneMs(long seed) {
        Arrivals a = sender(seed);
        take(a, new long[] {1_000_000});
        return a;
    }

    /** Every packet {@code a} sends by {@code until}, asked for at the times {@code asks} (increasing). */
    private static List<Long> take(Arrivals a, long[] asks) {
        List<Long> times = new ArrayList<>();
        for (long t : asks) {
            for (long at = a.takeBy(t); at != Arrivals.NEVER; at = a.takeBy(t)) {
                assertThat(at).isLessThanOrEqualTo(t);
                times.add(at);
            }
        }
        return times;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void aSmoothSenderSendsRateTimesTimeWithinOnePacket(long seed) {
        Random random = TrafficTest.random(seed);
        double rate = Math.rint(Math.exp(Math.log(1e3) + random.nextDouble() * (Math.log(2e8) - Math.log(1e3))));
        Arrivals a = new Arrivals(new Rng(seed), TrafficTest.params(rate, 1.0, 200_000));
        a.linkUp(0);
        long now = 0;
        long total = 0;
        for (int i = 0; i < 500; i++) {
            now += 1 + (long) (random.nextDouble() * random.nextDouble() * 5_000_000);
            while (a.takeBy(now) != Arrivals.NEVER) {
                total++;
            }
            assertThat((double) total).as("seed %d rate %.1f at %d ns", seed, rate, now)
                    .isCloseTo(rate * now / 1e9, within(1.0));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void burstsAverageToTheRateOverALongTime(long seed) {
        Random random = TrafficTest.random(seed);
        double rate = Math.rint(1e5 + random.nextDouble() * 1e6);
        double duty = 0.05 + random.nextDouble() * 0.9;
        double burst = Math.rint(10_000 + random.nextDouble() * 200_000);
        Arrivals a = new Arrivals(new Rng(seed), TrafficTest.params(rate, duty, burst));
        a.linkUp(0);
        long horizon = (long) (20_000 * burst / duty); // enough on/off cycles for the on-time share to settle
        long total = 0;
        while (a.takeBy(horizon) != Arrivals.NEVER) {
            total++;
        }
        double expected = rate * horizon / 1e9;
        assertThat(total / expected).as("seed %d: rate %.0f duty %.2f burst %.0f ns: %d packets, expected %.0f",
                seed, rate, duty, burst, total, expected).isCloseTo(1.0, within(0.05));
    }

    /** The queues count at their own times: whatever the pieces, the same packets at the same times. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void countingInPiecesGivesTheSamePacketsAtTheSameTimes(long seed) {
        Random random = TrafficTest.random(seed);
        long horizon = 2_000_000;
        long[] pieces = new long[200];
        long t = 0;
        for (int i = 0; i < pieces.length - 1; i++) {
            t = Math.min(horizon, t + (long) (random.nextDouble() * random.nextDouble() * 2 * horizon / pieces.length));
            pieces[i] = t;
        }
        pieces[pieces.length - 1] = horizon;
        List<Long> inOneGo = take(sender(seed), new long[] {horizon});
        assertThat(inOneGo).as("seed %d", seed).isNotEmpty();
        assertThat(take(sender(seed), pieces)).as("seed %d", seed).isEqualTo(inOneGo);
    }

    /**
     * The NIC's sender takes a period's packets in one loop, a few at a
     * time (small buffers here, so that a run stops both at the buffer's
     * end and at the period's): the same packets as taking them one by one,
     * and the sender is left where those leave it (its next packets, a rate
     * changed afterwards, from the last packet taken).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void takingAPeriodsPacketsInOneLoopTakesThemAsOneByOne(long seed) {
        Random random = TrafficTest.random(seed);
        Arrivals oneByOne = sender(seed);
        Arrivals inRuns = sender(seed);
        long[] buffer = new long[1 + random.nextInt(40)];
        List<Long> runs = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 300; i++) {
            t += (long) (random.nextDouble() * 20_000);
            int n;
            do {
                n = inRuns.takeRun(t, buffer);
                for (int k = 0; k < n; k++) {
                    runs.add(buffer[k]);
                }
                if (n == 0 && inRuns.due() <= t) {
                    long at = inRuns.takeBy(t); // a period ends first
                    if (at != Arrivals.NEVER) {
                        runs.add(at);
                    }
                }
            } while (inRuns.due() <= t);
        }
        assertThat(runs).as("seed %d", seed).isNotEmpty().isEqualTo(take(oneByOne, new long[] {t}));
        // changed at a clock behind the last packet taken, as when a queue counted ahead of it
        long clock = runs.get(runs.size() - 1) - 1;
        WorkloadParams faster = TrafficTest.params(3e7, 1.0, 100_000);
        oneByOne.configure(faster, clock);
        inRuns.configure(faster, clock);
        assertThat(take(inRuns, new long[] {t + 1_000_000})).as("seed %d: after a change of rate", seed)
                .isEqualTo(take(oneByOne, new long[] {t + 1_000_000}));
    }

    /**
     * Taking everything up to a time a period at a time ({@link
     * Arrivals#takeUntil}) takes as many packets as taking them one by one
     * and leaves the sender where that leaves it: the same next packets, the
     * same periods drawn, a rate changed afterwards from the same last
     * packet.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void takingUntilATimeAtOnceTakesWhatTakingOneByOneTakes(long seed) {
        Random random = TrafficTest.random(seed);
        Arrivals oneByOne = sender(seed);
        Arrivals atOnce = sender(seed);
        long t = 0;
        for (int i = 0; i < 30; i++) {
            t += (long) (random.nextDouble() * 200_000);
            long taken = atOnce.takeUntil(t);
            assertThat(taken).as("seed %d, by %d", seed, t).isEqualTo(take(oneByOne, new long[] {t}).size());
            assertThat(atOnce.due()).as("seed %d, by %d", seed, t).isEqualTo(oneByOne.due());
            assertThat(atOnce.lastTaken()).as("seed %d, by %d", seed, t).isEqualTo(oneByOne.lastTaken());
        }
        WorkloadParams faster = TrafficTest.params(3e7, 1.0, 100_000);
        oneByOne.configure(faster, t);
        atOnce.configure(faster, t);
        assertThat(take(atOnce, new long[] {t + 1_000_000})).as("seed %d: after a change of rate", seed)
                .isEqualTo(take(oneByOne, new long[] {t + 1_000_000}));
    }

    /** A waiting queue is woken at the time looked up ahead: it must be the time the packet then comes at. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void packetsLookedUpAheadComeAtTheTimesLookedUp(long seed) {
        Arrivals a = senderAfterOneMs(seed);
        Arrivals look = a.copy();
        List<Long> ahead = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long known = a.timeAhead(i);
            long peeked = look.peek();
            if (known >= 0) {
                assertThat(peeked).as("seed %d: packet %d ahead", seed, i).isEqualTo(known);
            }
            ahead.add(peeked);
        }
        assertThat(take(a, new long[] {ahead.get(ahead.size() - 1)})).as("seed %d", seed).isEqualTo(ahead);
    }

    /**
     * Looking far ahead skips whole periods: the same time for every packet
     * as taking the packets before it one by one, across many on and off
     * periods (bursty senders, odd seeds) and within one (smooth ones).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void skippingAheadAPeriodAtATimeFindsThePacketsWhereTakingThemFindsThem(long seed) {
        Arrivals a = senderAfterOneMs(seed);
        Arrivals look = a.copy();
        Random random = TrafficTest.random(seed);
        for (int i = 0; i < 50_000; i++) {
            long peeked = look.peek();
            if (i < 300 || random.nextInt(100) == 0) {
                assertThat(a.copy().skipTo(i)).as("seed %d: packet %d ahead", seed, i).isEqualTo(peeked);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void aNewRateActsFromTheChangeOn(long seed) {
        Arrivals changed = sender(seed * 2); // a smooth sender
        Arrivals unchanged = sender(seed * 2);
        long change = 3_000_000;
        List<Long> before = take(changed, new long[] {change});
        assertThat(before).isEqualTo(take(unchanged, new long[] {change}));
        double rate = 1e6 * (1 + seed);
        changed.configure(TrafficTest.params(rate, 1.0, 200_000), change);
        List<Long> after = take(changed, new long[] {change + 10_000_000});
        assertThat(after).allSatisfy(at -> assertThat(at).isGreaterThan(change));
        assertThat((double) after.size()).as("seed %d", seed).isCloseTo(rate * 0.01, within(1.0));
    }
}
