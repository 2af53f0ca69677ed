// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pagepool.nic.NicStats;
import org.pagepool.run.RunnerCommand;
import org.pagepool.run.SyncRunner;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/** The worker's per-queue views: the focus, totals computed once, trouble marks and where the pages are. */
class QueuesViewTest {

    private static Preset preset(String name) throws Exception {
        return PresetFiles.load(Path.of("..", "assets", "scenarios", name + ".workload"), name);
    }

    @Test
    void theElephantsQueueAloneIsMarkedForMissedPacketsAndTheTotalsAddUpTheQueues() throws Exception {
        try (SyncRunner runner = SyncRunner.live(preset("16-elephant-flow"))) {
            ModelView v = runner.apply(new RunnerCommand.Seek(5_000_000L));
            QueuesView queues = v.queues();
            assertThat(queues.count()).isEqualTo(8);
            assertThat(queues.many()).isTrue();
            int hot = 0;
            NicStats nic = NicStats.ZERO;
            PoolTotals pools = PoolTotals.ZERO;
            for (QueueView q : queues.list()) {
                nic = nic.plus(q.nic());
                pools = pools.plus(q.pools());
                if (q.nic().rxMissed() > queues.get(hot).nic().rxMissed()) {
                    hot = q.queue();
                }
            }
            assertThat(nic).as("the NIC's counters are the queues' sum").isEqualTo(v.nic());
            assertThat(pools).as("the totals are the queues' sum").isEqualTo(v.totals());
            assertThat(v.totals().pools()).isEqualTo(8);
            // the seek ran to 5 ms in one go: the views before and after it are 5 ms apart, within a second
            ModelView later = runner.apply(new RunnerCommand.Seek(6_000_000L));
            for (QueueView q : later.queues().list()) {
                boolean missed = q.nic().rxMissed() > v.queues().get(q.queue()).nic().rxMissed();
                assertThat(q.rxMissed()).as("queue %d's rx_missed mark", q.queue()).isEqualTo(missed);
                assertThat(q.ringFull()).as("no ring overflows here").isFalse();
            }
            assertThat(later.queues().get(hot).rxMissed()).as("the hot queue %d", hot).isTrue();
            assertThat(later.queues().get(hot).pps()).as("the hot queue handles the most packets")
                    .isEqualTo(later.queues().maxPps());
        }
    }

    @Test
    void focusingAQueueShowsItsDeviceAndPoolsAndAFocusPastTheLastQueueStopsThere() throws Exception {
        try (SyncRunner runner = SyncRunner.live(preset("16-elephant-flow"))) {
            runner.apply(new RunnerCommand.Seek(2_000_000L));
            ModelView q3 = runner.apply(new RunnerCommand.Focus(3));
            assertThat(q3.queues().focus()).isEqualTo(3);
            assertThat(q3.device().irqCpu()).isEqualTo(q3.queues().get(3).cpu());
            assertThat(q3.pools().list()).hasSize(1);
            assertThat(q3.pools().shown()).isEqualTo(q3.queues().get(3).pools());
            assertThat(q3.currentPool().cache().size()).isEqualTo(q3.queues().get(3).cached());
            assertThat(q3.currentPool().ringCount()).isEqualTo(q3.queues().get(3).ringCount());
            assertThat(q3.nic()).as("the NIC counters stay the sum").isNotEqualTo(q3.queues().get(3).nic());
            ModelView past = runner.apply(new RunnerCommand.Focus(99));
            assertThat(past.queues().focus()).isEqualTo(7);
        }
    }

    @Test
    void everyPageAQueueKeepsIsCountedOnItsNode() throws Exception {
        try (SyncRunner runner = SyncRunner.live(preset("17-irq-wrong-node"))) {
            ModelView v = runner.apply(new RunnerCommand.Seek(3_000_000L));
            QueuesView queues = v.queues();
            for (QueueView q : queues.list()) {
                long kept = 0;
                for (int node = 0; node < queues.nodes(); node++) {
                    kept += queues.pages(node, q.queue());
                }
                assertThat(kept).as("queue %d: cache, ring and posted descriptors", q.queue())
                        .isGreaterThanOrEqualTo(q.cached() + q.ringCount() + q.rxPosted() + q.rxCompleted())
                        .isLessThanOrEqualTo(q.pools().inflight());
            }
        }
    }

    @Test
    void aOneQueueRunHasOneQueueAndItsTotalsAreItsPools() throws Exception {
        try (SyncRunner runner = SyncRunner.live(preset("01-xdp-drop"))) {
            ModelView v = runner.apply(new RunnerCommand.Seek(2_000_000L));
            assertThat(v.queues().many()).isFalse();
            assertThat(v.totals()).isEqualTo(v.pools().shown());
            assertThat(v.nic()).isEqualTo(v.queues().get(0).nic());
        }
    }
}
