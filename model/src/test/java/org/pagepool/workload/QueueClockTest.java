// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue clock always names the earliest queue, the lowest index among equal times (times before 0, which
 * mean at once, equal to 0), as a scan would.
 */
class QueueClockTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theFirstQueueIsTheEarliestAndTiesGoToTheLowestIndex(long seed) {
        Random r = new Random(seed);
        for (int queues : new int[] {1, 2, 3, 16, 17, 64}) {
            QueueClock clock = new QueueClock(queues);
            long[] times = new long[queues];
            Arrays.fill(times, Long.MAX_VALUE);
            for (int i = 0; i < 5_000; i++) {
                int q = r.nextInt(queues);
                // few distinct times, so ties are common; MIN_VALUE and MAX_VALUE too
                long t = switch (r.nextInt(10)) {
                    case 0 -> Long.MAX_VALUE;
                    case 1 -> Long.MIN_VALUE;
                    default -> r.nextInt(8);
                };
                times[q] = t;
                clock.set(q, t);
                if (r.nextInt(50) == 0) {
                    clock = clock.copy(); // a copy carries on the same
                }
                int expected = 0;
                for (int k = 1; k < queues; k++) {
                    // a time before 0 means at once: the same as 0 (the simulation starts at 0)
                    if (Math.max(times[k], 0) < Math.max(times[expected], 0)) {
                        expected = k;
                    }
                }
                assertThat(clock.first()).as("seed %d, %d queues, change %d", seed, queues, i).isEqualTo(expected);
                assertThat(clock.time(q)).isEqualTo(t);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theFirstTimeExceptAQueueIsTheEarliestOfTheOthers(long seed) {
        Random r = new Random(seed);
        for (int queues : new int[] {2, 3, 16, 17, 64}) {
            QueueClock clock = new QueueClock(queues);
            long[] times = new long[queues];
            Arrays.fill(times, Long.MAX_VALUE);
            for (int i = 0; i < 2_000; i++) {
                int q = r.nextInt(queues);
                times[q] = r.nextInt(10) == 0 ? Long.MAX_VALUE : r.nextInt(1000);
                clock.set(q, times[q]);
                int except = r.nextInt(queues);
                long expected = Long.MAX_VALUE;
                for (int k = 0; k < queues; k++) {
                    if (k != except) {
                        expected = Math.min(expected, times[k]);
                    }
                }
                long got = clock.firstExcept(except);
                if (expected == Long.MAX_VALUE) {
                    assertThat(got).as("seed %d, %d queues: never sorts after every real time", seed, queues)
                            .isGreaterThan(1L << 50);
                } else {
                    assertThat(got).as("seed %d, %d queues, change %d", seed, queues, i).isEqualTo(expected);
                }
            }
        }
    }
}
