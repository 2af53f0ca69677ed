// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long seek gives way to the user (a new command, closing) and can be taken up again where it stopped; a
 * run in pieces (the app's headless {@code --run-for}, which shows its progress between them) ends where one
 * seek ends.
 */
class LiveSessionSeekTest {
    private static final long TARGET_NS = 50_000_000L;
    private static final String PRESET = "01-xdp-drop.workload";

    @Test
    void anAbandonedSeekStopsOnTheWayAndFinishingItGivesTheSameStateAsOneSeek() throws Exception {
        LiveSession interrupted = Sessions.of(PRESET);
        interrupted.seek(TARGET_NS, () -> true);
        assertThat(interrupted.position()).as("it ran a little").isPositive();
        assertThat(interrupted.timeNs()).as("but stopped early").isLessThan(TARGET_NS);
        interrupted.seek(TARGET_NS, () -> false);

        LiveSession straight = Sessions.of(PRESET);
        straight.seek(TARGET_NS, () -> false);
        assertThat(straight.timeNs()).isEqualTo(TARGET_NS);
        assertThat(Sessions.fingerprint(interrupted)).isEqualTo(Sessions.fingerprint(straight));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"01-xdp-drop.workload", "13-reload-two-pools.workload", "16-elephant-flow.workload",
        "18-cpumap-fan-in.workload"})
    void seeksInPiecesOfGrowingLengthEndWhereOneSeekEnds(String preset) throws Exception {
        LiveSession pieces = Sessions.of(preset);
        long target = 35_000_000L; // past 13's reload at 30 ms
        for (long piece = 1_000_000, at = 0; at < target; piece *= 2) {
            at = Math.min(target, at + piece);
            pieces.seek(at, () -> false);
            assertThat(pieces.timeNs()).isEqualTo(at);
        }
        LiveSession straight = Sessions.of(preset);
        straight.seek(target, () -> false);
        assertThat(Sessions.fingerprint(pieces)).isEqualTo(Sessions.fingerprint(straight));
    }
}
