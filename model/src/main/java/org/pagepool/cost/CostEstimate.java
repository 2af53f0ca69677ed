// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

import java.util.Map;

/**
 * What a real CPU would spend per packet on a flow: nanoseconds per packet by
 * path (with the figure each used), the total, and packets per second on one
 * core. {@code estimate} is true when any figure used is an estimate.
 */
public record CostEstimate(Map<CostPath, Double> nsPerPacket, Map<CostPath, Figure> figures, double totalNs,
                           double mpps, boolean estimate) {
    public CostEstimate {
        nsPerPacket = Map.copyOf(nsPerPacket);
        figures = Map.copyOf(figures);
    }
}
