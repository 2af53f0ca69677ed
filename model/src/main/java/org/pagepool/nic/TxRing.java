// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.mm.PageRef;

/** The NIC's TX ring for XDP_TX: pages (page references) wait in order for their transmit completion. */
public final class TxRing {
    private final int[] pages;
    private final long[] completesAt;
    private int head;
    private int count;

    public TxRing(int size) {
        pages = new int[size];
        completesAt = new long[size];
    }

    private TxRing(TxRing o) {
        pages = o.pages.clone();
        completesAt = o.completesAt.clone();
        head = o.head;
        count = o.count;
    }

    public TxRing copy() {
        return new TxRing(this);
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

    void enqueue(int page, long completionTime) {
        int tail = wrap(head + count);
        pages[tail] = page;
        completesAt[tail] = completionTime;
        count++;
    }

    /** When the oldest frame completes, or {@link Long#MAX_VALUE} when the ring is empty. */
    public long nextCompletion() {
        return count == 0 ? Long.MAX_VALUE : completesAt[head];
    }

    int dequeue() {
        int page = pages[head];
        pages[head] = PageRef.NULL;
        head = head + 1 == pages.length ? 0 : head + 1;
        count--;
        return page;
    }

    /** The i-th oldest page in flight (0 = next to complete). */
    public int inFlight(int i) {
        return pages[wrap(head + i)];
    }

    /** An index past the end comes round to the start (below twice the size): no division on the way. */
    private int wrap(int i) {
        return i >= pages.length ? i - pages.length : i;
    }
}
