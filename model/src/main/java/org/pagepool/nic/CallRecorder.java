// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.kernel.Kernel;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;

/**
 * Receives every call the simulated drivers and stack make into the page
 * pools (and the page refcount calls around them), just before the call,
 * with the kernel's context at that moment. A {@code .pool} script writer is
 * one. A system has many pools (one per RX queue, and old pools a reload
 * left deferred): each call names its pool.
 */
public interface CallRecorder {
    /** The machine's memory: the recording starts here, before the first pool is created. */
    void start(Kernel kernel, int[] nodePages);

    /**
     * {@code page_pool_create()} with {@code params} is about to run. The new
     * pool's first call is its {@link #xdpReg} (the driver registers the XDP
     * memory model at once); a create that fails makes no call.
     */
    void create(Kernel kernel, PagePoolParams params);

    void alloc(Kernel kernel, PagePool pool);

    void put(Kernel kernel, PagePool pool, int page, int dmaSyncSize, boolean allowDirect);

    void putBulk(Kernel kernel, PagePool pool, int[] pages, int count);

    void skbFree(Kernel kernel, PagePool pool, int page);

    void getPage(Kernel kernel, PagePool pool, int page);

    void putPage(Kernel kernel, PagePool pool, int page);

    void releasePage(Kernel kernel, PagePool pool, int page);

    void updateNid(Kernel kernel, PagePool pool, int nid);

    void xdpReg(Kernel kernel, PagePool pool);

    void destroy(Kernel kernel, PagePool pool);

    /**
     * The live run goes where a script cannot follow (more pools at once than a script has slots): the recording ends.
     */
    void stop(Kernel kernel, String why);

    /** Bring the recorded clock up to the kernel's (at the end of a run). */
    void finish(Kernel kernel);
}
