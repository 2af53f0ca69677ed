// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.view.GuideView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/** A long seek gives way to the user (a new command, closing) and can be taken up again where it stopped. */
class LiveSessionSeekTest {
    private static final long TARGET_NS = 50_000_000L;
    private static final RunnerStatus STATUS = new RunnerStatus(1, 0, RunnerState.PAUSED, null, 1, false, 0, 0, 0,
            null, List.of(), GuideView.NONE, 0);

    private static Preset preset() throws Exception {
        return PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "xdp-drop");
    }

    @Test
    void anAbandonedSeekStopsOnTheWayAndFinishingItGivesTheSameStateAsOneSeek() throws Exception {
        LiveSession interrupted = new LiveSession(preset());
        interrupted.seek(TARGET_NS, () -> true);
        assertThat(interrupted.position()).as("it ran a little").isPositive();
        assertThat(interrupted.timeNs()).as("but stopped early").isLessThan(TARGET_NS);
        interrupted.seek(TARGET_NS, () -> false);

        LiveSession straight = new LiveSession(preset());
        straight.seek(TARGET_NS, () -> false);
        assertThat(straight.timeNs()).isEqualTo(TARGET_NS);
        assertThat(Fingerprint.of(interrupted.view(STATUS))).isEqualTo(Fingerprint.of(straight.view(STATUS)));
    }
}
