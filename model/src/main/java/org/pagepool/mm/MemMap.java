// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.pagepool.pack.VarLongs;
import org.pagepool.trace.Place;
import org.pagepool.trace.Tracer;

/**
 * The kernel's {@code struct page} array ({@code mem_map}, vmemmap): for every
 * page frame of every node, the fields page_pool uses, in primitive arrays
 * indexed by the frame ({@link PageRef}). Per page, one packed word of 64
 * bits holds what the pool's paths read: the refcount, the flags (order, the
 * {@code pp_magic} signature and pfmemalloc bit, whether {@code page->pp} is
 * set, whether a DMA address is set) and the pool that counts it as held.
 * Where the page is (the model's place) is a byte beside it, so that moving a
 * page is one plain store that no later read of the word waits for: the
 * kernel's fast path writes nothing into a struct page, and the model's
 * bookkeeping must not chain one page move to the next through the word.
 * Its handle in that pool is an int: 13 bytes a page.
 *
 * <p>The arrays come in sections of {@value #SECTION_PAGES} frames. A section
 * nobody wrote to is a shared zeroed one, so untouched memory costs nothing.
 * A copy for a snapshot shares every section of words and handles with its
 * original, and whichever of the two writes to a shared section first copies
 * it (copy on write). The places, a byte a page, are copied with the snapshot
 * (milliseconds for 2^24 pages), so that moving a page needs no check; a
 * snapshot kept to go back to packs them in runs ({@link #keep}).
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

    /** The most pools the owner bits name (ids 1..MAX_POOL_ID). */
    public static final int MAX_POOL_ID = (1 << 20) - 1;

    // the packed word: refcount in bits 0..31, then the flags and the owner
    private static final int FLAGS_SHIFT = 32;
    private static final long ORDER_MASK = 0x0fL << FLAGS_SHIFT;
    private static final long SIGNATURE = 1L << 36;
    private static final long PFMEMALLOC = 1L << 37;
    private static final long PP_SET = 1L << 38;
    private static final long DMA_SET = 1L << 39;
    private static final int OWNER_SHIFT = 44;
    private static final long REFCOUNT_MASK = 0xffffffffL;

    private static final long[] ZERO_LONGS = new long[SECTION_PAGES];
    private static final int[] ZERO_INTS = new int[SECTION_PAGES];
    private static final byte[] ZERO_BYTES = new byte[SECTION_PAGES];

    private final int[] nodePages;
    /** Per page: refcount, flags and owner, packed (see the shifts above). */
    private final long[][] word;
    /** Per page: the ordinal of its {@link Place} (0 is the buddy allocator). */
    private final byte[][] place;
    private final int[][] handle;
    /**
     * Not 0 while section s's words and handles may be read by another copy
     * (or are the zeroed ones): they are copied before the first write to
     * either (places are never shared, see {@link #writablePlace}). A write
     * costs one load and a branch more than a read, and reads and writes go
     * through the same section arrays, so the JIT can keep what a write
     * stored for the next read.
     * Ints, not booleans: the JIT takes a store into a byte array (a place) as
     * a possible store into a boolean array, and would read the flag again.
     */
    private final int[] shared;
    /**
     * A kept copy's places, each section's packed in runs ({@link #keep}),
     * null for the zeroed ones; null in a map in use.
     */
    private byte[][] keptPlaces;

    /** The struct pages of nodes with {@code nodePages[nid]} pages each, all zeroed (free, in the buddy). */
    MemMap(int[] nodePages) {
        this.nodePages = nodePages.clone();
        int sections = 0;
        for (int nid = 0; nid < nodePages.length; nid++) {
            if (nodePages[nid] > 0) {
                sections = sectionOf(PageRef.frame(PageRef.pfnToPage(nid, nodePages[nid] - 1))) + 1;
            }
        }
        word = new long[sections][];
        place = new byte[sections][];
        handle = new int[sections][];
        shared = new int[sections];
        Arrays.fill(shared, 1);
        Arrays.fill(word, ZERO_LONGS);
        Arrays.fill(place, ZERO_BYTES);
        Arrays.fill(handle, ZERO_INTS);
    }

    private MemMap(MemMap o) {
        nodePages = o.nodePages;
        word = o.word.clone();
        place = o.place.clone();
        for (int s = 0; s < place.length; s++) {
            if (o.keptPlaces != null && o.keptPlaces[s] != null) {
                place[s] = VarLongs.unpackRuns(o.keptPlaces[s]);
            } else if (place[s] != ZERO_BYTES) {
                place[s] = place[s].clone();
            }
        }
        handle = o.handle.clone();
        shared = new int[o.shared.length];
        Arrays.fill(shared, 1);
        Arrays.fill(o.shared, 1); // the original must not write into what the copy now reads
    }

    /**
     * A copy for a snapshot: shares every section of words and handles until
     * one side writes to it; the places (a byte a page) are copied at once.
     */
    MemMap copy() {
        return new MemMap(this);
    }

    /**
     * Packs the places in runs (a ring's pages lie side by side): a copy
     * that is kept, not used, until it is copied again. The words and
     * handles stay shared.
     */
    void keep() {
        if (keptPlaces == null) {
            keptPlaces = new byte[place.length][];
            for (int s = 0; s < place.length; s++) {
                if (place[s] != ZERO_BYTES) {
                    keptPlaces[s] = VarLongs.packRuns(place[s]);
                    place[s] = null;
                }
            }
        }
    }

    private static int sectionOf(int frame) {
        return frame >>> SECTION_SHIFT;
    }

    /** The words of {@code page}'s section, made this copy's own first. */
    private long[] writable(int page) {
        int s = section(page);
        if (shared[s] != 0) {
            unshare(s);
        }
        return word[s];
    }

    /**
     * The places of {@code page}'s section. Copies never share places, so a
     * move, the most frequent write, needs no copy-on-write check (which also
     * made {@code allocPages} too big for the JIT to inline on the ring path).
     * Only a section never written holds the zeroed places (it becomes this
     * copy's own, words and all); the simulation never gets there, since a
     * page is moved once allocated and allocating writes its word, so the JIT
     * compiles that branch out.
     */
    private byte[] writablePlace(int page) {
        int s = section(page);
        byte[] places = place[s];
        if (places == ZERO_BYTES) {
            unshare(s);
            places = place[s];
        }
        return places;
    }

    private void unshare(int s) {
        word[s] = word[s].clone();
        if (place[s] == ZERO_BYTES) {
            place[s] = new byte[SECTION_PAGES]; // otherwise this copy's own already
        }
        handle[s] = handle[s].clone();
        shared[s] = 0;
    }

    private static int index(int page) {
        return PageRef.frame(page) & SECTION_MASK;
    }

    private static int section(int page) {
        return sectionOf(PageRef.frame(page));
    }

    private long word(int page) {
        return word[section(page)][index(page)];
    }

    /** Replaces the bits of {@code mask} with {@code bits}. */
    private void setBits(int page, long mask, long bits) {
        long[] w = writable(page);
        int i = index(page);
        w[i] = w[i] & ~mask | bits;
    }

    // ---- the kernel's fields --------------------------------------------------------------------------------

    /** {@code page_ref_count()}. */
    public int pageRefCount(int page) {
        return (int) word(page);
    }

    /** {@code set_page_count()}. */
    void setPageCount(int page, int count) {
        setBits(page, REFCOUNT_MASK, count & REFCOUNT_MASK);
    }

    /** {@code compound_order()}: the block is 2^order pages. */
    public int compoundOrder(int page) {
        return (int) ((word(page) & ORDER_MASK) >>> FLAGS_SHIFT);
    }

    /** Number of order-0 pages in the page's block. */
    public int pages(int page) {
        return 1 << compoundOrder(page);
    }

    /** {@code page->pp_magic}. */
    public long ppMagic(int page) {
        long f = word(page);
        return ((f & SIGNATURE) != 0 ? PP_SIGNATURE : 0) | ((f & PFMEMALLOC) != 0 ? PFMEMALLOC_BIT : 0);
    }

    /** {@code page->pp_magic = magic}: 0 or {@link #PP_SIGNATURE}, each with or without the pfmemalloc bit. */
    public void setPpMagic(int page, long magic) {
        long signature = magic & ~PFMEMALLOC_BIT;
        if (signature != 0 && signature != PP_SIGNATURE) {
            throw new IllegalArgumentException("pp_magic " + Long.toHexString(magic)
                    + ": the model keeps only PP_SIGNATURE and the pfmemalloc bit");
        }
        setBits(page, SIGNATURE | PFMEMALLOC,
                (signature != 0 ? SIGNATURE : 0) | ((magic & PFMEMALLOC_BIT) != 0 ? PFMEMALLOC : 0));
    }

    /** {@code page_is_pfmemalloc()}: bit 1 of pp_magic, so clearing pp_magic clears it too, as in v5.14. */
    public boolean pageIsPfmemalloc(int page) {
        return (word(page) & PFMEMALLOC) != 0;
    }

    /** {@code page->pp}: the id of the pool an skb's page goes back to, 0 for NULL. */
    public int pp(int page) {
        long w = word(page);
        return (w & PP_SET) != 0 ? (int) (w >>> OWNER_SHIFT) : 0;
    }

    /** {@code page->pp = pool}: 0 for NULL, else the pool that counts the page as held. */
    public void setPp(int page, int pool) {
        if (pool != 0 && pool != owner(page)) {
            throw new IllegalArgumentException("page->pp can only name the pool that holds the page");
        }
        setBits(page, PP_SET, pool != 0 ? PP_SET : 0);
    }

    /** {@code page_pool_get_dma_addr()}. */
    public long dmaAddr(int page) {
        return (word(page) & DMA_SET) != 0 ? PageRef.pageToPhys(page) : 0;
    }

    /** {@code page_pool_set_dma_addr()}: 0, or the address {@code dma_map_page_attrs()} gave for the page. */
    public void setDmaAddr(int page, long dma) {
        if (dma != 0 && dma != PageRef.pageToPhys(page)) {
            throw new IllegalArgumentException("DMA address " + Long.toHexString(dma)
                    + ": the model maps a page at its physical address");
        }
        setBits(page, DMA_SET, dma != 0 ? DMA_SET : 0);
    }

    // ---- the model's own fields -----------------------------------------------------------------------------

    /** Where the page is now (model bookkeeping). */
    public Place place(int page) {
        return Place.ofOrdinal(placeOrdinal(page));
    }

    private int placeOrdinal(int page) {
        return place[section(page)][index(page)];
    }

    /** {@code place(page) == p}, without decoding the place. */
    public boolean isAt(int page, Place p) {
        return placeOrdinal(page) == p.ordinal();
    }

    /** {@code place(page).isDriverSide()}, without decoding the place. */
    public boolean isDriverSide(int page) {
        return Place.isDriverSide(placeOrdinal(page));
    }

    /**
     * The guard of every put, two loads that only feed branches: {@code pool}
     * counts the page as held, the page is on the driver's side and has references.
     */
    public boolean isHeldBy(int page, int pool) {
        long w = word(page);
        return (int) (w >>> OWNER_SHIFT) == pool && Place.isDriverSide(placeOrdinal(page)) && (int) w > 0;
    }

    /** A byte, not an enum reference (no GC barrier), and a plain store: nothing waits for it. */
    void setPlace(int page, Place p) {
        writablePlace(page)[index(page)] = (byte) p.ordinal();
    }

    /** Moves the page to {@code to}, telling the tracer where from (decoded only when someone listens). */
    public void move(int page, Place to, Tracer tracer) {
        if (!tracer.enabled()) {
            setPlace(page, to);
            return;
        }
        Place from = place(page);
        setPlace(page, to);
        tracer.moved(owner(page), handle(page), PageRef.pageToNid(page), PageRef.pageToPfn(page),
                compoundOrder(page), from, to);
    }

    /** The id of the pool that counted this page as held, 0 for none (model bookkeeping). */
    public int owner(int page) {
        return (int) (word(page) >>> OWNER_SHIFT);
    }

    /** The handle the owning pool gave this page (its hold count then), 0 for none. */
    public int handle(int page) {
        return handle[section(page)][index(page)];
    }

    public void setOwner(int page, int pool, int poolHandle) {
        if (pool < 0 || pool > MAX_POOL_ID) {
            throw new IllegalArgumentException("pool id " + pool + ": the mem_map names pools 1.." + MAX_POOL_ID);
        }
        long[] w = writable(page);
        int i = index(page);
        w[i] = w[i] & ((1L << OWNER_SHIFT) - 1) | (long) pool << OWNER_SHIFT;
        handle[section(page)][i] = poolHandle; // made this copy's own with the words
    }

    /** A newly allocated block: one reference, its order, pp_magic 0 or the pfmemalloc bit. */
    void prepNewPage(int page, int order, boolean pfmemalloc) {
        long[] w = writable(page);
        int i = index(page);
        long kept = w[i] & -1L << OWNER_SHIFT;
        w[i] = kept | 1 | (long) order << FLAGS_SHIFT | (pfmemalloc ? PFMEMALLOC : 0);
    }

    /**
     * Back to the state of a free page frame, as the page allocator leaves it,
     * in two stores: no references, order 0, pp_magic, pp and DMA address
     * cleared, in the buddy allocator. Owner and handle stay: a dead handle is
     * recognised by the page being free or by a newer handle on the same frame.
     */
    void resetOnFree(int page) {
        long[] w = writable(page);
        int i = index(page);
        w[i] = w[i] & (-1L << OWNER_SHIFT);
        place[section(page)][i] = (byte) Place.BUDDY.ordinal(); // made this copy's own with the words
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
                if (word[section(first + pfn)] == ZERO_LONGS) {
                    continue; // never written to: every page in it is free and has never been used
                }
                int end = Math.min(nodePages[nid], pfn + SECTION_PAGES);
                for (int p = pfn; p < end; p++) {
                    action.accept(first + p);
                }
            }
        }
    }

    /**
     * Bytes the sections written to take (shared ones counted in full: a snapshot may come to own them), a
     * kept copy's places as packed.
     */
    long footprintBytes() {
        long bytes = 4L * 4 * word.length;
        for (int s = 0; s < word.length; s++) {
            if (word[s] != ZERO_LONGS) {
                bytes += SECTION_PAGES * (8L + 4) + (keptPlaces == null ? SECTION_PAGES
                        : keptPlaces[s] == null ? 0 : 16 + keptPlaces[s].length);
            }
        }
        return bytes;
    }
}
