// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import org.pagepool.trace.Place;

/**
 * {@code struct page}: the fields page_pool uses, for one page frame (the head
 * page when it starts a block of order > 0).
 *
 * <p>{@code pp_magic} overlays {@code lru.next}, whose bit 1 marks a page from
 * the pfmemalloc reserves: so {@link #isPfmemalloc()} reads bit 1 of
 * {@code pp_magic}, and {@code page_pool_release_page} clearing pp_magic also
 * clears it, as in v5.14.
 *
 * <p>Besides the kernel's fields a page records where it is ({@link Place}),
 * which pool counted it as held and the handle it got: bookkeeping that lets
 * the model refuse what would corrupt memory and show every movement.
 * Single-threaded: only the thread that owns the model touches a page.
 */
public final class Page {
    /** {@code PP_SIGNATURE}: 0x40 + POISON_POINTER_DELTA on x86-64. */
    public static final long PP_SIGNATURE = 0xdead000000000040L;
    static final long PFMEMALLOC_BIT = 1L << 1;

    private final int nid;
    private final int pfn;
    int refcount;
    int order;
    private long ppMagic;
    private PageOwner pp;
    private long dmaAddr;

    /** {@link Place#ordinal()} of where the page is: an int store, unlike an enum reference, needs no GC barrier. */
    private int place = Place.BUDDY.ordinal();
    private PageOwner owner;
    private int handle;

    Page(int nid, int pfn) {
        this.nid = nid;
        this.pfn = pfn;
    }

    /** A copy for a model snapshot; {@code owner} and {@code pp} still name the original pools until remapped. */
    Page(Page o) {
        this.nid = o.nid;
        this.pfn = o.pfn;
        this.refcount = o.refcount;
        this.order = o.order;
        this.ppMagic = o.ppMagic;
        this.pp = o.pp;
        this.dmaAddr = o.dmaAddr;
        this.place = o.place;
        this.owner = o.owner;
        this.handle = o.handle;
    }

    /** {@code page_to_nid()}. */
    public int nid() {
        return nid;
    }

    /** {@code page_to_pfn()} within its node. */
    public int pfn() {
        return pfn;
    }

    /** {@code page_ref_count()}. */
    public int refCount() {
        return refcount;
    }

    /** {@code compound_order()}: the block is 2^order pages. */
    public int order() {
        return order;
    }

    public long ppMagic() {
        return ppMagic;
    }

    public void setPpMagic(long ppMagic) {
        this.ppMagic = ppMagic;
    }

    /** {@code page_is_pfmemalloc()}. */
    public boolean isPfmemalloc() {
        return (ppMagic & PFMEMALLOC_BIT) != 0;
    }

    /** {@code page->pp}: set when the page rides an skb marked for recycling. */
    public PageOwner pp() {
        return pp;
    }

    public void setPp(PageOwner pp) {
        this.pp = pp;
    }

    /** {@code page_pool_get_dma_addr()}. */
    public long dmaAddr() {
        return dmaAddr;
    }

    /** {@code page_pool_set_dma_addr()}. */
    public void setDmaAddr(long dmaAddr) {
        this.dmaAddr = dmaAddr;
    }

    /** Where the page is now (model bookkeeping). */
    public Place place() {
        return Place.ofOrdinal(place);
    }

    /** {@code place() == p}, without decoding the place. */
    public boolean isAt(Place p) {
        return place == p.ordinal();
    }

    /** {@code place().isDriverSide()}, without decoding the place. */
    public boolean isDriverSide() {
        return Place.isDriverSide(place);
    }

    public void setPlace(Place place) {
        this.place = place.ordinal();
    }

    /** The pool that counted this page as held, or null (model bookkeeping). */
    public PageOwner owner() {
        return owner;
    }

    /** The handle the owning pool gave this page (its hold count then), 0 for none. */
    public int handle() {
        return handle;
    }

    public void setOwner(PageOwner owner, int handle) {
        this.owner = owner;
        this.handle = handle;
    }

    /** Number of order-0 pages in this block. */
    public int pages() {
        return 1 << order;
    }

    /** Back to the state of a free page frame: what the page allocator does on free. */
    void resetOnFree() {
        refcount = 0;
        ppMagic = 0;
        pp = null;
        dmaAddr = 0;
        place = Place.BUDDY.ordinal();
        // owner and handle stay: a dead handle is recognised by the page being free
        // or by a newer handle on the same frame.
    }

    @Override
    public String toString() {
        return "page[n" + nid + ":" + pfn + (order > 0 ? " order " + order : "")
                + (handle != 0 ? " p" + Integer.toUnsignedString(handle) : "") + " " + place() + "]";
    }
}
