// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/**
 * The kernel functions the model reproduces, with where they live in Linux
 * v5.14, so that a viewer can open the real source beside the model.
 */
public enum KernelFunction {
    PAGE_POOL_INIT("page_pool_init", Source.PAGE_POOL, 27),
    PAGE_POOL_CREATE("page_pool_create", Source.PAGE_POOL, 84),
    PAGE_POOL_REFILL_ALLOC_CACHE("page_pool_refill_alloc_cache", Source.PAGE_POOL, 107),
    PAGE_POOL_GET_CACHED("__page_pool_get_cached", Source.PAGE_POOL, 159),
    PAGE_POOL_DMA_SYNC_FOR_DEVICE("page_pool_dma_sync_for_device", Source.PAGE_POOL, 174),
    PAGE_POOL_DMA_MAP("page_pool_dma_map", Source.PAGE_POOL, 186),
    PAGE_POOL_ALLOC_PAGE_ORDER("__page_pool_alloc_page_order", Source.PAGE_POOL, 209),
    PAGE_POOL_ALLOC_PAGES_SLOW("__page_pool_alloc_pages_slow", Source.PAGE_POOL, 235),
    PAGE_POOL_ALLOC_PAGES("page_pool_alloc_pages", Source.PAGE_POOL, 290),
    PAGE_POOL_INFLIGHT("page_pool_inflight", Source.PAGE_POOL, 310),
    PAGE_POOL_RELEASE_PAGE("page_pool_release_page", Source.PAGE_POOL, 329),
    PAGE_POOL_RETURN_PAGE("page_pool_return_page", Source.PAGE_POOL, 359),
    PAGE_POOL_RECYCLE_IN_RING("page_pool_recycle_in_ring", Source.PAGE_POOL, 370),
    PAGE_POOL_RECYCLE_IN_CACHE("page_pool_recycle_in_cache", Source.PAGE_POOL, 387),
    PAGE_POOL_PUT_PAGE_INTERNAL("__page_pool_put_page", Source.PAGE_POOL, 405),
    PAGE_POOL_PUT_PAGE("page_pool_put_page", Source.PAGE_POOL, 451),
    PAGE_POOL_PUT_PAGE_BULK("page_pool_put_page_bulk", Source.PAGE_POOL, 463),
    PAGE_POOL_EMPTY_RING("page_pool_empty_ring", Source.PAGE_POOL, 500),
    PAGE_POOL_FREE("page_pool_free", Source.PAGE_POOL, 515),
    PAGE_POOL_EMPTY_ALLOC_CACHE_ONCE("page_pool_empty_alloc_cache_once", Source.PAGE_POOL, 528),
    PAGE_POOL_SCRUB("page_pool_scrub", Source.PAGE_POOL, 545),
    PAGE_POOL_RELEASE("page_pool_release", Source.PAGE_POOL, 556),
    PAGE_POOL_RELEASE_RETRY("page_pool_release_retry", Source.PAGE_POOL, 568),
    PAGE_POOL_USE_XDP_MEM("page_pool_use_xdp_mem", Source.PAGE_POOL, 591),
    PAGE_POOL_DESTROY("page_pool_destroy", Source.PAGE_POOL, 597),
    PAGE_POOL_UPDATE_NID("page_pool_update_nid", Source.PAGE_POOL, 617),
    PAGE_POOL_RETURN_SKB_PAGE("page_pool_return_skb_page", Source.PAGE_POOL, 632),
    ALLOC_PAGES_NODE("alloc_pages_node", Source.IDENT, 0),
    ALLOC_PAGES_BULK_ARRAY("alloc_pages_bulk_array", Source.IDENT, 0),
    GET_PAGE("get_page", Source.IDENT, 0),
    PUT_PAGE("put_page", Source.IDENT, 0),
    PTR_RING_PRODUCE("__ptr_ring_produce", Source.IDENT, 0),
    PTR_RING_CONSUME("__ptr_ring_consume", Source.IDENT, 0),
    DMA_MAP_PAGE_ATTRS("dma_map_page_attrs", Source.IDENT, 0),
    DMA_UNMAP_PAGE_ATTRS("dma_unmap_page_attrs", Source.IDENT, 0),
    DMA_SYNC_SINGLE_RANGE_FOR_DEVICE("dma_sync_single_range_for_device", Source.IDENT, 0);

    private static final String ELIXIR = "https://elixir.bootlin.com/linux/v5.14/";

    private enum Source { PAGE_POOL, IDENT }

    private final String kernelName;
    private final Source source;
    private final int line;
    private final FunctionEnter entered;

    KernelFunction(String kernelName, Source source, int line) {
        this.kernelName = kernelName;
        this.source = source;
        this.line = line;
        this.entered = new FunctionEnter(this);
    }

    /** The function's name in the kernel source. */
    public String kernelName() {
        return kernelName;
    }

    /** Where the function is defined in v5.14 on elixir.bootlin.com (an identifier search outside page_pool.c). */
    public String sourceUrl() {
        return source == Source.PAGE_POOL
                ? ELIXIR + "source/net/core/page_pool.c#L" + line
                : ELIXIR + "A/ident/" + kernelName;
    }

    /** The event for entering this function (shared: events are immutable). */
    public FunctionEnter entered() {
        return entered;
    }

    /** Looks a function up by its kernel name. */
    public static KernelFunction byKernelName(String name) {
        for (KernelFunction f : values()) {
            if (f.kernelName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no kernel function named " + name);
    }
}
