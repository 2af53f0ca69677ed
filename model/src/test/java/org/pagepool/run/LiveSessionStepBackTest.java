// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Going back rebuilds the state from a kept snapshot, whose far skbs are
 * packed (13's 25,000 skbs of 100 ms): the state it gives is the one a run
 * straight there has, and the snapshot holds about half of what a copy to
 * run does.
 */
class LiveSessionStepBackTest {
    private static final long SNAPSHOT_NS = 300_000_000L;
    private static final long STEPS_ON = 30_000;
    private static final String PRESET = "13-reload-two-pools.workload";

    @Test
    void goingBackToASnapshotWithSkbsInFlightGivesTheStateOfARunStraightThere() throws Exception {
        LiveSession back = Sessions.of(PRESET);
        back.seek(SNAPSHOT_NS, () -> false);
        back.paused(); // a snapshot here, with the skbs of the last 100 ms in it
        long snapshotAt = back.position();
        History.Snapshot kept = back.history().latest();
        assertThat(kept.position()).isEqualTo(snapshotAt);
        long toRun = back.simulation().copy().footprintBytes(); // a copy with its skbs in the heap's arrays
        assertThat(kept.bytes()).as("the kept snapshot's bytes, against %d of a copy to run", toRun)
                .isLessThan(toRun * 6 / 10);
        back.run(3 * STEPS_ON, Long.MAX_VALUE, 0);
        back.restore(snapshotAt + STEPS_ON);

        LiveSession straight = Sessions.of(PRESET);
        straight.seek(SNAPSHOT_NS, () -> false);
        straight.run(STEPS_ON, Long.MAX_VALUE, 0);
        assertThat(back.position()).isEqualTo(straight.position());
        assertThat(Sessions.fingerprint(back)).isEqualTo(Sessions.fingerprint(straight));
        // and on from there, through the skbs the snapshot held
        back.run(3 * STEPS_ON, Long.MAX_VALUE, 0);
        straight.run(3 * STEPS_ON, Long.MAX_VALUE, 0);
        assertThat(Sessions.fingerprint(back)).isEqualTo(Sessions.fingerprint(straight));
    }
}
