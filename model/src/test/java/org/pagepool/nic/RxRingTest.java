// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;

/** The RX descriptor ring: posting, receiving, taking, draining, and what the NIC misses. */
class RxRingTest {
    private final Kernel kernel = new Kernel(new int[] {256});

    private List<Integer> pages(int n) {
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pages.add(kernel.mm().allocPagesNode(0, 0));
        }
        return pages;
    }

    @Test
    void aNewRingIsEmpty() {
        RxRing rx = new RxRing(8);
        assertThat(rx.size()).isEqualTo(8);
        assertThat(rx.empty()).isEqualTo(8);
        assertThat(rx.posted()).isZero();
        assertThat(rx.completed()).isZero();
        for (int i = 0; i < 8; i++) {
            assertThat(rx.slot(i)).isEqualTo(RxRing.Slot.EMPTY);
            assertThat(rx.page(i)).isZero();
        }
    }

    @Test
    void withNothingPostedEveryPacketIsMissed() {
        RxRing rx = new RxRing(8);
        assertThat(rx.receive(5)).isEqualTo(5);
        assertThat(rx.completed()).isZero();
        assertThat(rx.hwHead()).isZero();
    }

    @Test
    void postedBuffersTakePacketsInOrderAndTheRestAreMissed() {
        RxRing rx = new RxRing(8);
        List<Integer> p = pages(3);
        p.forEach(rx::post);
        assertThat(rx.posted()).isEqualTo(3);
        assertThat(rx.empty()).isEqualTo(5);
        assertThat(rx.refillIndex()).isEqualTo(3);
        assertThat(List.of(rx.slot(0), rx.slot(1), rx.slot(2), rx.slot(3)))
                .containsExactly(RxRing.Slot.POSTED, RxRing.Slot.POSTED, RxRing.Slot.POSTED, RxRing.Slot.EMPTY);

        assertThat(rx.receive(2)).as("two packets fit").isZero();
        assertThat(rx.completed()).isEqualTo(2);
        assertThat(rx.posted()).isEqualTo(1);
        assertThat(rx.hwHead()).isEqualTo(2);
        assertThat(List.of(rx.slot(0), rx.slot(1), rx.slot(2)))
                .containsExactly(RxRing.Slot.COMPLETED, RxRing.Slot.COMPLETED, RxRing.Slot.POSTED);

        assertThat(rx.receive(4)).as("one buffer left for four packets").isEqualTo(3);
        assertThat(rx.completed()).isEqualTo(3);
        assertThat(rx.posted()).isZero();
        assertThat(rx.empty()).isEqualTo(5);

        assertThat(rx.swHead()).isZero();
        assertThat(rx.take()).isEqualTo(p.get(0));
        assertThat(rx.take()).isEqualTo(p.get(1));
        assertThat(rx.slot(0)).isEqualTo(RxRing.Slot.EMPTY);
        assertThat(rx.slot(1)).isEqualTo(RxRing.Slot.EMPTY);
        assertThat(rx.slot(2)).isEqualTo(RxRing.Slot.COMPLETED);
        assertThat(rx.swHead()).isEqualTo(2);
        assertThat(rx.take()).isEqualTo(p.get(2));
        assertThat(rx.completed()).isZero();
        assertThat(rx.empty()).isEqualTo(8);
    }

    @Test
    void theRingWrapsAround() {
        RxRing rx = new RxRing(4);
        List<Integer> p = pages(10);
        int next = 0;
        for (int round = 0; round < 3; round++) {
            while (rx.empty() > 0) {
                rx.post(p.get(next++ % p.size()));
            }
            assertThat(rx.receive(3)).isZero();
            for (int i = 0; i < 3; i++) {
                int taken = rx.take();
                assertThat(taken).as("round %d take %d", round, i).isNotZero();
            }
        }
        // 4 + 3 + 3 posted, 9 taken: one buffer still posted, on the slot after the last taken one
        assertThat(rx.posted()).isEqualTo(1);
        assertThat(rx.swHead()).isEqualTo(9 % 4);
        assertThat(rx.refillIndex()).isEqualTo(10 % 4);
        assertThat(rx.slot(9 % 4)).isEqualTo(RxRing.Slot.POSTED);
        assertThat(rx.page(9 % 4)).isEqualTo(p.get(9));
    }

    @Test
    void completedSlotsAreRecognisedAcrossTheWrap() {
        RxRing rx = new RxRing(4);
        List<Integer> p = pages(7);
        for (int i = 0; i < 4; i++) {
            rx.post(p.get(i));
        }
        rx.receive(3);
        rx.take();
        rx.take();
        rx.take(); // swHead = 3, one posted on 3
        rx.post(p.get(4));
        rx.post(p.get(5));
        rx.receive(2); // slots 3 and 0 completed, 1 posted
        assertThat(rx.slot(3)).isEqualTo(RxRing.Slot.COMPLETED);
        assertThat(rx.slot(0)).isEqualTo(RxRing.Slot.COMPLETED);
        assertThat(rx.slot(1)).isEqualTo(RxRing.Slot.POSTED);
        assertThat(rx.slot(2)).isEqualTo(RxRing.Slot.EMPTY);
        assertThat(rx.take()).isEqualTo(p.get(3));
        assertThat(rx.take()).isEqualTo(p.get(4));
    }

    @Test
    void drainTakesWhateverADescriptorHolds() {
        RxRing rx = new RxRing(4);
        List<Integer> p = pages(3);
        p.forEach(rx::post);
        rx.receive(1);
        assertThat(rx.drain(0)).as("a completed buffer").isEqualTo(p.get(0));
        assertThat(rx.drain(2)).as("a posted buffer").isEqualTo(p.get(2));
        assertThat(rx.drain(3)).as("an empty descriptor").isZero();
        assertThat(rx.drain(0)).as("drained twice").isZero();
        assertThat(rx.page(1)).isEqualTo(p.get(1));
        assertThat(rx.slot(0)).isEqualTo(RxRing.Slot.EMPTY);
    }

    @Test
    void aCopyHasTheSamePagesAndIsIndependent() {
        RxRing rx = new RxRing(4);
        List<Integer> p = pages(4);
        rx.post(p.get(0));
        rx.post(p.get(1));
        rx.receive(1);
        RxRing copy = rx.copy();
        assertThat(copy.page(0)).isEqualTo(p.get(0));
        assertThat(copy.page(1)).isEqualTo(p.get(1));
        assertThat(copy.completed()).isEqualTo(1);
        assertThat(copy.posted()).isEqualTo(1);
        copy.take();
        assertThat(rx.completed()).as("the original is untouched").isEqualTo(1);
        assertThat(rx.page(0)).isEqualTo(p.get(0));
    }

    @Test
    void aKeptCopyPacksItsPagesAndACopyOfItHasThemAll() {
        RxRing rx = new RxRing(64);
        List<Integer> p = pages(64);
        for (int page : p) {
            rx.post(page);
        }
        rx.receive(10);
        rx.take();
        RxRing kept = rx.copy();
        kept.keep();
        assertThat(kept.bytes()).as("pages taken in order differ by little").isLessThan(rx.bytes() / 2);
        RxRing copy = kept.copy();
        for (int i = 0; i < 64; i++) {
            assertThat(copy.page(i)).as("descriptor %d", i).isEqualTo(rx.page(i));
            assertThat(copy.slot(i)).as("descriptor %d", i).isEqualTo(rx.slot(i));
        }
        assertThat(copy.swHead()).isEqualTo(rx.swHead());
        assertThat(copy.completed()).isEqualTo(9);
        assertThat(copy.take()).isEqualTo(p.get(1));
        assertThat(kept.copy().page(1)).as("the kept copy is untouched").isEqualTo(p.get(1));
    }
}
