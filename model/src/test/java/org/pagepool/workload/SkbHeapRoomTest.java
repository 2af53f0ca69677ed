// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The radix heap's room follows its entries: skbs of long lifetimes move
 * through many buckets, and when every bucket kept the most it ever held,
 * 13's 25,000 skbs of 100 ms (0.6 MB of entries) kept 16 MB of buckets, all
 * of which every step-back snapshot copied.
 */
class SkbHeapRoomTest {
    private static final long ENTRY_BYTES = 24;
    /** What a copy keeps per entry, packed: a bucket holds 24 bytes and more. */
    private static final long PACKED_BYTES = 12;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2026})
    void roomStaysNearTheEntriesAndACopyTakesOnlyWhatItUses(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SkbHeap heap = new SkbHeap();
        long now = 0;
        long seq = 0;
        // one skb every 4 us living 50..150 ms: about 25,000 in the heap, over 5 s of simulated time
        for (int i = 0; i < 1_250_000; i++) {
            now += 4_000;
            long data = (long) random.nextInt(32_768) << 32 | random.nextInt(16) << 8; // a page and a CPU
            heap.add(now + random.nextLong(50_000_000, 150_000_000), seq++, data);
            while (heap.nextTime() <= now) {
                heap.removeTop();
            }
        }
        assertThat(heap.size()).as("seed %d", seed).isBetween(20_000, 30_000);
        assertThat(heap.roomBytes()).as("seed %d: room for %d entries", seed, heap.size())
                .isLessThan(8 * ENTRY_BYTES * heap.size());
        SkbHeap copy = heap.copy();
        assertThat(copy.roomBytes()).as("seed %d: a copy's room", seed)
                .isLessThan(2 * ENTRY_BYTES * heap.size() + 64 * 1024);
        SkbHeap kept = heap.copy();
        kept.keep();
        assertThat(kept.bytes()).as("seed %d: a kept copy packs its entries", seed)
                .isLessThan(PACKED_BYTES * heap.size() + 16 * 1024);
        SkbHeap fromKept = kept.copy();
        int entries = heap.size();
        long first = heap.nextTime();
        while (heap.size() > 0) {
            for (SkbHeap c : new SkbHeap[] {copy, fromKept}) {
                assertThat(c.nextTime()).as("seed %d", seed).isEqualTo(heap.nextTime());
                assertThat(c.topSeq()).as("seed %d", seed).isEqualTo(heap.topSeq());
                assertThat(c.topData()).as("seed %d", seed).isEqualTo(heap.topData());
                c.removeTop();
            }
            heap.removeTop();
        }
        assertThat(copy.size() + fromKept.size()).isZero();
        SkbHeap again = kept.copy(); // the kept copy is as it was: its copies run from the same entries
        assertThat(again.size()).isEqualTo(entries);
        assertThat(again.nextTime()).isEqualTo(first);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7})
    void aHeapThatOnlyGrowsKeepsNoArrayItOutgrew(long seed) {
        // skbs that live for minutes, none freed yet: what a run that exhausts memory does
        SplittableRandom random = new SplittableRandom(seed);
        SkbHeap heap = new SkbHeap();
        for (int i = 0; i < 200_000; i++) {
            heap.add(random.nextLong(1_000_000_000L, 600_000_000_000L), i, i);
        }
        SkbHeap copy = heap.copy(); // the room a heap of these entries needs, and no more
        assertThat(heap.roomBytes()).as("seed %d", seed).isLessThanOrEqualTo(copy.roomBytes() + 64 * 1024);
    }
}
