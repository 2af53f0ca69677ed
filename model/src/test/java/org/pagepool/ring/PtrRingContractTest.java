// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ptr_ring contract (KERNEL-NOTES "ptr_ring"), the same assertions for
 * every ring size: small rings that never batch, the 32/33 boundary, and the
 * pool's default 1024.
 */
class PtrRingContractTest {

    static IntStream sizes() {
        return IntStream.of(1, 2, 4, 31, 32, 33, 64, 1024);
    }

    static Stream<Arguments> sizesAndSeeds() {
        return sizes().boxed().flatMap(size -> Stream.of(1L, 7L, 2021L).map(seed -> Arguments.of(size, seed)));
    }

    private static int expectedBatch(int size) {
        return 16 > size / 2 ? 1 : 16;
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void newRingIsEmpty(int size) {
        PtrRing ring = new PtrRing(size);

        assertThat(ring.size()).isEqualTo(size);
        assertThat(ring.batch()).isEqualTo(expectedBatch(size));
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.peek()).isEqualTo(PtrRing.NULL);
        assertThat(ring.consume()).isEqualTo(PtrRing.NULL);
        assertThat(ring.count()).isZero();
        assertThat(ring.stale()).isZero();
        assertThat(ring.producer()).isZero();
        assertThat(ring.consumerHead()).isZero();
        assertThat(ring.consumerTail()).isZero();
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void holdsExactlySizeEntriesWhenNothingIsStale(int size) {
        PtrRing ring = new PtrRing(size);

        for (int i = 1; i <= size; i++) {
            assertThat(ring.produce(i)).as("entry %d of %d", i, size).isTrue();
        }

        assertThat(ring.produce(-1)).as("entry %d", size).isFalse();
        assertThat(ring.count()).isEqualTo(size);
        assertThat(ring.producer()).as("the producer wrapped").isZero();
        assertThat(ring.isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void refusedProduceChangesNothing(int size) {
        PtrRing ring = new PtrRing(size);
        for (int i = 1; i <= size; i++) {
            ring.produce(i);
        }

        ring.produce(-1);

        assertThat(ring.count()).isEqualTo(size);
        List<Integer> live = new ArrayList<>();
        ring.forEachLive(live::add);
        assertThat(live).isEqualTo(IntStream.rangeClosed(1, size).boxed().toList());
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void consumesInFifoOrderAcrossSeveralWrapArounds(int size) {
        PtrRing ring = new PtrRing(size);
        int next = 1; // 0 is NULL
        int expected = 1;
        // three rounds of fill-to-full then drain: producer and consumer both wrap
        for (int round = 0; round < 3; round++) {
            int accepted = 0;
            while (ring.produce(next)) {
                next++;
                accepted++;
            }
            // a drained ring keeps fewer than batch stale slots, which cost capacity
            assertThat(accepted).as("round %d", round).isGreaterThan(size - ring.batch())
                    .isLessThanOrEqualTo(size);
            if (round == 0) {
                assertThat(accepted).isEqualTo(size);
            }
            int got;
            while ((got = ring.consume()) != PtrRing.NULL) {
                assertThat(got).as("round %d", round).isEqualTo(expected++);
            }
        }
        assertThat(expected).isEqualTo(next);
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void peekShowsTheOldestWithoutConsumingIt(int size) {
        PtrRing ring = new PtrRing(size);
        ring.produce(42);

        assertThat(ring.peek()).isEqualTo(42);
        assertThat(ring.count()).isEqualTo(1);
        assertThat(ring.consume()).isEqualTo(42);
        assertThat(ring.peek()).isEqualTo(PtrRing.NULL);
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void batchOfOneNeverLeavesStaleSlots(int size) {
        PtrRing ring = new PtrRing(size);
        if (ring.batch() != 1) {
            return; // covered by the batched cases below
        }
        for (int i = 1; i <= 3 * size; i++) {
            assertThat(ring.produce(i)).isTrue();
            assertThat(ring.consume()).isEqualTo(i);
            assertThat(ring.stale()).as("after consuming %d", i).isZero();
            assertThat(ring.slot((ring.consumerHead() + size - 1) % size)).as("the read slot is cleared")
                    .isEqualTo(PtrRing.NULL);
        }
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void staleSlotsAreClearedAfterExactlyOneBatchOrAtTheEndOfTheArray(int size) {
        PtrRing ring = new PtrRing(size);
        int batch = ring.batch();
        for (int i = 1; i <= size; i++) {
            ring.produce(i);
        }
        for (int i = 0; i < size; i++) {
            ring.consume();
            int head = i + 1;
            int expectedStale = head == size ? 0 : head % batch;
            assertThat(ring.stale()).as("after %d of %d consumed (batch %d)", head, size, batch)
                    .isEqualTo(expectedStale);
            assertThat(ring.consumerHead()).isEqualTo(head % size);
        }
        // every slot is free again: the ring takes size entries
        for (int i = 1; i <= size; i++) {
            assertThat(ring.produce(i)).isTrue();
        }
        assertThat(ring.produce(-1)).isFalse();
    }

    @ParameterizedTest(name = "size {0}")
    @MethodSource("sizes")
    void forEachLiveListsOldestFirstAcrossTheWrap(int size) {
        PtrRing ring = new PtrRing(size);
        // move the consumer to the middle so the live entries wrap round the array end
        int shift = size / 2 + 1;
        for (int i = 0; i < shift; i++) {
            ring.produce(-i - 1);
            ring.consume();
        }
        List<Integer> produced = new ArrayList<>();
        for (int i = 1; ring.produce(i); i++) {
            produced.add(i);
        }

        List<Integer> live = new ArrayList<>();
        ring.forEachLive(live::add);

        assertThat(live).isEqualTo(produced);
        assertThat(ring.count()).isEqualTo(produced.size());
    }

    @ParameterizedTest(name = "size {0}, seed {1}")
    @MethodSource("sizesAndSeeds")
    void randomProduceAndConsumeKeepsTheContract(int size, long seed) {
        Random random = new Random(seed);
        PtrRing ring = new PtrRing(size);
        Deque<Integer> model = new ArrayDeque<>();
        int next = 1; // 0 is NULL
        for (int step = 0; step < Math.min(20 * size, 3000) + 200; step++) {
            // bursts of one kind make the ring reach full and empty
            boolean produce = random.nextInt(100) < (step / 50 % 2 == 0 ? 70 : 30);
            if (produce) {
                boolean full = ring.count() + ring.stale() == size;
                boolean accepted = ring.produce(next);
                assertThat(accepted).as("seed %d step %d: refused exactly when live + stale = size", seed, step)
                        .isEqualTo(!full);
                if (accepted) {
                    model.addLast(next);
                }
                next++;
            } else {
                Integer oldest = model.pollFirst();
                assertThat(ring.consume()).as("seed %d step %d: FIFO", seed, step)
                        .isEqualTo(oldest == null ? PtrRing.NULL : oldest);
            }
            assertThat(ring.count()).as("seed %d step %d count", seed, step).isEqualTo(model.size());
            assertThat(ring.isEmpty()).as("seed %d step %d empty", seed, step).isEqualTo(model.isEmpty());
            assertThat(ring.stale()).as("seed %d step %d stale below batch", seed, step)
                    .isBetween(0, ring.batch() - 1);
            assertThat(ring.count() + ring.stale()).as("seed %d step %d", seed, step).isLessThanOrEqualTo(size);
            int nonNull = 0;
            int wrongStaleFlags = 0;
            for (int i = 0; i < size; i++) {
                if (ring.slot(i) != PtrRing.NULL) {
                    nonNull++;
                }
                if (ring.isStale(i) != (i >= ring.consumerTail() && i < ring.consumerHead())) {
                    wrongStaleFlags++;
                }
            }
            assertThat(wrongStaleFlags).as("seed %d step %d: isStale", seed, step).isZero();
            assertThat(nonNull).as("seed %d step %d: occupied slots = live + stale", seed, step)
                    .isEqualTo(ring.count() + ring.stale());
            List<Integer> live = new ArrayList<>();
            ring.forEachLive(live::add);
            assertThat(live).as("seed %d step %d live entries", seed, step).containsExactlyElementsOf(model);
        }
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> new PtrRing(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtrRing(-4)).isInstanceOf(IllegalArgumentException.class);
    }
}
