// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** golden 03-ring-size4: batch 1, never stale, full at exactly 4, the producer wraps. */
class PtrRingSize4Test {

    @Test
    void fullAtFourDrainedWithoutStaleSlotsThenFullAgainAfterTheWrap() {
        PtrRing ring = new PtrRing(4);
        for (int s : new int[] {64, 63, 62, 61}) {
            assertThat(ring.produce(s)).isTrue();
        }
        assertThat(ring.produce(60)).isFalse();
        assertThat(ring.count()).isEqualTo(4);
        assertThat(ring.stale()).isZero();

        for (int s : new int[] {64, 63, 62, 61}) {
            assertThat(ring.consume()).isEqualTo(s);
            assertThat(ring.stale()).isZero();
        }
        assertThat(ring.count()).isZero();
        assertThat(ring.consumerHead()).isZero();
        assertThat(ring.producer()).isZero();

        for (int s : new int[] {58, 57, 56, 55}) {
            assertThat(ring.produce(s)).isTrue();
        }
        assertThat(ring.produce(54)).isFalse();
        assertThat(ring.count()).isEqualTo(4);
        assertThat(ring.consume()).isEqualTo(58);
    }
}
