// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.mm.PageRef;

/** The NIC's TX ring for XDP_TX: pages (page references) wait in order for their transmit completion. */
public final class TxRing {
    private int[] pages;
    private long[] completesAt;
    /**
     * A kept copy's frames ({@link #keep}), oldest first, after the ring's
     * size: page, time, page, time...; the arrays are then null.
     */
    private long[] kept;
    private int head;
    private int count;

    public TxRing(int size) {
        pages = new int[size];
        completesAt = new long[size];
    }

    private TxRing(TxRing o) {
        head = o.head;
        count = o.count;
        if (o.kept == null) {
            pages = o.pages.clone();
            completesAt = o.completesAt.clone();
        } else {
            pages = new int[(int) o.kept[0]];
            completesAt = new long[pages.length];
            for (int i = 0; i < count; i++) {
                int at = wrap(head + i);
                pages[at] = (int) o.kept[1 + 2 * i];
                completesAt[at] = o.kept[2 + 2 * i];
            }
        }
    }

    public TxRing copy() {
        return new TxRing(this);
    }

    /**
     * Keeps only the frames in flight: a copy that is kept, not used, until
     * it is copied again. (A free slot's time is never read: enqueue writes it.)
     */
    public void keep() {
        if (kept == null) {
            kept = new long[1 + 2 * count];
            kept[0] = pages.length;
            for (int i = 0; i < count; i++) {
                int at = wrap(head + i);
                kept[1 + 2 * i] = pages[at];
                kept[2 + 2 * i] = completesAt[at];
            }
            pages = null;
            completesAt = null;
        }
    }

    /** The bytes the ring's frames take. */
    public long bytes() {
        return 32 + (kept == null ? 12L * pages.length : 8L * kept.length);
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
