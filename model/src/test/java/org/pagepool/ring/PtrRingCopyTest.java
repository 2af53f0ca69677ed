// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** copy(): a snapshot with the same indexes and the same slots, live, stale and NULL. */
class PtrRingCopyTest {

    private static PtrRing ringWithStaleAndLiveSlots() {
        PtrRing ring = new PtrRing(32);
        for (int i = 0; i < 20; i++) {
            ring.produce(100 + i);
        }
        for (int i = 0; i < 18; i++) {
            ring.consume(); // 0..15 cleared, 16 and 17 stale, 18 and 19 live
        }
        ring.produce(120);
        return ring;
    }

    /** A copy, or a copy of a copy kept with its slots packed. */
    private static PtrRing copyOf(PtrRing ring, boolean keptFirst) {
        if (!keptFirst) {
            return ring.copy();
        }
        PtrRing kept = ring.copy();
        kept.keep();
        assertThat(kept.bytes()).isLessThan(ring.bytes());
        return kept.copy();
    }

    @ParameterizedTest(name = "kept first: {0}")
    @ValueSource(booleans = {false, true})
    void copyKeepsIndexesAndEverySlot(boolean keptFirst) {
        PtrRing ring = ringWithStaleAndLiveSlots();

        PtrRing copy = copyOf(ring, keptFirst);

        assertThat(copy.size()).isEqualTo(32);
        assertThat(copy.batch()).isEqualTo(16);
        assertThat(copy.producer()).isEqualTo(ring.producer());
        assertThat(copy.consumerHead()).isEqualTo(ring.consumerHead());
        assertThat(copy.consumerTail()).isEqualTo(ring.consumerTail());
        assertThat(copy.count()).isEqualTo(3);
        assertThat(copy.stale()).isEqualTo(2);
        for (int i = 0; i < 32; i++) {
            assertThat(copy.slot(i)).as("slot %d", i).isEqualTo(ring.slot(i));
        }
        assertThat(copy.slot(16)).as("a stale slot keeps its pointer").isEqualTo(116);
        assertThat(copy.slot(15)).isEqualTo(PtrRing.NULL);
        List<Integer> live = new ArrayList<>();
        copy.forEachLive(live::add);
        assertThat(live).containsExactly(118, 119, 120);
        int[] slots = new int[32];
        copy.copySlots(slots);
        assertThat(slots[20]).isEqualTo(120);
        assertThat(slots[18]).isEqualTo(118);
        assertThat(slots[0]).isEqualTo(PtrRing.NULL);
    }

    @ParameterizedTest(name = "kept first: {0}")
    @ValueSource(booleans = {false, true})
    void copyIsIndependentOfTheOriginal(boolean keptFirst) {
        PtrRing ring = ringWithStaleAndLiveSlots();
        PtrRing copy = copyOf(ring, keptFirst);

        assertThat(copy.consume()).isEqualTo(118);
        copy.produce(999);

        assertThat(ring.count()).isEqualTo(3);
        assertThat(ring.peek()).isEqualTo(118);
        assertThat(ring.producer()).isEqualTo(21);
        assertThat(ring.slot(21)).isEqualTo(PtrRing.NULL);
    }
}
