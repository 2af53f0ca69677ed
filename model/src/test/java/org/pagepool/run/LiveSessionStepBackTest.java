// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Going back rebuilds the state from a kept snapshot, whose skbs, rings and
 * places are packed (13: 25,000 skbs of 100 ms; 15: 64 RX rings of 4,096
 * pages; 14: a TX ring; 02: a ptr_ring; 19: 16 queues' packet lists): the
 * state it gives is the one a run straight there has, and the snapshot
 * holds less than a copy to run (13's about half). A kept snapshot does not
 * run itself.
 */
class LiveSessionStepBackTest {
    private static final long STEPS_ON = 30_000;

    @ParameterizedTest(name = "{0} at {1} ms")
    @CsvSource({"13-reload-two-pools.workload, 300, 0.6", "15-queues-memory.workload, 30, 1",
            "14-tx-bulk.workload, 50, 1", "02-redirect-ring.workload, 50, 1", "19-xdp-drop-16-queues.workload, 50, 1"})
    void goingBackToASnapshotGivesTheStateOfARunStraightThere(String preset, long snapshotMs, double share)
            throws Exception {
        goBackAndCompare(preset, snapshotMs, share);
    }

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "assets", "scenarios"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".workload")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void everyShippedPresetGoesBackToTheSameState(String preset) throws Exception {
        goBackAndCompare(preset, 20, 1);
    }

    private static void goBackAndCompare(String preset, long snapshotMs, double share) throws Exception {
        LiveSession back = Sessions.of(preset);
        back.seek(snapshotMs * 1_000_000, () -> false);
        back.paused(); // a snapshot here, kept
        long snapshotAt = back.position();
        History.Snapshot kept = back.history().latest();
        assertThat(kept.position()).isEqualTo(snapshotAt);
        long toRun = back.simulation().copy().footprintBytes();
        assertThat(kept.bytes()).as("the kept snapshot's bytes, against %d of a copy to run", toRun)
                .isLessThan((long) (toRun * share));
        assertThatThrownBy(() -> kept.sim().run(1, Long.MAX_VALUE, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run a copy of it");
        back.run(3 * STEPS_ON, Long.MAX_VALUE, 0);
        back.restore(snapshotAt + STEPS_ON);

        LiveSession straight = Sessions.of(preset);
        straight.seek(snapshotMs * 1_000_000, () -> false);
        straight.run(STEPS_ON, Long.MAX_VALUE, 0);
        assertThat(back.position()).isEqualTo(straight.position());
        assertThat(Sessions.fingerprint(back)).isEqualTo(Sessions.fingerprint(straight));
        // and on from there, through the skbs and pages the snapshot held
        back.run(3 * STEPS_ON, Long.MAX_VALUE, 0);
        straight.run(3 * STEPS_ON, Long.MAX_VALUE, 0);
        assertThat(Sessions.fingerprint(back)).isEqualTo(Sessions.fingerprint(straight));
    }
}
