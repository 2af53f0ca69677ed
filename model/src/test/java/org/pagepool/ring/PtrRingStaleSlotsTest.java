// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Consumed-but-not-cleared slots keep the producer out: golden scripts
 * 04-ring-size32 and 05-ring-size33, step by step.
 */
class PtrRingStaleSlotsTest {

    private static void produce(PtrRing ring, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(ring.produce(1000 + i)).as("produce %d of %d", i, n).isTrue();
        }
    }

    private static void consume(PtrRing ring, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(ring.consume()).as("consume %d of %d", i, n).isNotEqualTo(PtrRing.NULL);
        }
    }

    @Test
    void size32RefusesAt28EntriesWithFourStaleSlots() {
        PtrRing ring = new PtrRing(32);
        produce(ring, 20); // slots 0..19
        consume(ring, 20); // 0..15 cleared as one batch, 16..19 stale

        assertThat(ring.count()).isZero();
        assertThat(ring.stale()).isEqualTo(4);
        assertThat(ring.consumerTail()).isEqualTo(16);
        assertThat(ring.consumerHead()).isEqualTo(20);
        assertThat(ring.slot(15)).isEqualTo(PtrRing.NULL);
        assertThat(ring.slot(16)).as("stale slots keep their old pointer").isEqualTo(1016);
        assertThat(ring.isStale(16)).isTrue();
        assertThat(ring.isStale(19)).isTrue();
        assertThat(ring.isStale(20)).isFalse();

        produce(ring, 28); // slots 20..31, then 0..15
        assertThat(ring.producer()).isEqualTo(16);
        assertThat(ring.produce(-1)).as("slot 16 is stale: L + k = 28 + 4 = 32").isFalse();
        assertThat(ring.count()).isEqualTo(28);
        assertThat(ring.stale()).isEqualTo(4);
    }

    @Test
    void size32ZeroesAtTheEndOfTheArrayAndWrapsHeadAndTail() {
        PtrRing ring = new PtrRing(32);
        produce(ring, 20);
        consume(ring, 20);
        produce(ring, 28);

        consume(ring, 11); // slots 20..30: head 31, tail still 16
        assertThat(ring.stale()).isEqualTo(15);
        consume(ring, 1); // slot 31: the end of the array clears 16..31 and wraps both
        assertThat(ring.consumerHead()).isZero();
        assertThat(ring.consumerTail()).isZero();
        assertThat(ring.stale()).isZero();
        for (int i = 16; i < 32; i++) {
            assertThat(ring.slot(i)).as("slot %d", i).isEqualTo(PtrRing.NULL);
        }

        consume(ring, 15); // slots 0..14
        assertThat(ring.stale()).isEqualTo(15);
        consume(ring, 1); // slot 15: a batch of 16
        assertThat(ring.stale()).isZero();
        assertThat(ring.count()).isZero();
        assertThat(ring.consumerTail()).isEqualTo(16);
    }

    @Test
    void size33IsFullAt33AndZeroesAt16At32AndAtTheEnd() {
        PtrRing ring = new PtrRing(33);
        produce(ring, 33);
        assertThat(ring.produce(-1)).isFalse();

        consume(ring, 16);
        assertThat(ring.stale()).isZero();
        assertThat(ring.consumerTail()).isEqualTo(16);
        consume(ring, 16);
        assertThat(ring.stale()).isZero();
        assertThat(ring.consumerTail()).isEqualTo(32);
        consume(ring, 1); // slot 32 is the last: cleared alone, both wrap
        assertThat(ring.stale()).isZero();
        assertThat(ring.consumerHead()).isZero();
        assertThat(ring.consumerTail()).isZero();
        assertThat(ring.count()).isZero();
    }

    @Test
    void size33WithOneStaleSlotCapsAt32() {
        PtrRing ring = new PtrRing(33);
        produce(ring, 33);
        consume(ring, 33);

        produce(ring, 17); // slots 0..16
        consume(ring, 17); // 0..15 cleared, 16 stale
        assertThat(ring.stale()).isEqualTo(1);

        produce(ring, 32); // slots 17..32, 0..15
        assertThat(ring.produce(-1)).isFalse();
        assertThat(ring.count()).isEqualTo(32);
        assertThat(ring.stale()).isEqualTo(1);
    }

    @Test
    void defaultRingStartsRefusingAt1009LivePages() {
        // KERNEL-NOTES: the 1024-slot ring can refuse at 1009 live entries (15 stale)
        PtrRing ring = new PtrRing(1024);
        produce(ring, 15);
        consume(ring, 15);
        assertThat(ring.stale()).isEqualTo(15);

        produce(ring, 1009);
        assertThat(ring.produce(-1)).isFalse();
        assertThat(ring.count()).isEqualTo(1009);
    }
}
