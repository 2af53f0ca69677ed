// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A long seek gives way to the user (a new command, closing) and can be taken up again where it stopped. */
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
}
