// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.pagepool.mm.MemMap;

/**
 * An immutable row of page slots (cache, ring, descriptors, sockets): the
 * handle in each (0 for none) and its {@link PageAttrs}.
 */
public final class PageSlots {
    public static final PageSlots EMPTY = new PageSlots(new int[0], new int[0]);

    private final int[] handles;
    private final int[] attrs;

    private PageSlots(int[] handles, int[] attrs) {
        this.handles = handles;
        this.attrs = attrs;
    }

    /** Slot {@code i} shows {@code pages[i]}, a page reference or 0 for an empty slot (worker side). */
    public static PageSlots of(MemMap memmap, int[] pages, int count) {
        int[] h = new int[count];
        int[] a = new int[count];
        for (int i = 0; i < count; i++) {
            int page = pages[i];
            if (page != 0) {
                h[i] = memmap.handle(page);
                a[i] = PageAttrs.of(memmap, page);
            }
        }
        return new PageSlots(h, a);
    }

    /** Slot {@code i} shows the page {@code slot.applyAsInt(i)}, 0 for none (worker side). */
    public static PageSlots of(MemMap memmap, IntUnaryOperator slot, int count) {
        int[] pages = new int[count];
        for (int i = 0; i < count; i++) {
            pages[i] = slot.applyAsInt(i);
        }
        return of(memmap, pages, count);
    }

    public int size() {
        return handles.length;
    }

    /** The handle in slot {@code i}, 0 when the slot is empty. */
    public int handle(int i) {
        return handles[i];
    }

    public int attrs(int i) {
        return attrs[i];
    }

    /** The first slot holding {@code handle} of pool {@code pool}, or -1. */
    public int indexOf(int pool, int handle) {
        for (int i = 0; i < handles.length; i++) {
            if (handles[i] == handle && PageAttrs.pool(attrs[i]) == pool) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageSlots other && Arrays.equals(handles, other.handles)
                && Arrays.equals(attrs, other.attrs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(handles) + Arrays.hashCode(attrs);
    }
}
