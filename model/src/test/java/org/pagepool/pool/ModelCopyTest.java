// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.trace.Place;

/**
 * A snapshot of a kernel and its pool: the same page references name the
 * same frames in both, each kernel finds its own pool by a page's id, and
 * what one side does the other does not see.
 */
class ModelCopyTest {

    @Test
    void pagesNameTheCopiedPoolInTheCopiedKernel() {
        Kernel kernel = kernel(512);
        PagePool pool = create(kernel);
        List<Integer> held = alloc(pool, 3);
        pool.storeMemInfo(held.get(2));

        ModelCopy copy = new ModelCopy(kernel);
        PagePool copied = copy.pool(pool);
        Kernel copiedKernel = copy.finish();

        assertThat(PagePool.owner(copiedKernel, held.get(0))).isSameAs(copied);
        assertThat(PagePool.owner(kernel, held.get(0))).isSameAs(pool);
        assertThat(PagePool.pp(copiedKernel, held.get(2))).isSameAs(copied);
        assertThat(PagePool.pp(copiedKernel, held.get(1))).isNull();
        assertThat(copied.id()).isEqualTo(pool.id());
        assertThat(copied.allocCount()).isEqualTo(pool.allocCount());
    }

    @Test
    void whatTheCopyDoesTheOriginalDoesNotSeeAndTheOtherWayRound() {
        Kernel kernel = kernel(512);
        PagePool pool = create(kernel);
        List<Integer> held = alloc(pool, 3);
        ModelCopy copy = new ModelCopy(kernel);
        PagePool copied = copy.pool(pool);
        Kernel copiedKernel = copy.finish();

        copied.recycleDirect(held.get(0));
        copied.putFullPage(held.get(1), false);
        pool.releasePage(held.get(2));
        kernel.mm().putPage(held.get(2));

        assertThat(kernel.mm().memMap().place(held.get(0))).isEqualTo(Place.DRIVER);
        assertThat(kernel.mm().memMap().place(held.get(1))).isEqualTo(Place.DRIVER);
        assertThat(pool.allocCount()).isEqualTo(61);
        assertThat(pool.ring().count()).isZero();
        assertThat(copiedKernel.mm().memMap().place(held.get(0))).isEqualTo(Place.ALLOC_CACHE);
        assertThat(copiedKernel.mm().memMap().place(held.get(1))).isEqualTo(Place.PTR_RING);
        assertThat(copiedKernel.mm().memMap().place(held.get(2))).isEqualTo(Place.DRIVER);
        assertThat(copiedKernel.mm().memMap().pageRefCount(held.get(2))).isEqualTo(1);
        assertThat(copied.allocCount()).isEqualTo(62);
        assertThat(copied.ring().count()).isEqualTo(1);
        assertThat(copiedKernel.mm().freePages()).isEqualTo(kernel.mm().freePages() - 1);
    }
}
