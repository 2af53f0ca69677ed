// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.pagepool.trace.Place;

/**
 * The kernel's {@code struct page} array ({@code mem_map}, vmemmap): for every
 * page frame of every node, the fields page_pool uses, in primitive arrays
 * indexed by the frame ({@link PageRef}). Per page: the refcount, a byte of
 * flags (order, the {@code pp_magic} signature and pfmemalloc bit, whether
 * {@code page->pp} is set, whether a DMA address is set), where the page is,
 * the pool that counts it as held and its handle there: 14 bytes.
 *
 * <p>The arrays come in sections of {@value #SECTION_PAGES} frames. A section
 * nobody wrote to is a shared zeroed one, so untouched memory costs nothing;
 * a copy for a snapshot shares every section with its original, and whichever
 * of the two writes to a shared section first copies it (copy on write), so a
 * snapshot of any size takes microseconds.
 *
 * <p>Only the values the kernel can store are kept: {@code pp_magic} is 0 or
 * {@code PP_SIGNATURE}, with or without the pfmemalloc bit; {@code page->pp} is
 * NULL or the owning pool; the DMA address is 0 or {@code page_to_phys()},
 * which is what {@code dma_map_page_attrs()} returns without an IOMMU.
 * Single-threaded: only the thread that owns the model touches it.
 */
public final class MemMap {
    /** {@code PP_SIGNATURE}: 0x40 + POISON_POINTER_DELTA on x86-64. */
    public static final long PP_SIGNATURE = 0xdead000000000040L;
    /** Bit 1 of {@code pp_magic} (overlaying {@code lru.next}): the page came from the pfmemalloc reserves. */
    static final long PFMEMALLOC_BIT = 1L << 1;

    static final int SECTION_SHIFT = 12;
    static final int SECTION_PAGES = 1 << SECTION_SHIFT;
    private static final int SECTION_MASK = SECTION_PAGES - 1;

    // the flags byte
    private static final int ORDER_MASK = 0x0f;
    private static final int SIGNATURE = 1 << 4;
    private static final int PFMEMALLOC = 1 << 5;
    private static final int PP_SET = 1 << 6;
    private static final int DMA_SET = 1 << 7;

    private static final int[] ZERO_INTS = new int[SECTION_PAGES];
    private static final byte[] ZERO_BYTES = new byte[SECTION_PAGES];

    private final int[] nodePages;
    private final int[][] refcount;
    private final byte[][] flags;
    private final byte[][] place;
    private final int[][] owner;
    private final int[][] handle;
    /** True while section s may be read by another copy (or is the zeroed one): copy it before writing. */
    private final boolean[] shared;

    /** The struct pages of nodes with {@code nodePages[nid]} pages each, all zeroed (free, in the buddy). */
    MemMap(int[] nodePages) {
        this.nodePages = nodePages.clone();
        int sections = 0;
        for (int nid = 0; nid < nodePages.length; nid++) {
            if (nodePages[nid] > 0) {
                sections = sectionOf(PageRef.frame(PageRef.pfnToPage(nid, nodePages[nid] - 1))) + 1;
            }
        }
        refcount = new int[sections][];
        flags = new byte[sections][];
        place = new byte[sections][];
        owner = new int[sections][];
        handle = new int[sections][];
        shared = new boolean[sections];
        Arrays.fill(refcount, ZERO_INTS);
        Arrays.fill(flags, ZERO_BYTES);
        Arrays.fill(place, ZERO_BYTES);
        Arrays.fill(owner, ZERO_INTS);
        Arrays.fill(handle, ZERO_INTS);
        Arrays.fill(shared, true);
    }

    private MemMap(MemMap o) {
        nodePages = o.nodePages;
        refcount = o.refcount.clone();
        flags = o.flags.clone();
        place = o.place.clone();
        owner = o.owner.clone();
        handle = o.handle.clone();
        shared = new boolean[o.shared.length];
        Arrays.fill(shared, true);
        Arrays.fill(o.shared, true); // the original must not write into what the copy now reads
    }

    /** A copy for a snapshot: shares every section until one side writes to it. */
    MemMap copy() {
        return new MemMap(this);
    }

    private static int sectionOf(int frame) {
        return frame >>> SECTION_SHIFT;
    }

    /** The section of {@code page}, made this copy's own first. */
    private int writable(int page) {
        int s = sectionOf(PageRef.frame(page));
        if (shared[s]) {
            unshare(s);
        }
        return s;
    }

    private void unshare(int s) {
        refcount[s] = refcount[s].clone();
        flags[s] = flags[s].clone();
        place[s] = place[s].clone();
        owner[s] = owner[s].clone();
        handle[s] = handle[s].clone();
        shared[s] = false;
    }

    private static int index(int page) {
        return PageRef.frame(page) & SECTION_MASK;
    }

    private static int section(int page) {
        return sectionOf(PageRef.frame(page));
    }

    private int flags(int page) {
        return flags[section(page)][index(page)];
    }

    private void setFlags(int page, int value) {
        flags[writable(page)][index(page)] = (byte) value;
    }

    // ---- the kernel's fields --------------------------------------------------------------------------------

    /** {@code page_ref_count()}. */
    public int pageRefCount(int page) {
        return refcount[section(page)][index(page)];
    }

    /** {@code set_page_count()}. */
    void setPageCount(int page, int count) {
        refcount[writable(page)][index(page)] = count;
    }

    /** {@code compound_order()}: the block is 2^order pages. */
    public int compoundOrder(int page) {
        return flags(page) & ORDER_MASK;
    }

    void setCompoundOrder(int page, int order) {
        setFlags(page, (flags(page) & ~ORDER_MASK) | order);
    }

    /** Number of order-0 pages in the page's block. */
    public int pages(int page) {
        return 1 << compoundOrder(page);
    }

    /** {@code page->pp_magic}. */
    public long ppMagic(int page) {
        int f = flags(page);
        return ((f & SIGNATURE) != 0 ? PP_SIGNATURE : 0) | ((f & PFMEMALLOC) != 0 ? PFMEMALLOC_BIT : 0);
    }

    /** {@code page->pp_magic = magic}: 0 or {@link #PP_SIGNATURE}, each with or without the pfmemalloc bit. */
    public void setPpMagic(int page, long magic) {
        long signature = magic & ~PFMEMALLOC_BIT;
        if (signature != 0 && signature != PP_SIGNATURE) {
            throw new IllegalArgumentException("pp_magic " + Long.toHexString(magic)
                    + ": the model keeps only PP_SIGNATURE and the pfmemalloc bit");
        }
        int f = flags(page) & ~(SIGNATURE | PFMEMALLOC);
        setFlags(page, f | (signature != 0 ? SIGNATURE : 0) | ((magic & PFMEMALLOC_BIT) != 0 ? PFMEMALLOC : 0));
    }

    /** {@code page_is_pfmemalloc()}: bit 1 of pp_magic, so clearing pp_magic clears it too, as in v5.14. */
    public boolean pageIsPfmemalloc(int page) {
        return (flags(page) & PFMEMALLOC) != 0;
    }

    /** {@code page->pp}: the id of the pool an skb's page goes back to, 0 for NULL. */
    public int pp(int page) {
        return (flags(page) & PP_SET) != 0 ? owner(page) : 0;
    }

    /** {@code page->pp = pool}: 0 for NULL, else the pool that counts the page as held. */
    public void setPp(int page, int pool) {
        if (pool != 0 && pool != owner(page)) {
            throw new IllegalArgumentException("page->pp can only name the pool that holds the page");
        }
        setFlags(page, pool != 0 ? flags(page) | PP_SET : flags(page) & ~PP_SET);
    }

    /** {@code page_pool_get_dma_addr()}. */
    public long dmaAddr(int page) {
        return (flags(page) & DMA_SET) != 0 ? PageRef.pageToPhys(page) : 0;
    }

    /** {@code page_pool_set_dma_addr()}: 0, or the address {@code dma_map_page_attrs()} gave for the page. */
    public void setDmaAddr(int page, long dma) {
        if (dma != 0 && dma != PageRef.pageToPhys(page)) {
            throw new IllegalArgumentException("DMA address " + Long.toHexString(dma)
                    + ": the model maps a page at its physical address");
        }
        setFlags(page, dma != 0 ? flags(page) | DMA_SET : flags(page) & ~DMA_SET);
    }

    // ---- the model's own fields -----------------------------------------------------------------------------

    /** Where the page is now (model bookkeeping). */
    public Place place(int page) {
        return Place.ofOrdinal(place[section(page)][index(page)]);
    }

    /** {@code place(page) == p}, without decoding the place. */
    public boolean isAt(int page, Place p) {
        return place[section(page)][index(page)] == p.ordinal();
    }

    /** {@code place(page).isDriverSide()}, without decoding the place. */
    public boolean isDriverSide(int page) {
        return Place.isDriverSide(place[section(page)][index(page)]);
    }

    /** A byte store: unlike an enum reference it needs no GC barrier. */
    void setPlace(int page, Place p) {
        place[writable(page)][index(page)] = (byte) p.ordinal();
    }

    /** The id of the pool that counted this page as held, 0 for none (model bookkeeping). */
    public int owner(int page) {
        return owner[section(page)][index(page)];
    }

    /** The handle the owning pool gave this page (its hold count then), 0 for none. */
    public int handle(int page) {
        return handle[section(page)][index(page)];
    }

    public void setOwner(int page, int pool, int poolHandle) {
        int s = writable(page);
        owner[s][index(page)] = pool;
        handle[s][index(page)] = poolHandle;
    }

    /** A newly allocated block: one reference, its order, pp_magic 0 or the pfmemalloc bit. */
    void prepNewPage(int page, int order, boolean pfmemalloc) {
        int s = writable(page);
        refcount[s][index(page)] = 1;
        flags[s][index(page)] = (byte) (order | (pfmemalloc ? PFMEMALLOC : 0));
    }

    /**
     * Back to the state of a free page frame, as the page allocator leaves it:
     * no references, pp_magic, pp and DMA address cleared, in the buddy
     * allocator. The order stays until the caller has reported the move; owner
     * and handle stay: a dead handle is recognised by the page being free or
     * by a newer handle on the same frame.
     */
    void resetOnFree(int page) {
        int s = writable(page);
        refcount[s][index(page)] = 0;
        flags[s][index(page)] &= ORDER_MASK;
        place[s][index(page)] = (byte) Place.BUDDY.ordinal();
    }

    /** How the page is described in messages: {@code page[n0:12 order 2 p5 driver]}. */
    public String describe(int page) {
        int order = compoundOrder(page);
        int h = handle(page);
        return "page[n" + PageRef.pageToNid(page) + ":" + PageRef.pageToPfn(page) + (order > 0 ? " order " + order : "")
                + (h != 0 ? " p" + Integer.toUnsignedString(h) : "") + " " + place(page) + "]";
    }

    // ---- the whole array ------------------------------------------------------------------------------------

    /** Calls {@code action} with every page of every section written to so far (free or not), in frame order. */
    void forEachPage(IntConsumer action) {
        for (int nid = 0; nid < nodePages.length; nid++) {
            int first = PageRef.pfnToPage(nid, 0);
            for (int pfn = 0; pfn < nodePages[nid]; pfn += SECTION_PAGES) {
                if (refcount[section(first + pfn)] == ZERO_INTS) {
                    continue; // never written to: every page in it is free and has never been used
                }
                int end = Math.min(nodePages[nid], pfn + SECTION_PAGES);
                for (int p = pfn; p < end; p++) {
                    action.accept(first + p);
                }
            }
        }
    }

    /** Bytes the sections written to take (shared ones counted in full: a snapshot may come to own them). */
    long footprintBytes() {
        long sections = 0;
        for (int[] section : refcount) {
            if (section != ZERO_INTS) {
                sections++;
            }
        }
        return sections * SECTION_PAGES * (4L + 1 + 1 + 4 + 4) + 5L * 4 * refcount.length;
    }
}
