// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.pagepool.view.RunnerState;
import org.testfx.api.FxRobot;

/**
 * The counters while the run plays too fast for page events: they change a
 * few times a second, not with every view (each change lays the panel out
 * again, and nobody reads 30 numbers a second); a pause shows the last at once.
 */
class CountersPaceTest extends WindowFixture {
    private static final long FRAME_NS = 16_666_667L;

    @Test
    void atFullSpeedTheCountersChangeAFewTimesASecondAndAPauseShowsTheLast(FxRobot robot) {
        Label fast = robot.lookup("#counter-fast").queryAs(Label.class);
        robot.interact(() -> controller.setSpeed(Double.POSITIVE_INFINITY));
        robot.interact(controller::play);
        await("full speed", () -> view().state() == RunnerState.PLAYING && !view().eventsOn()
                && view().totals().stats().fast() > 0);
        List<String> shown = new ArrayList<>();
        Set<Long> views = new HashSet<>();
        frames(60, FRAME_NS, 2, () -> { // one second of a 60 Hz screen
            views.add(view().serial());
            if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(fast.getText())) {
                shown.add(fast.getText());
            }
        });
        assertThat(views).as("views in a second").hasSizeGreaterThanOrEqualTo(20);
        assertThat(shown).as("what the fast counter showed in that second").hasSizeBetween(3, 6);
        robot.interact(controller::pause);
        await("the pause", () -> view().state() == RunnerState.PAUSED);
        assertThat(fast.getText()).isEqualTo(String.format(Locale.ROOT, "%,d", view().totals().stats().fast()));
    }
}
