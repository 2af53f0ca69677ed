// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pagepool.nic.Driver;
import org.pagepool.view.ModelView;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;
import org.pagepool.workload.Simulation;

/** "This queue only": a step goes to the focused queue's next kernel call, the other queues running on in order. */
class QueueStepTest {
    private static final int QUEUE = 3;

    private static Preset elephant() throws Exception {
        return PresetFiles.load(Path.of("..", "assets", "scenarios", "16-elephant-flow.workload"), "elephant");
    }

    /** The positions after each of queue {@link #QUEUE}'s kernel calls, from {@code from} on, found step by step. */
    private static long[] queueCalls(Simulation sim, long from, int count) {
        while (sim.steps() < from) {
            sim.step();
        }
        long[] found = new long[count];
        for (int i = 0; i < count; ) {
            int flags = sim.step();
            if ((flags & Driver.KERNEL_CALL) != 0 && sim.lastQueue() == QUEUE) {
                found[i++] = sim.steps();
            }
        }
        return found;
    }

    @Test
    void aStepOfThisQueueOnlyEndsAtTheFocusedQueuesNextKernelCallAndAStepBackAtItsLast() throws Exception {
        try (SyncRunner runner = SyncRunner.live(elephant())) {
            runner.apply(new RunnerCommand.Seek(1_000_000L));
            ModelView start = runner.apply(new RunnerCommand.Focus(QUEUE));
            long[] calls = queueCalls(elephant().start(null), start.position(), 3);
            assertThat(calls[0] - start.position()).as("other queues' steps in between").isGreaterThan(1);
            ModelView first = runner.apply(new RunnerCommand.Step(Unit.QUEUE_CALL));
            assertThat(first.position()).isEqualTo(calls[0]);
            ModelView second = runner.apply(new RunnerCommand.Step(Unit.QUEUE_CALL));
            assertThat(second.position()).isEqualTo(calls[1]);
            ModelView third = runner.apply(new RunnerCommand.Step(Unit.QUEUE_CALL));
            assertThat(third.position()).isEqualTo(calls[2]);
            ModelView back = runner.apply(new RunnerCommand.StepBack(Unit.QUEUE_CALL));
            assertThat(back.position()).as("back to the queue's call before").isEqualTo(calls[1]);
            ModelView call = runner.apply(new RunnerCommand.Step(Unit.KERNEL_CALL));
            assertThat(call.position()).as("a kernel call of any queue comes first")
                    .isGreaterThan(calls[1]).isLessThanOrEqualTo(calls[2]);
        }
    }

    @Test
    void onOneQueueThisQueueOnlyStepsByKernelCall() throws Exception {
        Preset xdp = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "xdp-drop");
        long[] positions = new long[2];
        Unit[] units = {Unit.KERNEL_CALL, Unit.QUEUE_CALL};
        for (int i = 0; i < units.length; i++) {
            try (SyncRunner runner = SyncRunner.live(xdp)) {
                runner.apply(new RunnerCommand.Seek(500_000L));
                runner.apply(new RunnerCommand.Step(units[i]));
                positions[i] = runner.apply(new RunnerCommand.Step(units[i])).position();
            }
        }
        assertThat(positions[1]).isEqualTo(positions[0]);
    }
}
