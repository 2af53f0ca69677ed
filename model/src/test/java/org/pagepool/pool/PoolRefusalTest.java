// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.pool.PoolKit.Snapshot;
import org.pagepool.trace.Place;

/**
 * Where the kernel would corrupt memory the model refuses, and a refused
 * call leaves every counter, the cache, the ring and the allocator as they were.
 */
class PoolRefusalTest {

    private final Kernel kernel = kernel(512);
    private final MemMap memmap = kernel.mm().memMap();
    private final PagePool pool = create(kernel,
            PagePoolParams.defaults().withPoolSize(8).withFlags(PagePool.PP_FLAG_DMA_MAP));
    private List<Integer> held;

    @BeforeEach
    void holdTen() {
        held = alloc(pool, 10);
    }

    /** Every way of handing {@code page} back must be refused without a trace of it. */
    private void everyReturnIsRefused(int page) {
        Place place = memmap.place(page);
        int refs = memmap.pageRefCount(page);
        List<Executable> calls = List.of(
                () -> pool.putFullPage(page, false),
                () -> pool.putFullPage(page, true),
                () -> pool.recycleDirect(page),
                () -> pool.putPage(page, 0, true),
                () -> pool.putPageBulk(new int[] {page}, 1),
                () -> pool.putPageBulk(new int[] {held.get(9), page}, 2),
                () -> pool.releasePage(page),
                () -> pool.storeMemInfo(page));
        for (int i = 0; i < calls.size(); i++) {
            Snapshot before = Snapshot.of(kernel, pool);
            Executable call = calls.get(i);
            assertThatThrownBy(call::execute).as("call %d on %s", i, page).isInstanceOf(ModelRefusal.class);
            assertThat(Snapshot.of(kernel, pool)).as("call %d on %s", i, page).isEqualTo(before);
            assertThat(memmap.place(page)).isEqualTo(place);
            assertThat(memmap.pageRefCount(page)).isEqualTo(refs);
            assertThat(memmap.place(held.get(9))).isEqualTo(Place.DRIVER);
        }
    }

    @Test
    void pageInTheAllocCache() {
        int page = held.get(0);
        pool.recycleDirect(page);

        everyReturnIsRefused(page);
        assertThatThrownBy(() -> pool.recycleDirect(page)).hasMessageContaining("alloc cache");
    }

    @Test
    void pageInTheRing() {
        int page = held.get(0);
        pool.putFullPage(page, false);

        everyReturnIsRefused(page);
        assertThatThrownBy(() -> pool.recycleDirect(page)).hasMessageContaining("ptr_ring");
    }

    @Test
    void pageBackInThePageAllocator() {
        int page = held.get(0);
        for (int i = 1; i <= 8; i++) {
            pool.putFullPage(held.get(i), false); // fill the 8-slot ring
        }
        pool.putFullPage(page, false);
        assertThat(memmap.place(page)).isEqualTo(Place.BUDDY);

        everyReturnIsRefused(page);
    }

    @Test
    void pageFreedBehindThePoolsBack() {
        int page = held.get(0);
        kernel.mm().putPage(page);

        everyReturnIsRefused(page);
    }

    @Test
    void releasedPage() {
        int page = held.get(0);
        pool.releasePage(page);

        everyReturnIsRefused(page);
    }

    @Test
    void detachedPageWithAnotherUser() {
        int page = held.get(0);
        kernel.mm().getPage(page);
        pool.recycleDirect(page);
        assertThat(memmap.place(page)).isEqualTo(Place.DETACHED);

        everyReturnIsRefused(page);
    }

    @Test
    void pageOfAnotherPool() {
        PagePool other = create(kernel);
        int foreign = other.allocPages();
        Snapshot otherBefore = Snapshot.of(kernel, other);

        everyReturnIsRefused(foreign);

        assertThat(memmap.place(foreign)).isEqualTo(Place.DRIVER);
        assertThat(Snapshot.of(kernel, other)).isEqualTo(otherBefore);
        assertThatThrownBy(() -> pool.recycleDirect(foreign)).hasMessageContaining("not a page of this pool");
    }

    @Test
    void pageTheModelNeverHandedOut() {
        everyReturnIsRefused(kernel.mm().allocPagesNode(0, 0));
    }

    @Test
    void putBulkNamingAPageTwice() {
        Snapshot before = Snapshot.of(kernel, pool);
        int[] data = {held.get(0), held.get(1), held.get(0)};

        assertThatThrownBy(() -> pool.putPageBulk(data, 3)).isInstanceOf(ModelRefusal.class)
                .hasMessageContaining("twice");

        assertThat(Snapshot.of(kernel, pool)).isEqualTo(before);
        assertThat(memmap.place(held.get(0))).isEqualTo(Place.DRIVER);
        assertThat(memmap.place(held.get(1))).isEqualTo(Place.DRIVER);
    }

    @Test
    void putBulkWithOneBadPageReturnsNoneOfThem() {
        pool.recycleDirect(held.get(2));
        Snapshot before = Snapshot.of(kernel, pool);

        assertThatThrownBy(() -> pool.putPageBulk(new int[] {held.get(0), held.get(1), held.get(2)}, 3))
                .isInstanceOf(ModelRefusal.class);

        assertThat(Snapshot.of(kernel, pool)).isEqualTo(before);
        assertThat(memmap.place(held.get(0))).isEqualTo(Place.DRIVER);
    }

    @Test
    void everyCallOnAFreedPool() {
        for (int page : held) {
            pool.putFullPage(page, false);
        }
        pool.destroy();
        assertThat(pool.state()).isEqualTo(PoolState.FREED);
        int stranger = kernel.mm().allocPagesNode(0, 0);
        List<Executable> calls = List.of(
                pool::allocPages,
                pool::destroy,
                pool::useXdpMem,
                () -> pool.updateNid(0),
                () -> pool.nidChanged(0),
                () -> pool.putFullPage(held.get(0), false),
                () -> pool.recycleDirect(held.get(0)),
                () -> pool.putPageBulk(new int[] {held.get(0)}, 1),
                () -> pool.releasePage(held.get(0)),
                () -> pool.storeMemInfo(stranger));
        for (int i = 0; i < calls.size(); i++) {
            Snapshot before = Snapshot.of(kernel, pool);
            Executable call = calls.get(i);
            assertThatThrownBy(call::execute).as("call %d", i).isInstanceOf(ModelRefusal.class)
                    .hasMessageContaining("freed");
            assertThat(Snapshot.of(kernel, pool)).as("call %d", i).isEqualTo(before);
        }
    }

    @Test
    void nidChangedOnAFreedPoolIsRefusedEvenWhenTheNodeIsTheSame() {
        for (int page : held) {
            pool.putFullPage(page, false);
        }
        pool.destroy();
        assertThat(pool.state()).isEqualTo(PoolState.FREED);

        assertThatThrownBy(() -> pool.nidChanged(pool.nid())).isInstanceOf(ModelRefusal.class);
    }
}
