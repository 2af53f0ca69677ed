// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

/**
 * How the simulated NIC and its driver behave. Times are nanoseconds of
 * simulated time; verdict weights need not add up to anything.
 *
 * @param irqNode the NUMA node of {@code irqCpu}
 * @param leak       share of XDP_DROP pages the buggy driver frees with put_page()
 * @param nidChanged whether the driver calls {@code page_pool_nid_changed()} every poll (mlx5 does; most
 *                   drivers never do, and their pools keep the node they were created with)
 */
public record NicConfig(int budget, long packetNs, long pollNs, long irqLatencyNs, int irqCpu, int irqNode,
                        long txLatencyNs, boolean txBulk, double leak, double dropWeight, double txWeight,
                        double redirectWeight, double passWeight, boolean nidChanged) {

    /** A driver that calls {@code page_pool_nid_changed()} every poll. */
    public NicConfig(int budget, long packetNs, long pollNs, long irqLatencyNs, int irqCpu, int irqNode,
                     long txLatencyNs, boolean txBulk, double leak, double dropWeight, double txWeight,
                     double redirectWeight, double passWeight) {
        this(budget, packetNs, pollNs, irqLatencyNs, irqCpu, irqNode, txLatencyNs, txBulk, leak, dropWeight, txWeight,
                redirectWeight, passWeight, true);
    }

    /** Every packet gets XDP_DROP without a draw: no other verdict has weight. */
    boolean dropsAll() {
        return txWeight == 0 && redirectWeight == 0 && passWeight == 0;
    }

    /** The verdict for a uniform draw in [0, 1). */
    Verdict verdict(double draw) {
        double total = dropWeight + txWeight + redirectWeight + passWeight;
        if (total <= 0) {
            return Verdict.DROP;
        }
        double x = draw * total;
        if (x < dropWeight) {
            return Verdict.DROP;
        }
        x -= dropWeight;
        if (x < txWeight) {
            return Verdict.TX;
        }
        x -= txWeight;
        return x < redirectWeight ? Verdict.REDIRECT : Verdict.PASS;
    }
}
