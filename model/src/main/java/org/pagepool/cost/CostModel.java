// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

import java.util.EnumMap;
import java.util.Map;

/**
 * Estimates what a real CPU would spend on the model's current flow, from the
 * published page_pool figures ({@link CostTable}): each path's count times
 * its figure, spread over the packets, plus the driver's own work per packet.
 * Without an IOMMU, DMA mapping is direct and costs next to nothing.
 */
public final class CostModel {
    private CostModel() {
    }

    public static CostEstimate estimate(Flow flow, CpuProfile cpu, boolean iommu, boolean mitigationsOff,
                                        int returningCpus) {
        Map<CostPath, Double> ns = new EnumMap<>(CostPath.class);
        Map<CostPath, Figure> used = new EnumMap<>(CostPath.class);
        if (flow.packets() <= 0) {
            return new CostEstimate(ns, used, 0, 0, false);
        }
        double packets = flow.packets();
        long[] counts = {flow.fastPairs(), flow.ringPages(), flow.allocatorPages(), flow.highOrderBlocks(),
            iommu ? flow.dmaMaps() : 0, iommu ? flow.dmaUnmaps() : 0, flow.crossCpuReturns(), flow.packets()};
        CostPath[] paths = CostPath.values();
        double total = 0;
        boolean estimate = false;
        for (int i = 0; i < paths.length; i++) {
            Figure figure = CostTable.figure(cpu, paths[i], mitigationsOff, returningCpus);
            double perPacket = counts[i] * figure.ns() / packets;
            ns.put(paths[i], perPacket);
            used.put(paths[i], figure);
            total += perPacket;
            estimate |= counts[i] > 0 && figure.estimate();
        }
        return new CostEstimate(ns, used, total, total > 0 ? 1000.0 / total : 0, estimate);
    }
}
