// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import java.util.function.UnaryOperator;
import org.pagepool.mm.Page;

/**
 * The NIC's RX descriptor ring. Descriptors are used in order: the driver
 * posts an empty buffer (a page) at {@code refill}, the NIC writes the next
 * packet into the buffer at {@code hwHead}, and NAPI takes completed buffers
 * at {@code swHead}. So, going round the ring: [swHead, hwHead) hold packets,
 * [hwHead, refill) wait for one, [refill, swHead) are empty.
 */
public final class RxRing {
    /** What a descriptor holds. */
    public enum Slot { EMPTY, POSTED, COMPLETED }

    private final Page[] pages;
    private int swHead;
    private int hwHead;
    private int refill;
    private int posted;
    private int completed;

    public RxRing(int size) {
        pages = new Page[size];
    }

    private RxRing(RxRing o, UnaryOperator<Page> remap) {
        pages = new Page[o.pages.length];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = o.pages[i] == null ? null : remap.apply(o.pages[i]);
        }
        swHead = o.swHead;
        hwHead = o.hwHead;
        refill = o.refill;
        posted = o.posted;
        completed = o.completed;
    }

    public RxRing copy(UnaryOperator<Page> remap) {
        return new RxRing(this, remap);
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
    void post(Page page) {
        pages[refill] = page;
        refill = next(refill);
        posted++;
    }

    /** The NIC receives packets into posted buffers; returns how many it could not place (missed). */
    long receive(long packets) {
        long placed = Math.min(packets, posted);
        for (long i = 0; i < placed; i++) {
            hwHead = next(hwHead);
        }
        posted -= (int) placed;
        completed += (int) placed;
        return packets - placed;
    }

    /** NAPI takes the next completed buffer (there must be one). */
    Page take() {
        Page page = pages[swHead];
        pages[swHead] = null;
        swHead = next(swHead);
        completed--;
        return page;
    }

    /** Takes a descriptor's page whatever its state (the driver tearing the ring down), or null. */
    Page drain(int index) {
        Page page = pages[index];
        pages[index] = null;
        return page;
    }

    private int next(int i) {
        return i + 1 == pages.length ? 0 : i + 1;
    }

    /** The page on descriptor {@code index}, or null. */
    public Page page(int index) {
        return pages[index];
    }

    public Slot slot(int index) {
        if (pages[index] == null) {
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
