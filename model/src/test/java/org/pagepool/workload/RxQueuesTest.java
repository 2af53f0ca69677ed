// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagepool.nic.Wire;

/**
 * Each queue of a NIC sees its own packets: what it counts, and when its
 * next one comes, never depend on when the other queues count theirs. That
 * is what lets a queue run ahead of the others ({@link Simulation#run}).
 */
class RxQueuesTest {
    private static final int QUEUES = 6;

    /** A NIC of {@value #QUEUES} queues with skewed shares (one queue gets none for odd seeds), its link up at 0. */
    private static Wire[] nic(long seed) {
        double[] shares = new double[QUEUES];
        for (int q = 0; q < QUEUES; q++) {
            shares[q] = seed % 2 == 1 && q == QUEUES - 1 ? 0 : 1.0 / (q + 1);
        }
        WorkloadParams params = WorkloadParams.defaults().with(Param.RATE, 1e6 * seed).with(Param.DUTY,
                seed % 3 == 0 ? 0.3 : 1.0);
        RxQueues queues = new RxQueues(new Arrivals(new Rng(seed), params), new Rng(~seed), new RssSpreader(shares));
        Wire[] wires = new Wire[QUEUES];
        for (int q = 0; q < QUEUES; q++) {
            wires[q] = queues.wire(q);
        }
        for (Wire w : wires) {
            w.linkUp(0);
        }
        return wires;
    }

    /**
     * Queue 0 asks at the same times on two NICs of the same seeds; on one
     * the other queues also ask, at random times ahead of or behind it, on
     * the other they never do. Queue 0 counts the same packets, and expects
     * its next one at the same time, on both.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void aQueueCountsItsPacketsWhateverTheOthersCount(long seed) {
        Random random = TrafficTest.random(seed);
        Wire[] busy = nic(seed);
        Wire[] alone = nic(seed);
        long t = 0;
        long counted = 0;
        for (int i = 0; i < 2_000; i++) {
            t += 1 + random.nextInt(3_000);
            for (int k = 0; k < 3; k++) {
                int q = 1 + random.nextInt(QUEUES - 1);
                busy[q].arrivalsUntil(Math.max(0, t + random.nextInt(20_000) - 10_000));
            }
            assertThat(busy[0].nextArrival()).as("seed %d at %d ns", seed, t).isEqualTo(alone[0].nextArrival());
            long n = alone[0].arrivalsUntil(t);
            assertThat(busy[0].arrivalsUntil(t)).as("seed %d at %d ns", seed, t).isEqualTo(n);
            counted += n;
        }
        assertThat(counted).as("seed %d", seed).isPositive();
    }

    /** A waiting queue is woken at its next packet's arrival: not a ns early, and with the packet there. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.pagepool.workload.TrafficTest#seeds")
    void aQueuesNextArrivalIsWhenItsNextPacketComes(long seed) {
        Random random = TrafficTest.random(seed);
        Wire[] wires = nic(seed);
        for (int i = 0; i < 500; i++) {
            int q = random.nextInt(QUEUES);
            long next = wires[q].nextArrival();
            if (next == Long.MAX_VALUE) {
                assertThat(q).as("seed %d: only a queue RSS gives nothing waits for ever", seed)
                        .isEqualTo(QUEUES - 1);
                continue;
            }
            // another queue counts around then, which sends the packet on its way (or not yet)
            wires[(q + 1 + random.nextInt(QUEUES - 1)) % QUEUES].arrivalsUntil(next + random.nextInt(2_000) - 1_000);
            assertThat(wires[q].arrivalsUntil(next - 1)).as("seed %d queue %d before %d", seed, q, next).isZero();
            assertThat(wires[q].arrivalsUntil(next)).as("seed %d queue %d at %d", seed, q, next).isPositive();
        }
    }
}
