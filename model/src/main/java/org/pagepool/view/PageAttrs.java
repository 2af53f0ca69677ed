// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;

/**
 * A page's look in a view, packed in an int: its handle is stored beside it,
 * this holds what colours it. Bits: 0 pfmemalloc, 1 DMA-mapped, 2-4 node,
 * 8-31 the id of the pool that counts it.
 */
public final class PageAttrs {
    public static final int PFMEMALLOC = 1;
    public static final int MAPPED = 1 << 1;

    private PageAttrs() {
    }

    /** The look of {@code page} (a page reference) in {@code memmap}. */
    public static int of(MemMap memmap, int page) {
        return (memmap.pageIsPfmemalloc(page) ? PFMEMALLOC : 0) | (memmap.dmaAddr(page) != 0 ? MAPPED : 0)
                | (PageRef.pageToNid(page) & 7) << 2 | memmap.owner(page) << 8;
    }

    public static boolean pfmemalloc(int attrs) {
        return (attrs & PFMEMALLOC) != 0;
    }

    public static boolean mapped(int attrs) {
        return (attrs & MAPPED) != 0;
    }

    public static int node(int attrs) {
        return (attrs >>> 2) & 7;
    }

    public static int pool(int attrs) {
        return attrs >>> 8;
    }
}
