// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-queue counters for the command line: lines, CSV rows and ethtool -S names, adding up to the totals. */
class QueueStatsTest {
    @Test
    void theQueuesAddUpToTheNicAndThePoolsAndPrintAsEthtoolWould() throws Exception {
        Simulation sim = SimulationQueuesTest.preset("cpus = 4", "nic.queues = 3", "memory.pages = 65536",
                "traffic.rate = 3M", "xdp.drop = 50", "xdp.pass = 50", "skb.remote = 1", "at 1ms: reload queue=1")
                .start(null);
        sim.run(Long.MAX_VALUE, 3_000_000, 0);
        List<QueueStats> queues = QueueStats.of(sim);
        assertThat(queues).extracting(QueueStats::queue).containsExactly(0, 1, 2);
        assertThat(queues).extracting(QueueStats::irqCpu).containsExactly(0, 1, 2);
        QueueStats total = QueueStats.total(queues);
        assertThat(total.nic()).isEqualTo(sim.nicStats());
        assertThat(total.pools()).isEqualTo(sim.poolStats());
        assertThat(queues.get(1).pools()).as("queue 1's old deferred pool and its new one")
                .isEqualTo(sim.pools(1).get(0).stats().plus(sim.pools(1).get(1).stats()));
        assertThat(queues.get(1).line()).startsWith("queue 1 (cpu 1): rx_packets=")
                .contains(" | fast=" + queues.get(1).pools().fast() + " ");
        assertThat(total.line()).startsWith("total: rx_packets=" + sim.nicStats().rxPackets() + " ");

        assertThat(QueueStats.names()).startsWith("queue", "irq_cpu", "rx_packets").endsWith("inflight");
        assertThat(queues.get(2).values()).hasSize(QueueStats.names().size()).startsWith(2, 2,
                queues.get(2).nic().rxPackets());

        List<String> ethtool = QueueStats.ethtool(sim);
        assertThat(ethtool.get(0)).isEqualTo("NIC statistics:");
        assertThat(ethtool).hasSize(1 + 4 * (7 + 11));
        assertThat(ethtool).contains("     rx_pp_alloc_fast: " + sim.poolStats().fast(),
                "     rx_pp_recycle_released_ref: " + sim.poolStats().releasedRefcnt(),
                "     rx_packets: " + sim.nicStats().rxPackets(),
                "     rx_out_of_buffer: " + sim.nicStats().rxMissed(),
                "     rx0_pp_alloc_fast: " + queues.get(0).pools().fast(),
                "     rx2_pp_recycle_ring: " + queues.get(2).pools().ring(),
                "     rx1_xdp_drop: " + queues.get(1).nic().drop());
        assertThat(ethtool).noneMatch(line -> line.contains("napi_polls") || line.contains("xdp_pass"));
    }
}
