// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

/** Where a packet's page spends CPU time, each with the unit its published figure is given in. */
public enum CostPath {
    /** Alloc from the cache + direct recycle into it: per pair. */
    FAST_PATH("fast path (cache)"),
    /** Recycle through the ptr_ring and refill: per page. */
    RING("ptr_ring"),
    /** The page allocator inside page_pool (bulk of 64, no DMA): per page. */
    PAGE_ALLOCATOR("page allocator"),
    /** One high-order block from the page allocator: per block (no published figure). */
    HIGH_ORDER("high-order blocks"),
    /** Mapping a page for DMA (only costly through an IOMMU): per page. */
    DMA_MAP("DMA map"),
    /** Unmapping a page released by the pool: per page. */
    DMA_UNMAP("DMA unmap"),
    /** A page returned from another CPU: per page. */
    CROSS_CPU("cross-CPU returns"),
    /** The driver and XDP around each packet (an XDP_DROP packet minus its fast-path pair): per packet. */
    DRIVER("driver + XDP");

    private final String label;

    CostPath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
