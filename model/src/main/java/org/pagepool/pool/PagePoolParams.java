// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;

/**
 * {@code struct page_pool_params}. The unsigned kernel fields ({@code flags},
 * {@code pool_size}, {@code max_len}, {@code offset}) hold their 32 bits in an int.
 */
public record PagePoolParams(int flags, int order, int poolSize, int nid, DmaDirection dmaDir,
                             int maxLen, int offset) {

    /** Order 0, the default ring, no flags, NUMA_NO_NODE, DMA_FROM_DEVICE. */
    public static PagePoolParams defaults() {
        return new PagePoolParams(0, 0, 0, Kernel.NUMA_NO_NODE, DmaDirection.FROM_DEVICE, 0, 0);
    }

    public PagePoolParams withFlags(int newFlags) {
        return new PagePoolParams(newFlags, order, poolSize, nid, dmaDir, maxLen, offset);
    }

    public PagePoolParams withOrder(int newOrder) {
        return new PagePoolParams(flags, newOrder, poolSize, nid, dmaDir, maxLen, offset);
    }

    public PagePoolParams withPoolSize(int newPoolSize) {
        return new PagePoolParams(flags, order, newPoolSize, nid, dmaDir, maxLen, offset);
    }

    public PagePoolParams withNid(int newNid) {
        return new PagePoolParams(flags, order, poolSize, newNid, dmaDir, maxLen, offset);
    }

    public PagePoolParams withDmaDir(DmaDirection newDir) {
        return new PagePoolParams(flags, order, poolSize, nid, newDir, maxLen, offset);
    }

    public PagePoolParams withMaxLen(int newMaxLen) {
        return new PagePoolParams(flags, order, poolSize, nid, dmaDir, newMaxLen, offset);
    }

    public PagePoolParams withOffset(int newOffset) {
        return new PagePoolParams(flags, order, poolSize, nid, dmaDir, maxLen, newOffset);
    }
}
