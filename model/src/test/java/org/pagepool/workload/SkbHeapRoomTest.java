// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A copy of the radix heap takes only the room its entries use: skbs of long
 * lifetimes move through many buckets, each of which keeps the most it ever
 * held (13's 25,000 skbs of 100 ms: 16 MB for 0.6 MB of entries), and every
 * step-back snapshot used to copy all of it.
 */
class SkbHeapRoomTest {
    private static final long ENTRY_BYTES = 24;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2026})
    void aCopyTakesOnlyTheRoomItsEntriesUse(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SkbHeap heap = new SkbHeap();
        long now = 0;
        long seq = 0;
        // one skb every 4 us living 50..150 ms: about 25,000 in the heap, over 5 s of simulated time
        for (int i = 0; i < 1_250_000; i++) {
            now += 4_000;
            heap.add(now + random.nextLong(50_000_000, 150_000_000), seq++, i);
            while (heap.nextTime() <= now) {
                heap.removeTop();
            }
        }
        assertThat(heap.size()).as("seed %d", seed).isBetween(20_000, 30_000);
        assertThat(heap.roomBytes()).as("seed %d: the original's room, for the copy to be smaller", seed)
                .isGreaterThan(8 * ENTRY_BYTES * heap.size());
        SkbHeap copy = heap.copy();
        assertThat(copy.roomBytes()).as("seed %d: a copy's room", seed)
                .isLessThan(2 * ENTRY_BYTES * heap.size() + 64 * 1024);
        while (heap.size() > 0) {
            assertThat(copy.nextTime()).isEqualTo(heap.nextTime());
            assertThat(copy.topData()).isEqualTo(heap.topData());
            heap.removeTop();
            copy.removeTop();
        }
        assertThat(copy.size()).isZero();
    }
}
