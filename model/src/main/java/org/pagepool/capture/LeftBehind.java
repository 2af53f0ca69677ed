// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/**
 * Pages a pool held again while the trace still had them out: each left the
 * pool without a {@code page_pool_state_release} and came back to it from
 * the page allocator. When the kernel's counters agree with every event (no
 * event was lost), that is a page freed behind the pool's back: a
 * {@code put_page()} on a pool page, which the pool keeps counting in
 * flight for ever. The first {@link #KEPT} are kept (primitive arrays,
 * bounded whatever the trace's length); all are counted by the track.
 */
final class LeftBehind {
    /** How many are kept with their pages and times. */
    static final int KEPT = 1 << 16;

    private long[] pages = new long[16];
    private long[] heldNs = new long[16];
    private long[] reheldNs = new long[16];
    private boolean[] pfn = new boolean[16];
    private int count;

    /** {@code page} (a pfn, or an address), held at {@code held}, was held again at {@code reheld}. */
    void add(long page, boolean isPfn, long held, long reheld) {
        if (count == KEPT) {
            return;
        }
        if (count == pages.length) {
            int n = Math.min(KEPT, Math.max(16, count * 2));
            pages = Arrays.copyOf(pages, n);
            heldNs = Arrays.copyOf(heldNs, n);
            reheldNs = Arrays.copyOf(reheldNs, n);
            pfn = Arrays.copyOf(pfn, n);
        }
        pages[count] = page;
        heldNs[count] = held;
        reheldNs[count] = reheld;
        pfn[count++] = isPfn;
    }

    int size() {
        return count;
    }

    long page(int i) {
        return pages[i];
    }

    boolean isPfn(int i) {
        return pfn[i];
    }

    /** When the pool took the page the first time (the hold that was never released). */
    long heldNs(int i) {
        return heldNs[i];
    }

    /** When the pool took it again, from the page allocator. */
    long reheldNs(int i) {
        return reheldNs[i];
    }

    LeftBehind copy() {
        LeftBehind c = new LeftBehind();
        c.pages = Arrays.copyOf(pages, count);
        c.heldNs = Arrays.copyOf(heldNs, count);
        c.reheldNs = Arrays.copyOf(reheldNs, count);
        c.pfn = Arrays.copyOf(pfn, count);
        c.count = count;
        return c;
    }

    long footprintBytes() {
        return 25L * pages.length;
    }
}
