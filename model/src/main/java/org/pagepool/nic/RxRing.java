// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.mm.PageRef;
import org.pagepool.pack.VarLongs;

/**
 * The NIC's RX descriptor ring. Descriptors are used in order: the driver
 * posts an empty buffer (a page) at {@code refill}, the NIC writes the next
 * packet into the buffer at {@code hwHead}, and NAPI takes completed buffers
 * at {@code swHead}. So, going round the ring: [swHead, hwHead) hold packets,
 * [hwHead, refill) wait for one, [refill, swHead) are empty. Pages are page
 * references ({@code org.pagepool.mm.PageRef}), 0 for none.
 */
public final class RxRing {
    /** What a descriptor holds. */
    public enum Slot { EMPTY, POSTED, COMPLETED }

    private int[] pages;
    /** A kept copy's pages, packed ({@link #keep}); {@link #pages} is then null. */
    private byte[] packed;
    private int swHead;
    private int hwHead;
    private int refill;
    private int posted;
    private int completed;

    public RxRing(int size) {
        pages = new int[size];
    }

    private RxRing(RxRing o) {
        pages = o.pages != null ? o.pages.clone() : VarLongs.unpackInts(o.packed);
        swHead = o.swHead;
        hwHead = o.hwHead;
        refill = o.refill;
        posted = o.posted;
        completed = o.completed;
    }

    public RxRing copy() {
        return new RxRing(this);
    }

    /** Packs the pages: a copy that is kept, not used, until it is copied again. */
    public void keep() {
        if (pages != null) {
            packed = VarLongs.packInts(pages);
            pages = null;
        }
    }

    /** The bytes the ring's pages take. */
    public long bytes() {
        return 16 + (pages != null ? 4L * pages.length : packed.length);
    }

    public int size() {
        return pages.length;
    }

    public int posted() {
        return posted;
    }

    public int completed() {
        return completed;
    }

    public int empty() {
        return pages.length - posted - completed;
    }

    /** The driver posts {@code page} on the next empty descriptor. */
    void post(int page) {
        pages[refill] = page;
        refill = next(refill);
        posted++;
    }

    /** The NIC receives packets into posted buffers; returns how many it could not place (missed). */
    long receive(long packets) {
        long placed = Math.min(packets, posted);
        int head = hwHead + (int) placed; // placed <= posted <= size: no division needed to wrap
        hwHead = head >= pages.length ? head - pages.length : head;
        posted -= (int) placed;
        completed += (int) placed;
        return packets - placed;
    }

    /** The page NAPI takes next (there must be a completed buffer). */
    int next() {
        return pages[swHead];
    }

    /** NAPI takes the next completed buffer (there must be one). */
    int take() {
        int page = pages[swHead];
        pages[swHead] = PageRef.NULL;
        swHead = next(swHead);
        completed--;
        return page;
    }

    /** Takes a descriptor's page whatever its state (the driver tearing the ring down), or 0 for none. */
    int drain(int index) {
        int page = pages[index];
        pages[index] = PageRef.NULL;
        return page;
    }

    private int next(int i) {
        return i + 1 == pages.length ? 0 : i + 1;
    }

    /** The page on descriptor {@code index}, or 0 for none. */
    public int page(int index) {
        return pages[index];
    }

    public Slot slot(int index) {
        if (pages[index] == PageRef.NULL) {
            return Slot.EMPTY;
        }
        int fromSw = Math.floorMod(index - swHead, pages.length);
        return fromSw < completed ? Slot.COMPLETED : Slot.POSTED;
    }

    public int swHead() {
        return swHead;
    }

    public int hwHead() {
        return hwHead;
    }

    public int refillIndex() {
        return refill;
    }
}
