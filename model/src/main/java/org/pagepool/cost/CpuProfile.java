// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

/** The CPUs with published page_pool figures. */
public enum CpuProfile {
    XEON_E5_1650_V4("Intel Xeon E5-1650 v4 (3.6 GHz)"),
    EPYC_9684X("AMD EPYC 9684X"),
    XEON_GOLD_6140("Intel Xeon Gold 6140");

    private final String label;

    CpuProfile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
