// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The skb queue gives skbs back in exactly the order a plain priority queue
 * on (time, order queued) would, whatever the mix of adds, removals and
 * copies: the simulation's determinism rests on it.
 */
class SkbWheelTest {
    private record Skb(long time, long seq, int page, int cpu, byte kind) {
    }

    private static final int OPS = 100_000;
    private static final Comparator<Skb> ORDER = Comparator.comparingLong(Skb::time).thenComparingLong(Skb::seq);

    /** Seeds, each with a wheel's slot and horizon bits: the default, and small wheels most skbs are beyond. */
    static Stream<Arguments> seedsAndWheels() {
        int[][] wheels = {{SkbWheel.SLOT_BITS, SkbWheel.WHEEL_BITS}, {0, 6}, {6, 6}, {14, 8}};
        long[] seeds = {1, 2, 3, 42, 1234, 99_999};
        return Stream.of(wheels).flatMap(w -> LongStream.of(seeds).mapToObj(s -> Arguments.of(s, w[0], w[1])));
    }

    @ParameterizedTest(name = "seed {0}, slots of 2^{1} ns, 2^{2} of them")
    @MethodSource("seedsAndWheels")
    void takesSkbsOutInTimeThenQueueOrder(long seed, int slotBits, int wheelBits) {
        SplittableRandom random = new SplittableRandom(seed);
        SkbWheel heap = new SkbWheel(slotBits, wheelBits);
        PriorityQueue<Skb> reference = new PriorityQueue<>(ORDER);
        long now = 0;
        long seq = 0;
        SkbWheel copy = null;
        SkbWheel kept = null;
        List<Skb> copyReference = null;
        for (int op = 0; op < OPS; op++) {
            int choice = random.nextInt(100);
            if (choice < 55 || reference.isEmpty()) {
                // lifetimes from 0 (same ns: ties) to tens of ms, as sockets have
                long lifetime = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(3);
                    case 1 -> random.nextLong(1_000);
                    case 2 -> random.nextLong(1_000_000);
                    default -> random.nextLong(40_000_000);
                };
                Skb skb = new Skb(now + lifetime, seq++, random.nextInt(1, Integer.MAX_VALUE), random.nextInt(64),
                        (byte) random.nextInt(2));
                heap.add(skb.time(), skb.page(), skb.cpu(), skb.kind());
                reference.add(skb);
            } else {
                Skb expected = reference.poll();
                Skb top = new Skb(heap.nextTime(), expected.seq(), heap.topPage(), heap.topCpu(), heap.topKind());
                if (!top.equals(expected)) { // checked cheaply: a million assertions would take a minute
                    assertThat(top).as("seed %d, op %d", seed, op).isEqualTo(expected);
                }
                heap.removeTop();
                now = expected.time(); // the simulation's clock reaches the free
                // sometimes time moves on with nothing due
                if (random.nextInt(10) == 0 && !reference.isEmpty()) {
                    now += random.nextLong(reference.peek().time() - now + 1);
                }
            }
            if (heap.size() != reference.size()) {
                assertThat(heap.size()).as("seed %d, op %d: size", seed, op).isEqualTo(reference.size());
            }
            if (op == OPS / 2) {
                copy = heap.copy();
                kept = heap.copy();
                kept.keep();
                copyReference = new ArrayList<>(reference);
            }
        }
        assertThat(pages(heap)).containsExactlyInAnyOrderElementsOf(reference.stream().map(Skb::page).toList());
        // the copies taken half way go on from where they were, independent of the original: one to run, and a
        // copy of one kept (its far skbs packed)
        copyReference.sort(ORDER);
        SkbWheel fromKept = kept.copy();
        for (SkbWheel c : List.of(copy, fromKept)) {
            for (Skb expected : copyReference) {
                if (c.topPage() != expected.page() || c.nextTime() != expected.time()) {
                    assertThat(c.topPage()).as("seed %d: a copy", seed).isEqualTo(expected.page());
                    assertThat(c.nextTime()).as("seed %d: a copy", seed).isEqualTo(expected.time());
                }
                c.removeTop();
            }
            assertThat(c.size()).isZero();
            assertThat(c.nextTime()).isEqualTo(Long.MAX_VALUE);
        }
    }

    private static List<Integer> pages(SkbWheel heap) {
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < heap.size(); i++) {
            pages.add(heap.page(i));
        }
        return pages;
    }

    @Test
    void anSkbFreedBeforeTheLastOneTakenOutIsRefused() {
        SkbWheel heap = new SkbWheel();
        heap.add(1_000, 1, 0, SkbWheel.SKB);
        heap.add(2_000, 2, 0, SkbWheel.SKB);
        heap.removeTop();
        assertThatThrownBy(() -> heap.add(999, 3, 0, SkbWheel.SKB)).isInstanceOf(IllegalArgumentException.class);
        assertThat(heap.size()).isEqualTo(1);
    }

    @Test
    void skbsDueAtOneNanosecondComeOutInQueueOrderWhileMoreJoinThem() {
        SkbWheel heap = new SkbWheel();
        heap.add(10, 1, 0, SkbWheel.SKB);
        // a NAPI poll's worth of skbs freed at the same time, queued after an earlier one
        for (int page = 100; page < 1100; page++) {
            heap.add(5_000, page, 0, SkbWheel.SKB);
        }
        heap.removeTop(); // page 1 at 10 ns: the 1000 move down together
        assertThat(heap.topPage()).isEqualTo(100);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            order.add(heap.topPage());
            heap.removeTop();
        }
        heap.add(5_000, 7, 0, SkbWheel.SKB); // due now too: after every skb queued before it
        while (heap.size() > 0) {
            order.add(heap.topPage());
            heap.removeTop();
        }
        List<Integer> expected = new ArrayList<>();
        for (int page = 100; page < 1100; page++) {
            expected.add(page);
        }
        expected.add(7);
        assertThat(order).isEqualTo(expected);
        assertThat(heap.nextTime()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "slots of 2^{0} ns, 2^{1} of them")
    @CsvSource({"10, 12", "0, 6", "6, 6"})
    void theEntriesReadInIndexOrderAreEveryQueuedSkbOnce(int slotBits, int wheelBits) {
        SkbWheel heap = new SkbWheel(slotBits, wheelBits);
        for (int page = 1; page <= 300; page++) {
            heap.add(1_000L * (page % 17), page, page % 5, page % 3 == 0 ? SkbWheel.CLONE : SkbWheel.SKB);
        }
        heap.removeTop(); // spreads the entries over several buckets
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < heap.size(); i++) {
            int page = heap.page(i);
            assertThat(heap.page(i)).as("read twice").isEqualTo(page);
            assertThat(heap.kind(i)).isEqualTo(page % 3 == 0 ? SkbWheel.CLONE : SkbWheel.SKB);
            pages.add(page);
        }
        assertThat(heap.page(3)).as("read out of order").isEqualTo(pages.get(3));
        assertThat(pages).hasSize(299).doesNotHaveDuplicates().doesNotContain(17);
    }
}
