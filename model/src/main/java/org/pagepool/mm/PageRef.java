// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

/**
 * A {@code struct page *} as the model passes it: an int naming one page
 * frame of the machine, {@code 1 + (nid << 24 | pfn)}. As in the kernel,
 * where a page pointer is the {@code mem_map} base plus the pfn, 0 is NULL:
 * so a zeroed {@code int[]} is an empty ptr_ring or an empty cache.
 * The page's fields live in the {@link MemMap}, indexed by this number.
 */
public final class PageRef {
    /** {@code NULL}: no page. */
    public static final int NULL = 0;
    /** {@code PAGE_SHIFT}: 4 KiB pages. */
    public static final int PAGE_SHIFT = 12;
    /** Bits of a pfn within its node: a node has at most {@link PageAllocator#MAX_NODE_PAGES} pages. */
    static final int NODE_SHIFT = 24;
    private static final int PFN_MASK = (1 << NODE_SHIFT) - 1;
    /** Each node's physical memory starts at (nid + 1) * 64 GiB: no page has bus address 0. */
    private static final int PHYS_NODE_SHIFT = 36;

    private PageRef() {
    }

    /** {@code pfn_to_page()} for a frame of node {@code nid}. */
    public static int pfnToPage(int nid, int pfn) {
        return (nid << NODE_SHIFT | pfn) + 1;
    }

    /** {@code page_to_nid()}. */
    public static int pageToNid(int page) {
        return (page - 1) >>> NODE_SHIFT;
    }

    /** {@code page_to_pfn()}, within the page's node. */
    public static int pageToPfn(int page) {
        return (page - 1) & PFN_MASK;
    }

    /** {@code page_to_phys()}: where the frame is in physical memory. */
    public static long pageToPhys(int page) {
        return ((long) (pageToNid(page) + 1) << PHYS_NODE_SHIFT) + ((long) pageToPfn(page) << PAGE_SHIFT);
    }

    /** The frame's index over all nodes ({@code nid << 24 | pfn}): where its fields are in the mem_map. */
    static int frame(int page) {
        return page - 1;
    }
}
