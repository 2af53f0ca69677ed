// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.trace.TraceEvent;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.PresetFiles;

/**
 * The thread shell around the core: commands from the test's thread reach the worker, views and events come
 * back, close stops the worker. It waits for conditions (with a generous deadline), never for a time.
 */
class RunnerThreadTest {

    @Test
    void commandsReachTheWorkerViewsAndEventsComeBackAndCloseStopsIt() throws Exception {
        Runner runner = Runner.live(PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"),
                "xdp-drop"));
        try {
            ModelView first = runner.latest();
            assertThat(first.state()).isEqualTo(RunnerState.PAUSED);
            runner.submit(new RunnerCommand.Step(Unit.KERNEL_CALL));
            ModelView stepped = Await.view(runner, first.serial(), v -> v.position() == 1, "one kernel call");
            List<TraceEvent> events = new ArrayList<>();
            Await.until(() -> {
                runner.drainEvents(events::add, 1000);
                return !events.isEmpty() && events.get(events.size() - 1) instanceof StepDone;
            }, "the step's events");
            assertThat(events).last().isEqualTo(new StepDone(stepped.position(), 0));

            runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
            runner.submit(new RunnerCommand.Play());
            Await.view(runner, stepped.serial(), v -> v.state() == RunnerState.PLAYING && v.position() > 1000,
                    "playing");
            runner.submit(new RunnerCommand.Pause());
            ModelView paused = Await.view(runner, stepped.serial(), v -> v.state() == RunnerState.PAUSED, "paused");
            assertThat(paused.position()).isGreaterThan(1000);
        } finally {
            runner.close();
        }
        Await.until(() -> !runner.workerAlive(), "the worker to stop");
    }
}
