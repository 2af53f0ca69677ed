// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** copy(remap): a snapshot with the same indexes, every non-NULL slot (live or stale) mapped. */
class PtrRingCopyTest {

    private static PtrRing<String> ringWithStaleAndLiveSlots() {
        PtrRing<String> ring = new PtrRing<>(32);
        for (int i = 0; i < 20; i++) {
            ring.produce("s" + i);
        }
        for (int i = 0; i < 18; i++) {
            ring.consume(); // 0..15 cleared, 16 and 17 stale, 18 and 19 live
        }
        ring.produce("s20");
        return ring;
    }

    @Test
    void copyKeepsIndexesAndMapsEveryOccupiedSlot() {
        PtrRing<String> ring = ringWithStaleAndLiveSlots();

        PtrRing<String> copy = ring.copy(s -> s.toUpperCase());

        assertThat(copy.size()).isEqualTo(32);
        assertThat(copy.batch()).isEqualTo(16);
        assertThat(copy.producer()).isEqualTo(ring.producer());
        assertThat(copy.consumerHead()).isEqualTo(ring.consumerHead());
        assertThat(copy.consumerTail()).isEqualTo(ring.consumerTail());
        assertThat(copy.count()).isEqualTo(3);
        assertThat(copy.stale()).isEqualTo(2);
        for (int i = 0; i < 32; i++) {
            String original = ring.slot(i);
            assertThat(copy.slot(i)).as("slot %d", i).isEqualTo(original == null ? null : original.toUpperCase());
        }
        List<String> live = new ArrayList<>();
        copy.forEachLive(live::add);
        assertThat(live).containsExactly("S18", "S19", "S20");
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        PtrRing<String> ring = ringWithStaleAndLiveSlots();
        PtrRing<String> copy = ring.copy(s -> s);

        assertThat(copy.consume()).isEqualTo("s18");
        copy.produce("extra");

        assertThat(ring.count()).isEqualTo(3);
        assertThat(ring.peek()).isEqualTo("s18");
        assertThat(ring.producer()).isEqualTo(21);
    }
}
