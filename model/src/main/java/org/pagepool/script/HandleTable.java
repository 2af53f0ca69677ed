// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.Arrays;
import org.pagepool.mm.Page;
import org.pagepool.mm.PageAllocator;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * Which page frame each handle of the current pool names. Handles are
 * learned from the model's trace (a page gets its handle when the pool
 * counts it as held), so pages that went straight into the cache can be
 * named too. A handle is dead once its frame was freed or reused.
 */
final class HandleTable implements TraceObserver {
    /** Frames by handle: nid in the high 32 bits, pfn + 1 in the low (0 = never issued). */
    private long[] frames = new long[256];
    private int poolId;

    /** Forgets every handle: a new pool counts from p1 again. */
    void reset(int newPoolId) {
        poolId = newPoolId;
        Arrays.fill(frames, 0);
    }

    @Override
    public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
        if (pool == poolId && handle != 0 && from == Place.BUDDY) {
            long index = Integer.toUnsignedLong(handle);
            if (index >= frames.length) {
                frames = Arrays.copyOf(frames, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(index + 1,
                        frames.length * 2L)));
            }
            frames[(int) index] = ((long) nid << 32) | (pfn + 1L);
        }
    }

    /** True when the pool gave this handle to some page. */
    boolean issued(int handle) {
        long index = Integer.toUnsignedLong(handle);
        return index < frames.length && frames[(int) index] != 0;
    }

    /** The page the handle names, or null when that page is no longer the handle's (freed or reused). */
    Page page(int handle, PageAllocator mm) {
        long frame = frames[(int) Integer.toUnsignedLong(handle)];
        Page page = mm.existingPage((int) (frame >>> 32), (int) (frame & 0xffff_ffffL) - 1);
        if (page == null || page.handle() != handle || page.owner() == null || page.owner().id() != poolId
                || page.place() == Place.BUDDY) {
            return null;
        }
        return page;
    }
}
