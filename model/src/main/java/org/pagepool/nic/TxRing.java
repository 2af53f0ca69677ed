// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import java.util.function.UnaryOperator;
import org.pagepool.mm.Page;

/** The NIC's TX ring for XDP_TX: pages wait in order for their transmit completion. */
public final class TxRing {
    private final Page[] pages;
    private final long[] completesAt;
    private int head;
    private int count;

    public TxRing(int size) {
        pages = new Page[size];
        completesAt = new long[size];
    }

    private TxRing(TxRing o, UnaryOperator<Page> remap) {
        pages = new Page[o.pages.length];
        completesAt = o.completesAt.clone();
        for (int i = 0; i < pages.length; i++) {
            pages[i] = o.pages[i] == null ? null : remap.apply(o.pages[i]);
        }
        head = o.head;
        count = o.count;
    }

    public TxRing copy(UnaryOperator<Page> remap) {
        return new TxRing(this, remap);
    }

    public int size() {
        return pages.length;
    }

    public int count() {
        return count;
    }

    boolean isFull() {
        return count == pages.length;
    }

    void enqueue(Page page, long completionTime) {
        int tail = (head + count) % pages.length;
        pages[tail] = page;
        completesAt[tail] = completionTime;
        count++;
    }

    /** When the oldest frame completes, or {@link Long#MAX_VALUE} when the ring is empty. */
    public long nextCompletion() {
        return count == 0 ? Long.MAX_VALUE : completesAt[head];
    }

    Page dequeue() {
        Page page = pages[head];
        pages[head] = null;
        head = head + 1 == pages.length ? 0 : head + 1;
        count--;
        return page;
    }

    /** The i-th oldest page in flight (0 = next to complete). */
    public Page inFlight(int i) {
        return pages[(head + i) % pages.length];
    }
}
