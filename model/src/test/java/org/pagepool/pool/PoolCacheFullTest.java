// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.trace.Place;

/** A direct recycle into a full 128-entry cache spills into the ring (golden 13). */
class PoolCacheFullTest {

    @Test
    void the129thCachedPageGoesToTheRingAndCountsCacheFull() {
        Kernel kernel = kernel(512);
        MemMap memmap = kernel.mm().memMap();
        PagePool pool = create(kernel);
        List<Integer> held = alloc(pool, 129); // three bulks; 63 left in the cache
        assertThat(pool.allocCount()).isEqualTo(63);

        for (int i = 0; i < 65; i++) {
            pool.recycleDirect(held.get(i));
        }
        assertThat(pool.allocCount()).isEqualTo(PagePool.PP_ALLOC_CACHE_SIZE);
        assertThat(pool.stats().cached()).isEqualTo(65);
        assertThat(pool.stats().cacheFull()).isZero();

        int spilled = held.get(65);
        pool.recycleDirect(spilled);

        assertThat(memmap.place(spilled)).isEqualTo(Place.PTR_RING);
        assertThat(pool.allocCount()).isEqualTo(128);
        assertThat(pool.ring().count()).isEqualTo(1);
        assertThat(pool.stats().cacheFull()).isEqualTo(1);
        assertThat(pool.stats().ring()).isEqualTo(1);
        assertThat(pool.stats().cached()).isEqualTo(65);
        assertThat(pool.releaseCount()).isZero();
    }

    @Test
    void nonDirectPutDoesNotLookAtTheCache() {
        Kernel kernel = kernel(512);
        PagePool pool = create(kernel);
        List<Integer> held = alloc(pool, 129);
        for (int i = 0; i < 65; i++) {
            pool.recycleDirect(held.get(i));
        }

        pool.putFullPage(held.get(65), false);

        assertThat(pool.stats().cacheFull()).as("only a direct recycle can find the cache full").isZero();
        assertThat(pool.stats().ring()).isEqualTo(1);
    }
}
