// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The cost model against sums worked out by hand from the published table (KERNEL-NOTES.md). */
class CostModelTest {
    /** 1000 packets: 800 fast-path pairs, 200 pages through the ring, 64 from the allocator, 64 maps, 10 unmaps. */
    private static final Flow FLOW = new Flow(1000, 800, 200, 64, 0, 64, 10, 100);

    @Test
    void xeonE5WithAnIommu() {
        CostEstimate e = CostModel.estimate(FLOW, CpuProfile.XEON_E5_1650_V4, true, false, 1);
        // 800*5.4 + 200*15.1 + 64*66.1 + 64*142.5 + 10*142.5 + 100*30.7 + 1000*36.2, over 1000 packets
        double expected = (4320 + 3020 + 4230.4 + 9120 + 1425 + 3070 + 36200) / 1000.0;
        assertThat(e.nsPerPacket().get(CostPath.FAST_PATH)).isCloseTo(4.32, within(1e-9));
        assertThat(e.nsPerPacket().get(CostPath.RING)).isCloseTo(3.02, within(1e-9));
        assertThat(e.nsPerPacket().get(CostPath.PAGE_ALLOCATOR)).isCloseTo(4.2304, within(1e-9));
        assertThat(e.nsPerPacket().get(CostPath.DMA_MAP)).isCloseTo(9.12, within(1e-9));
        assertThat(e.nsPerPacket().get(CostPath.CROSS_CPU)).isCloseTo(3.07, within(1e-9));
        assertThat(e.totalNs()).isCloseTo(expected, within(1e-9));
        assertThat(e.mpps()).isCloseTo(1000.0 / expected, within(1e-9));
        assertThat(e.estimate()).as("the DMA and driver figures are derived").isTrue();
    }

    @Test
    void withoutAnIommuMappingCostsNothing() {
        CostEstimate e = CostModel.estimate(FLOW, CpuProfile.XEON_E5_1650_V4, false, false, 1);
        assertThat(e.nsPerPacket().get(CostPath.DMA_MAP)).isZero();
        assertThat(e.nsPerPacket().get(CostPath.DMA_UNMAP)).isZero();
        assertThat(e.totalNs()).isCloseTo((4320 + 3020 + 4230.4 + 3070 + 36200) / 1000.0, within(1e-9));
    }

    @Test
    void epycUsesItsOwnFiguresWithMitigationsAndScalesTheRest() {
        CostEstimate on = CostModel.estimate(FLOW, CpuProfile.EPYC_9684X, true, false, 1);
        assertThat(on.figures().get(CostPath.FAST_PATH).ns()).isEqualTo(14.2);
        assertThat(on.figures().get(CostPath.RING).ns()).isEqualTo(34.2);
        assertThat(on.figures().get(CostPath.PAGE_ALLOCATOR).ns()).isEqualTo(94.9);
        assertThat(on.figures().get(CostPath.FAST_PATH).estimate()).isFalse();
        // an empty cell: the E5 figure times this CPU's fast-path ratio 14.2 / 5.4, labelled an estimate
        Figure cross = on.figures().get(CostPath.CROSS_CPU);
        assertThat(cross.ns()).isCloseTo(30.7 * 14.2 / 5.4, within(1e-9));
        assertThat(cross.estimate()).isTrue();
        CostEstimate off = CostModel.estimate(FLOW, CpuProfile.EPYC_9684X, true, true, 1);
        assertThat(off.figures().get(CostPath.FAST_PATH).ns()).isEqualTo(3.8);
        assertThat(off.figures().get(CostPath.CROSS_CPU).ns()).isCloseTo(30.7 * 3.8 / 5.4, within(1e-9));
    }

    @Test
    void goldScalesByItsRatioAndCrossCpuFollowsTheNumberOfCpusReturning() {
        CostEstimate gold = CostModel.estimate(FLOW, CpuProfile.XEON_GOLD_6140, true, false, 3);
        assertThat(gold.figures().get(CostPath.RING).ns()).isEqualTo(17.4);
        assertThat(gold.figures().get(CostPath.CROSS_CPU).ns()).isCloseTo(581 * 5.8 / 5.4, within(1e-9));
        CostEstimate four = CostModel.estimate(FLOW, CpuProfile.XEON_E5_1650_V4, true, false, 4);
        assertThat(four.figures().get(CostPath.CROSS_CPU).ns()).isEqualTo(650);
        assertThat(four.figures().get(CostPath.CROSS_CPU).source()).contains("4 CPUs");
    }

    @Test
    void noPacketsNoCost() {
        CostEstimate e = CostModel.estimate(new Flow(0, 0, 0, 0, 0, 0, 0, 0), CpuProfile.XEON_E5_1650_V4, true,
                false, 1);
        assertThat(e.totalNs()).isZero();
        assertThat(e.mpps()).isZero();
    }

    @Test
    void everyFigureSaysWhereItComesFrom() {
        for (CpuProfile cpu : CpuProfile.values()) {
            for (CostPath path : CostPath.values()) {
                assertThat(CostTable.figure(cpu, path, false, 1).source()).as("%s %s", cpu, path).isNotBlank();
            }
        }
    }
}
