// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.dma;

/** {@code enum dma_data_direction}, with the kernel's values. */
public enum DmaDirection {
    BIDIRECTIONAL(0),
    TO_DEVICE(1),
    FROM_DEVICE(2),
    NONE(3);

    private final int value;

    DmaDirection(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
