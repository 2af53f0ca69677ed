// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;

/** The XDP_TX ring: first in, first out, with the completion time of the oldest frame. */
class TxRingTest {
    private final Kernel kernel = new Kernel(new int[] {256});

    private List<Integer> pages(int n) {
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pages.add(kernel.mm().allocPagesNode(0, 0));
        }
        return pages;
    }

    /** The frames a ring's completions gave back, and when each completed. */
    private record Drained(List<Integer> pages, List<Long> times) {
    }

    private static Drained drain(TxRing tx) {
        Drained out = new Drained(new ArrayList<>(), new ArrayList<>());
        while (tx.count() > 0) {
            out.times().add(tx.nextCompletion());
            out.pages().add(tx.dequeue());
        }
        return out;
    }

    @Test
    void anEmptyRingNeverCompletes() {
        TxRing tx = new TxRing(4);
        assertThat(tx.count()).isZero();
        assertThat(tx.isFull()).isFalse();
        assertThat(tx.nextCompletion()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void framesLeaveInTheOrderTheyCameWithTheOldestCompletionFirst() {
        TxRing tx = new TxRing(4);
        List<Integer> p = pages(3);
        tx.enqueue(p.get(0), 300);
        tx.enqueue(p.get(1), 100); // completes earlier, but the ring is in order
        tx.enqueue(p.get(2), 500);
        assertThat(tx.count()).isEqualTo(3);
        assertThat(tx.nextCompletion()).isEqualTo(300);
        assertThat(tx.inFlight(0)).isEqualTo(p.get(0));
        assertThat(tx.inFlight(2)).isEqualTo(p.get(2));
        assertThat(tx.dequeue()).isEqualTo(p.get(0));
        assertThat(tx.nextCompletion()).isEqualTo(100);
        assertThat(tx.dequeue()).isEqualTo(p.get(1));
        assertThat(tx.nextCompletion()).isEqualTo(500);
        assertThat(tx.dequeue()).isEqualTo(p.get(2));
        assertThat(tx.count()).isZero();
        assertThat(tx.nextCompletion()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFullRingSaysSoAndWrapsAroundAfterCompletions() {
        TxRing tx = new TxRing(3);
        List<Integer> p = pages(6);
        for (int i = 0; i < 3; i++) {
            assertThat(tx.isFull()).isFalse();
            tx.enqueue(p.get(i), 10 * i);
        }
        assertThat(tx.isFull()).isTrue();
        assertThat(tx.dequeue()).isEqualTo(p.get(0));
        assertThat(tx.isFull()).isFalse();
        tx.enqueue(p.get(3), 30);
        assertThat(tx.isFull()).isTrue();
        Drained out = drain(tx);
        assertThat(out.pages()).containsExactly(p.get(1), p.get(2), p.get(3));
        assertThat(out.times()).containsExactly(10L, 20L, 30L);
    }

    @Test
    void aCopyIsIndependent() {
        TxRing tx = new TxRing(2);
        List<Integer> p = pages(3);
        tx.enqueue(p.get(0), 7);
        TxRing copy = tx.copy();
        assertThat(copy.inFlight(0)).isEqualTo(p.get(0));
        assertThat(copy.nextCompletion()).isEqualTo(7);
        copy.dequeue();
        copy.enqueue(p.get(1), 9);
        assertThat(tx.inFlight(0)).isEqualTo(p.get(0));
        assertThat(tx.nextCompletion()).isEqualTo(7);
    }

    @Test
    void aKeptCopyGivesBackTheFramesInFlightAcrossTheWrap() {
        TxRing tx = new TxRing(64);
        List<Integer> p = pages(6);
        for (int i = 0; i < 64; i++) {
            tx.enqueue(p.get(i % 6), 10 * i);
        }
        for (int i = 0; i < 62; i++) {
            tx.dequeue();
        }
        tx.enqueue(p.get(5), 640); // in flight: slots 62, 63 and 0
        TxRing kept = tx.copy();
        kept.keep();
        assertThat(kept.bytes()).as("three frames, not 64 slots' arrays").isLessThan(tx.bytes() / 5);
        TxRing copy = kept.copy();
        tx.dequeue(); // the original goes on alone
        Drained out = drain(copy);
        assertThat(out.pages()).containsExactly(p.get(2), p.get(3), p.get(5));
        assertThat(out.times()).containsExactly(620L, 630L, 640L);
        assertThat(kept.copy().inFlight(2)).as("a kept copy copies again").isEqualTo(p.get(5));
    }
}
