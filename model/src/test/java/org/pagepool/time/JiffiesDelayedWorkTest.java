// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spec "tick": works run in due order, with jiffies at their due time; afterwards jiffies is the target. */
class JiffiesDelayedWorkTest {

    private final Jiffies jiffies = new Jiffies();
    private final List<String> runs = new ArrayList<>();

    private DelayedWork recording(String name) {
        return new DelayedWork(name, () -> runs.add(name + "@" + jiffies.now()));
    }

    @Test
    void clockStartsAtZeroAndOnlyMovesWhenAdvanced() {
        assertThat(jiffies.now()).isZero();
        assertThat(jiffies.nextDue()).isEqualTo(Long.MAX_VALUE);

        jiffies.advance(999);
        jiffies.advance(1);

        assertThat(jiffies.now()).isEqualTo(1000);
        assertThat(Jiffies.HZ).isEqualTo(1000);
        assertThat(Jiffies.msecsToJiffies(1000)).isEqualTo(1000);
    }

    @Test
    void worksRunInDueOrderWithJiffiesAtTheirDueTime() {
        jiffies.advance(5);
        jiffies.scheduleDelayedWork(recording("a"), 30);
        jiffies.scheduleDelayedWork(recording("b"), 10);
        jiffies.scheduleDelayedWork(recording("c"), 20);

        jiffies.advance(100);

        assertThat(runs).containsExactly("b@15", "c@25", "a@35");
        assertThat(jiffies.now()).isEqualTo(105);
        assertThat(jiffies.pending()).isEmpty();
    }

    @Test
    void tiesRunInSchedulingOrder() {
        for (String name : new String[] {"first", "second", "third"}) {
            jiffies.scheduleDelayedWork(recording(name), 10);
        }

        jiffies.advance(10);

        assertThat(runs).containsExactly("first@10", "second@10", "third@10");
    }

    @Test
    void aWorkNotYetDueStaysPending() {
        DelayedWork work = recording("w");
        jiffies.scheduleDelayedWork(work, 1000);

        jiffies.advance(999);

        assertThat(runs).isEmpty();
        assertThat(work.isPending()).isTrue();
        assertThat(work.due()).isEqualTo(1000);
        assertThat(jiffies.nextDue()).isEqualTo(1000);

        jiffies.advance(1);
        assertThat(runs).containsExactly("w@1000");
        assertThat(work.isPending()).isFalse();
    }

    @Test
    void aSelfReschedulingWorkRunsRepeatedlyWithinOneAdvance() {
        DelayedWork[] self = new DelayedWork[1];
        self[0] = new DelayedWork("retry", () -> {
            runs.add("retry@" + jiffies.now());
            assertThat(jiffies.scheduleDelayedWork(self[0], 1000)).isTrue();
        });
        jiffies.scheduleDelayedWork(self[0], 1000);

        jiffies.advance(3500);

        assertThat(runs).containsExactly("retry@1000", "retry@2000", "retry@3000");
        assertThat(self[0].isPending()).isTrue();
        assertThat(self[0].due()).isEqualTo(4000);
        assertThat(jiffies.now()).isEqualTo(3500);
    }

    @Test
    void aWorkScheduledFromAnotherRunsInTheSameAdvanceWhenDue() {
        DelayedWork later = recording("later");
        jiffies.scheduleDelayedWork(new DelayedWork("first", () -> {
            runs.add("first@" + jiffies.now());
            jiffies.scheduleDelayedWork(later, 0);
        }), 10);

        jiffies.advance(10);

        assertThat(runs).containsExactly("first@10", "later@10");
    }

    @Test
    void schedulingAPendingWorkReturnsFalseAndKeepsItsDueTime() {
        DelayedWork work = recording("w");
        assertThat(jiffies.scheduleDelayedWork(work, 100)).isTrue();

        assertThat(jiffies.scheduleDelayedWork(work, 5)).isFalse();

        assertThat(work.due()).isEqualTo(100);
        assertThat(jiffies.pending()).containsExactly(work);
        jiffies.advance(100);
        assertThat(runs).containsExactly("w@100");
    }

    @Test
    void cancelledWorkNeverRuns() {
        DelayedWork work = recording("w");
        jiffies.scheduleDelayedWork(work, 100);

        assertThat(jiffies.cancelDelayedWork(work)).isTrue();
        assertThat(jiffies.cancelDelayedWork(work)).isFalse();
        jiffies.advance(1000);

        assertThat(runs).isEmpty();
        assertThat(work.isPending()).isFalse();
        assertThat(jiffies.scheduleDelayedWork(work, 1)).as("it may be scheduled again").isTrue();
    }

    @Test
    void pendingListsWorksInDueOrder() {
        DelayedWork a = recording("a");
        DelayedWork b = recording("b");
        DelayedWork c = recording("c");
        jiffies.scheduleDelayedWork(a, 30);
        jiffies.scheduleDelayedWork(b, 10);
        jiffies.scheduleDelayedWork(c, 10);

        assertThat(jiffies.pending()).containsExactly(b, c, a);
        assertThat(jiffies.nextDue()).isEqualTo(10);
        assertThat(a.name()).isEqualTo("a");
    }

    @Test
    void advanceToRunsWhatIsDueAndRefusesToGoBack() {
        jiffies.scheduleDelayedWork(recording("w"), 50);

        jiffies.advanceTo(50);
        assertThat(runs).containsExactly("w@50");
        assertThat(jiffies.now()).isEqualTo(50);

        assertThatThrownBy(() -> jiffies.advanceTo(49)).isInstanceOf(IllegalArgumentException.class);
        assertThat(jiffies.now()).isEqualTo(50);
    }

    @Test
    void timeAfterEqIsWrapSafe() {
        assertThat(Jiffies.timeAfterEq(10, 10)).isTrue();
        assertThat(Jiffies.timeAfterEq(11, 10)).isTrue();
        assertThat(Jiffies.timeAfterEq(9, 10)).isFalse();
        // just past the wrap of the 64-bit counter, MIN_VALUE comes after MAX_VALUE
        assertThat(Jiffies.timeAfterEq(Long.MIN_VALUE, Long.MAX_VALUE)).isTrue();
        assertThat(Jiffies.timeAfterEq(Long.MAX_VALUE, Long.MIN_VALUE)).isFalse();
        assertThat(Jiffies.timeAfterEq(Long.MIN_VALUE + 5, Long.MAX_VALUE - 5)).isTrue();
    }
}
