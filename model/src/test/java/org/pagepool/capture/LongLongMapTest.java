// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The map against java.util.HashMap over seeded random puts and removes (deletion by shifting back). */
class LongLongMapTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261204})
    void agreesWithHashMap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LongLongMap map = new LongLongMap(4);
        Map<Long, Long> truth = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // few distinct keys so that probe runs collide and wrap; some huge keys (kernel addresses)
            long key = random.nextInt(4) == 0 ? 0xffff_8881_0000_0000L + random.nextInt(512) : random.nextInt(3000);
            if (random.nextInt(1000) == 0) {
                key = LongLongMap.FREE; // the key that marks free slots works like any other
            }
            int op = random.nextInt(3);
            if (op == 0) {
                long value = random.nextLong();
                Long old = truth.put(key, value);
                assertThat(map.put(key, value)).as("seed %d step %d put", seed, step)
                        .isEqualTo(old == null ? LongLongMap.FREE : old);
            } else if (op == 1) {
                Long old = truth.remove(key);
                assertThat(map.remove(key)).as("seed %d step %d remove", seed, step)
                        .isEqualTo(old == null ? LongLongMap.FREE : old);
            } else {
                assertThat(map.get(key, -7)).as("seed %d step %d get", seed, step)
                        .isEqualTo(truth.getOrDefault(key, -7L));
            }
            assertThat(map.size()).as("seed %d step %d size", seed, step).isEqualTo(truth.size());
        }
        Map<Long, Long> visited = new HashMap<>();
        map.forEach(visited::put);
        assertThat(visited).as("seed %d", seed).isEqualTo(truth);
    }
}
