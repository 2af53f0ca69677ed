// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import org.junit.jupiter.api.Test;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.ModelRefusal;

/** page_pool_create(): page_pool_init()'s checks in the kernel's order (golden 06). */
class PoolCreateTest {

    private static final int MAP = PagePool.PP_FLAG_DMA_MAP;
    private static final int SYNC = PagePool.PP_FLAG_DMA_SYNC_DEV;

    private final Kernel kernel = kernel(512);

    private PoolCreateException refused(PagePoolParams params) {
        PoolCreateException e = catchThrowableOfType(PoolCreateException.class,
                () -> PagePool.create(kernel, params));
        assertThat(e).as("create(%s) should fail", params).isNotNull();
        return e;
    }

    private static PagePoolParams params() {
        return PagePoolParams.defaults();
    }

    @Test
    void unknownFlagIsEinvalAndPrintsTheKernelLine() {
        PoolCreateException e = refused(params().withFlags(4));

        assertThat(e.errno()).isEqualTo(22);
        assertThat(e.errnoName()).isEqualTo("EINVAL");
        assertThat(kernel.log().recent()).containsExactly("page_pool_create() gave up with errno -22");
    }

    @Test
    void flagsAreCheckedBeforeTheSize() {
        assertThat(refused(params().withFlags(MAP | 8).withPoolSize(40000)).errnoName()).isEqualTo("EINVAL");
    }

    @Test
    void ringLargerThan32768IsE2big() {
        PoolCreateException e = refused(params().withPoolSize(32769));

        assertThat(e.errno()).isEqualTo(7);
        assertThat(e.errnoName()).isEqualTo("E2BIG");
        assertThat(kernel.log().recent()).containsExactly("page_pool_create() gave up with errno -7");
    }

    @Test
    void poolSizeIsUnsigned() {
        // 0xffffffff is 4294967295 slots, not -1
        assertThat(refused(params().withPoolSize(-1)).errnoName()).isEqualTo("E2BIG");
    }

    @Test
    void sizeIsCheckedBeforeTheDmaChecks() {
        assertThat(refused(params().withFlags(MAP).withDmaDir(DmaDirection.TO_DEVICE).withPoolSize(40000))
                .errnoName()).isEqualTo("E2BIG");
        assertThat(refused(params().withFlags(SYNC).withPoolSize(40000)).errnoName()).isEqualTo("E2BIG");
    }

    @Test
    void mappedPoolMustReceive() {
        assertThat(refused(params().withFlags(MAP).withDmaDir(DmaDirection.TO_DEVICE)).errnoName())
                .isEqualTo("EINVAL");
        assertThat(refused(params().withFlags(MAP | SYNC).withMaxLen(0x800).withPoolSize(32768)
                .withDmaDir(DmaDirection.TO_DEVICE)).errnoName()).isEqualTo("EINVAL");
        assertThat(refused(params().withFlags(MAP).withDmaDir(DmaDirection.NONE)).errnoName()).isEqualTo("EINVAL");
    }

    @Test
    void syncNeedsMapAndMaxLen() {
        assertThat(refused(params().withFlags(SYNC).withMaxLen(2048)).errnoName()).isEqualTo("EINVAL");
        assertThat(refused(params().withFlags(MAP | SYNC)).errnoName()).isEqualTo("EINVAL");
    }

    @Test
    void everyFailurePrintsOneLineAndTakesNothing() {
        refused(params().withFlags(4));
        refused(params().withPoolSize(32769));
        refused(params().withFlags(SYNC).withMaxLen(1));

        assertThat(kernel.log().recent()).containsExactly(
                "page_pool_create() gave up with errno -22",
                "page_pool_create() gave up with errno -7",
                "page_pool_create() gave up with errno -22");
        assertThat(kernel.mm().freePages()).isEqualTo(512);
        assertThat(kernel.dma().maps()).isZero();
    }

    @Test
    void validParamsGiveAFreshAlivePool() {
        PagePool pool = create(kernel, params().withPoolSize(32768).withDmaDir(DmaDirection.TO_DEVICE));

        // without DMA_MAP the direction is not checked
        assertThat(pool.state()).isEqualTo(PoolState.ALIVE);
        assertThat(pool.users()).isEqualTo(1);
        assertThat(pool.ring().size()).isEqualTo(32768);
        assertThat(pool.allocCount()).isZero();
        assertThat(pool.holdCount()).isZero();
        assertThat(pool.releaseCount()).isZero();
        assertThat(pool.stats()).isEqualTo(PoolStatsSnapshot.ZERO);
        assertThat(pool.stats().format()).isEqualTo(counters(""));
        assertThat(pool.nextRetry()).isEqualTo(-1);
        assertThat(kernel.log().total()).isZero();
    }

    @Test
    void sizeZeroMeansTheDefaultRingOf1024() {
        PagePool pool = create(kernel, params());

        assertThat(pool.poolSize()).isZero();
        assertThat(pool.ring().size()).isEqualTo(PagePool.DEFAULT_RING_SIZE).isEqualTo(1024);
        assertThat(pool.ring().batch()).isEqualTo(16);
    }

    @Test
    void acceptedDmaConfigurations() {
        PagePool bidi = create(kernel, params().withFlags(MAP | SYNC).withMaxLen(1500).withOffset(256)
                .withDmaDir(DmaDirection.BIDIRECTIONAL));
        PagePool rx = create(kernel, params().withFlags(MAP).withOrder(3).withNid(0));

        assertThat(bidi.flags()).isEqualTo(PagePool.PP_FLAG_ALL);
        assertThat(rx.order()).isEqualTo(3);
        assertThat(rx.nid()).isZero();
        assertThat(bidi.id()).isNotEqualTo(rx.id());
    }

    @Test
    void missingNodeIsRefusedBeforeTheKernelChecks() {
        // kzalloc_node() runs before page_pool_init(): no errno, no printed line
        assertThatThrownBy(() -> PagePool.create(kernel, params().withNid(1).withFlags(4)))
                .isInstanceOf(ModelRefusal.class);

        assertThat(kernel.log().total()).isZero();
    }
}
