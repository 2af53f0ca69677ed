// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The published page_pool costs (KERNEL-NOTES.md, "Published costs"), per
 * CPU. An empty cell is the Xeon E5-1650 v4 figure scaled by that CPU's
 * fast-path ratio, labelled an estimate. The EPYC figures are those with
 * the default mitigations unless mitigations are off.
 */
public final class CostTable {
    static final String SIMPLE = "bench_page_pool_simple (netoptimizer/prototype-kernel)";
    static final String CROSS = "bench_page_pool_cross_cpu (netoptimizer/prototype-kernel)";
    static final String AMD = "xdp-project areas/mem/page_pool08_bench_AMD.org";
    static final String DMA = "xdp-project areas/mem/page_pool07_bench_DMA_fix.org (derived: ~125-160 ns each)";
    static final String BULK = "xdp-project areas/mem/page_pool06_alloc_pages_bulk.org";
    static final String XDP = "the XDP paper (CoNEXT 2018): XDP_DROP 41.6 ns per packet on one core, minus the"
            + " fast-path pair";
    static final String NONE = "no published figure for high-order allocation: an order-0 alloc + put_page";

    /** The E5-1650 v4 figures every other CPU is scaled from. */
    private static final Map<CostPath, Figure> E5 = new EnumMap<>(Map.of(
            CostPath.FAST_PATH, new Figure(5.4, false, SIMPLE),
            CostPath.RING, new Figure(15.1, false, SIMPLE),
            CostPath.PAGE_ALLOCATOR, new Figure(66.1, false, BULK),
            CostPath.HIGH_ORDER, new Figure(55.5, true, NONE),
            CostPath.DMA_MAP, new Figure(142.5, true, DMA),
            CostPath.DMA_UNMAP, new Figure(142.5, true, DMA),
            CostPath.CROSS_CPU, new Figure(30.7, false, CROSS),
            CostPath.DRIVER, new Figure(41.6 - 5.4, true, XDP)));

    /** Cross-CPU returns per page with 1, 2, 3 or 4 CPUs returning at once (E5-1650 v4). */
    private static final double[] E5_CROSS = {30.7, 275, 581, 650};

    private CostTable() {
    }

    /** The figure for {@code path} on {@code cpu}. */
    public static Figure figure(CpuProfile cpu, CostPath path, boolean mitigationsOff, int returningCpus) {
        Figure base = E5.get(path);
        if (path == CostPath.CROSS_CPU) {
            int n = Math.max(1, Math.min(4, returningCpus));
            base = new Figure(E5_CROSS[n - 1], false, CROSS + ", " + n + " CPU" + (n > 1 ? "s" : "")
                    + " returning at once");
        }
        if (cpu == CpuProfile.XEON_E5_1650_V4) {
            return base;
        }
        Figure own = own(cpu, path, mitigationsOff);
        if (own != null) {
            return own;
        }
        double ratio = fastRatio(cpu, mitigationsOff);
        return new Figure(base.ns() * ratio, true, base.source() + "; scaled from the Xeon E5-1650 v4 by this"
                + " CPU's fast-path ratio (" + String.format(Locale.ROOT, "%.2f", ratio) + ")");
    }

    /** This CPU's fast path over the E5-1650 v4's: how empty cells are filled. */
    public static double fastRatio(CpuProfile cpu, boolean mitigationsOff) {
        return own(cpu, CostPath.FAST_PATH, mitigationsOff).ns() / E5.get(CostPath.FAST_PATH).ns();
    }

    /** A published figure of the CPU itself, or null. */
    private static Figure own(CpuProfile cpu, CostPath path, boolean mitigationsOff) {
        if (cpu == CpuProfile.XEON_E5_1650_V4) {
            return E5.get(path);
        }
        if (cpu == CpuProfile.EPYC_9684X) {
            String src = AMD + (mitigationsOff ? " (mitigations off)" : " (default mitigations)");
            switch (path) {
                case FAST_PATH: return new Figure(mitigationsOff ? 3.8 : 14.2, false, src);
                case RING: return new Figure(mitigationsOff ? 10.5 : 34.2, false, src);
                case PAGE_ALLOCATOR: return new Figure(mitigationsOff ? 30.6 : 94.9, false, src);
                default: return null;
            }
        }
        switch (path) {
            case FAST_PATH: return new Figure(5.8, false, SIMPLE + " on a Xeon Gold 6140");
            case RING: return new Figure(17.4, false, SIMPLE + " on a Xeon Gold 6140");
            case PAGE_ALLOCATOR: return new Figure(47.2, false, BULK + " on a Xeon Gold 6140");
            default: return null;
        }
    }
}
