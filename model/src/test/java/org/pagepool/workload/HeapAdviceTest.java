// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapAdviceTest {
    private static final long HEAP = 256L << 20;

    @Test
    void pagesAreTheAdviceWhileTheQueuesListFewPackets() {
        WorkloadParams params = WorkloadParams.defaults().with(Param.QUEUES, 64).with(Param.RX_RING, 8192);
        assertThat(HeapAdvice.of(params, HEAP / 4, HEAP)).startsWith("give the preset fewer pages (now memory.nodes"
                + " = 1, memory.pages = 262144), fewer or smaller RX rings").contains("nic.queues = 64, nic.rx_ring ="
                + " 8192, pool.order = 0").endsWith("or shorter skb.lifetime_ns");
    }

    @Test
    void burstsAreTheAdviceWhenListedPacketsTakeOverAQuarterOfTheHeap() {
        WorkloadParams params = WorkloadParams.defaults().with(Param.QUEUES, 2).with(Param.RATE, 2e8)
                .with(Param.DUTY, 0.01);
        assertThat(HeapAdvice.of(params, HEAP / 4 + 1, HEAP)).isEqualTo("its queues had 64 MB of packets listed"
                + " that they had not counted yet: bursts (traffic.rate / traffic.duty, now 200000000 / 0.01) brought"
                + " them faster than the queues poll: give the preset a lower traffic.rate or a higher traffic.duty");
    }
}
