// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.Arrays;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * Which page each handle of the current pool names. Handles are learned from
 * the model's trace (a page gets its handle when the pool counts it as held),
 * so pages that went straight into the cache can be named too. A handle is
 * dead once its frame was freed or reused.
 *
 * <p>Four bytes per handle issued: page references in chunks of
 * {@value #CHUNK} (0 = never issued), so the table grows without copying.
 */
final class HandleTable implements TraceObserver {
    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK = 1 << CHUNK_SHIFT;

    /** Pages by handle: chunk {@code h >>> 16}, slot {@code h & 0xffff}; chunks appear as handles reach them. */
    private int[][] chunks = new int[1][];
    private int poolId;

    /** Forgets every handle: a new pool counts from p1 again. */
    void reset(int newPoolId) {
        poolId = newPoolId;
        chunks = new int[1][];
    }

    @Override
    public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
        if (pool == poolId && handle != 0 && from == Place.BUDDY) {
            int c = handle >>> CHUNK_SHIFT;
            if (c >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
            }
            if (chunks[c] == null) {
                chunks[c] = new int[CHUNK];
            }
            chunks[c][handle & (CHUNK - 1)] = PageRef.pfnToPage(nid, pfn);
        }
    }

    private int lookup(int handle) {
        int c = handle >>> CHUNK_SHIFT;
        return c < chunks.length && chunks[c] != null ? chunks[c][handle & (CHUNK - 1)] : PageRef.NULL;
    }

    /** True when the pool gave this handle to some page. */
    boolean issued(int handle) {
        return lookup(handle) != PageRef.NULL;
    }

    /** The page the handle names, or NULL when that page is no longer the handle's (freed or reused). */
    int page(int handle, MemMap memmap) {
        int page = lookup(handle);
        if (page == PageRef.NULL || memmap.handle(page) != handle || memmap.owner(page) != poolId
                || memmap.isAt(page, Place.BUDDY)) {
            return PageRef.NULL;
        }
        return page;
    }
}
