// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.PageRef;

/**
 * DMA_MAP maps each page once for its life in the pool; DMA_SYNC_DEV syncs
 * min(size, max_len) on mapping and on every recyclable put (golden 06).
 * The model counts sync calls, not bytes: a sync of 0 bytes is still a call.
 */
class PoolDmaSyncTest {

    private final Kernel kernel = kernel(512);
    private final MemMap memmap = kernel.mm().memMap();

    private PagePool syncingPool() {
        return create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_ALL).withMaxLen(1500)
                .withOffset(256).withDmaDir(DmaDirection.BIDIRECTIONAL));
    }

    @Test
    void everyBulkPageIsMappedAndSyncedOnce() {
        PagePool pool = syncingPool();

        int page = pool.allocPages();

        assertThat(kernel.dma().maps()).isEqualTo(64);
        assertThat(kernel.dma().mapped()).isEqualTo(64);
        assertThat(kernel.dma().syncs()).isEqualTo(64);
        assertThat(memmap.dmaAddr(page)).isEqualTo((1L << 36) + ((long) PageRef.pageToPfn(page) << 12));
    }

    @Test
    void recyclablePutsSyncWhateverTheSizeAndAllocsDoNot() {
        PagePool pool = syncingPool();
        List<Integer> pages = alloc(pool, 4);

        pool.recycleDirect(pages.get(0)); // sync -1: min(-1 unsigned, max_len) = max_len
        assertThat(kernel.dma().syncs()).isEqualTo(65);
        pool.putPage(pages.get(1), 0, false); // 0 bytes, still a call
        assertThat(kernel.dma().syncs()).isEqualTo(66);
        pool.putPage(pages.get(2), 100, true);
        assertThat(kernel.dma().syncs()).isEqualTo(67);
        pool.putPage(pages.get(3), 1 << 20, true); // larger than max_len
        assertThat(kernel.dma().syncs()).isEqualTo(68);

        alloc(pool, 3); // from the cache
        assertThat(kernel.dma().syncs()).isEqualTo(68);
        assertThat(kernel.dma().maps()).isEqualTo(64);
    }

    @Test
    void elevatedRefcountPutIsUnmappedNotSynced() {
        PagePool pool = syncingPool();
        int page = pool.allocPages();
        kernel.mm().getPage(page);

        pool.putFullPage(page, false);

        assertThat(kernel.dma().syncs()).isEqualTo(64);
        assertThat(kernel.dma().mapped()).isEqualTo(63);
        assertThat(kernel.dma().unmaps()).isEqualTo(1);
        assertThat(memmap.dmaAddr(page)).isZero();
    }

    @Test
    void pfmemallocPutIsUnmappedNotSynced() {
        PagePool pool = syncingPool();
        kernel.mm().setPressure(true);
        int page = pool.allocPages();
        kernel.mm().setPressure(false);

        pool.recycleDirect(page);

        assertThat(kernel.dma().syncs()).isEqualTo(64);
        assertThat(kernel.dma().mapped()).isEqualTo(63);
    }

    @Test
    void mapWithoutSyncDevNeverSyncs() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));
        int page = pool.allocPages();

        pool.recycleDirect(page);
        pool.putFullPage(pool.allocPages(), false);

        assertThat(kernel.dma().syncs()).isZero();
        assertThat(kernel.dma().mapped()).isEqualTo(64);
    }

    @Test
    void unmappedPoolLeavesDmaAlone() {
        PagePool pool = create(kernel);
        int page = pool.allocPages();

        pool.releasePage(page);

        assertThat(memmap.dmaAddr(page)).isZero();
        assertThat(kernel.dma().maps()).isZero();
        assertThat(kernel.dma().unmaps()).isZero();
    }

    @Test
    void pagesLeavingThePoolAreUnmapped() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));
        pool.allocPages();

        pool.updateNid(0); // flushes 63 cached pages

        assertThat(kernel.dma().mapped()).isEqualTo(1);
        assertThat(kernel.dma().unmaps()).isEqualTo(63);
    }
}
