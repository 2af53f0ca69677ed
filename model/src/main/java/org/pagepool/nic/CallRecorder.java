// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.kernel.Kernel;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;

/**
 * Receives every call the simulated driver and stack make into a page pool
 * (and the page refcount calls around them), just before the call, with the
 * kernel's context at that moment. A {@code .pool} script writer is one.
 */
public interface CallRecorder {
    /** Memory and the first pool: the recording starts here. */
    void start(Kernel kernel, int[] nodePages, PagePoolParams params);

    void alloc(Kernel kernel, PagePool pool);

    void put(Kernel kernel, PagePool pool, int page, int dmaSyncSize, boolean allowDirect);

    void putBulk(Kernel kernel, PagePool pool, int[] pages, int count);

    void skbFree(Kernel kernel, PagePool pool, int page);

    void getPage(Kernel kernel, PagePool pool, int page);

    void putPage(Kernel kernel, PagePool pool, int page);

    void updateNid(Kernel kernel, PagePool pool, int nid);

    void xdpReg(Kernel kernel, PagePool pool);

    void destroy(Kernel kernel, PagePool pool);

    /** The live run goes where a script cannot follow (a second pool): the recording ends. */
    void stop(Kernel kernel, String why);

    /** Bring the recorded clock up to the kernel's (at the end of a run). */
    void finish(Kernel kernel);
}
