// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * Follows every page out of the buddy allocator through the trace, so a test
 * can say where each page should be without asking the model.
 */
final class PageTracker implements TraceObserver {
    private final Kernel kernel;
    private final Map<Long, Place> outOfBuddy = new HashMap<>();

    PageTracker(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
        long frame = frame(nid, pfn);
        if (to == Place.BUDDY) {
            outOfBuddy.remove(frame);
        } else {
            outOfBuddy.put(frame, to);
        }
    }

    static long frame(int nid, int pfn) {
        return ((long) nid << 32) | pfn;
    }

    /** Where the trace says each page outside the buddy allocator is. */
    Map<Long, Place> places() {
        return outOfBuddy;
    }

    int page(long frame) {
        return PageRef.pfnToPage((int) (frame >>> 32), (int) frame);
    }

    /** Pages of pool {@code poolId} in {@code place}. */
    List<Integer> pages(int poolId, Place place) {
        MemMap memmap = kernel.mm().memMap();
        List<Integer> pages = new ArrayList<>();
        for (Map.Entry<Long, Place> e : outOfBuddy.entrySet()) {
            if (e.getValue() == place) {
                int page = page(e.getKey());
                if (memmap.owner(page) == poolId) {
                    pages.add(page);
                }
            }
        }
        pages.sort((a, b) -> Integer.compareUnsigned(memmap.handle(a), memmap.handle(b)));
        return pages;
    }
}
