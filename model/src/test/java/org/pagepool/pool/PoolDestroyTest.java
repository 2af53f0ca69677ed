// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.kernel.Refcount;
import org.pagepool.mm.ModelRefusal;

/** page_pool_destroy(): freed at once, or deferred with a retry every second and a warning every 60 s. */
class PoolDestroyTest {

    private final Kernel kernel = kernel(512);

    private long stalledWarnings() {
        return kernel.log().recent().stream().filter(l -> l.contains("stalled pool shutdown")).count();
    }

    @Test
    void poolThatNeverAllocatedIsFreedAtOnce() {
        PagePool pool = create(kernel);

        pool.destroy();

        assertThat(pool.state()).isEqualTo(PoolState.FREED);
        assertThat(pool.users()).isZero();
        assertThat(pool.nextRetry()).isEqualTo(-1);
        assertThat(kernel.jiffies().pending()).isEmpty();
    }

    @Test
    void cachedAndRingPagesGoBackAndThePoolIsFreedWhenNothingIsOut() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));
        List<Integer> pages = alloc(pool, 2);
        pool.recycleDirect(pages.get(0));
        pool.putFullPage(pages.get(1), false);

        pool.destroy();

        assertThat(pool.state()).isEqualTo(PoolState.FREED);
        assertThat(kernel.mm().freePages()).isEqualTo(512);
        assertThat(kernel.dma().mapped()).isZero();
        assertThat(pool.releaseCount()).isEqualTo(64);
    }

    @Test
    void otherUsersKeepThePoolAlive() {
        PagePool pool = create(kernel);
        pool.useXdpMem();
        assertThat(pool.users()).isEqualTo(2);

        pool.destroy();

        assertThat(pool.state()).isEqualTo(PoolState.ALIVE);
        assertThat(pool.users()).isEqualTo(1);
        pool.destroy();
        assertThat(pool.state()).isEqualTo(PoolState.FREED);
    }

    @Test
    void deferredDestroyRetriesEverySecondWarnsAt60And120SecondsAndFreesOnTheLastReturn() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP)
                .withPoolSize(64));
        pool.useXdpMem();
        List<Integer> out = alloc(pool, 4); // p64..p61
        pool.putFullPage(out.get(0), false);
        pool.destroy(); // one user left

        pool.destroy();

        assertThat(pool.state()).isEqualTo(PoolState.DEFERRED);
        assertThat(pool.inflightCount()).isEqualTo(3);
        assertThat(pool.users()).isZero();
        assertThat(pool.allocCount()).isZero();
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.nextRetry()).isEqualTo(1000);
        assertThat(kernel.mm().freePages()).isEqualTo(509);
        // the counters outlive destroy
        assertThat(pool.stats().format()).isEqualTo(counters("fast=3 slow=1 empty=1 ring=1"));

        kernel.setSoftirq(false);
        kernel.jiffies().advance(999);
        pool.putFullPage(out.get(1), false); // into the dead pool's ring
        assertThat(pool.ring().count()).isEqualTo(1);

        kernel.jiffies().advance(1); // the first retry empties the ring
        assertThat(pool.ring().count()).isZero();
        assertThat(pool.inflightCount()).isEqualTo(2);
        assertThat(pool.nextRetry()).isEqualTo(2000);
        assertThat(pool.destroyCount()).isEqualTo(2);

        kernel.jiffies().advance(58000);
        assertThat(stalledWarnings()).as("no warning before 60 s").isZero();
        assertThat(pool.destroyCount()).as("one scrub per retry").isEqualTo(60);

        kernel.jiffies().advance(1000);
        assertThat(kernel.log().recent())
                .containsExactly("page_pool_release_retry() stalled pool shutdown 2 inflight 60 sec");

        kernel.jiffies().advance(60000);
        assertThat(kernel.log().recent()).containsExactly(
                "page_pool_release_retry() stalled pool shutdown 2 inflight 60 sec",
                "page_pool_release_retry() stalled pool shutdown 2 inflight 120 sec");
        assertThat(kernel.jiffies().now()).isEqualTo(120000);

        pool.putFullPage(out.get(2), false);
        pool.storeMemInfo(out.get(3));
        assertThat(PagePool.returnSkbPage(kernel, out.get(3))).isTrue();
        assertThat(pool.stats().ring()).as("the deferred pool still counts").isEqualTo(4);
        kernel.jiffies().advance(500);
        assertThat(pool.state()).isEqualTo(PoolState.DEFERRED);

        kernel.jiffies().advance(500);

        assertThat(pool.state()).isEqualTo(PoolState.FREED);
        assertThat(pool.nextRetry()).isEqualTo(-1);
        assertThat(kernel.mm().freePages()).isEqualTo(512);
        assertThat(kernel.dma().mapped()).isZero();
        assertThat(stalledWarnings()).isEqualTo(2);
    }

    @Test
    void aFreedPoolRefusesEverything() {
        PagePool pool = create(kernel);
        pool.destroy();

        assertThatThrownBy(pool::allocPages).isInstanceOf(ModelRefusal.class);
        assertThatThrownBy(pool::destroy).isInstanceOf(ModelRefusal.class);
        assertThatThrownBy(pool::useXdpMem).isInstanceOf(ModelRefusal.class);
        assertThatThrownBy(() -> pool.updateNid(0)).isInstanceOf(ModelRefusal.class);
        assertThat(pool.users()).isZero();
        assertThat(kernel.log().total()).as("refusals print nothing").isZero();
    }

    @Test
    void destroyingTwiceSaturatesUsersAndWarnsOncePerKind() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withFlags(PagePool.PP_FLAG_DMA_MAP));
        List<Integer> out = alloc(pool, 3);
        pool.destroy();
        assertThat(pool.state()).isEqualTo(PoolState.DEFERRED);

        pool.destroy(); // user_cnt 0 -> underflow
        assertThat(pool.users()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(Integer.toUnsignedLong(pool.users())).isEqualTo(3221225472L);
        pool.useXdpMem(); // saturated -> leaking memory
        pool.destroy(); // saturated again: no new line

        assertThat(kernel.log().recent()).containsExactly(
                "refcount_t: underflow; use-after-free.",
                "refcount_t: saturated; leaking memory.");
        assertThat(pool.users()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(pool.state()).isEqualTo(PoolState.DEFERRED);

        // golden 14: a direct recycle after destroy lands in a cache nobody empties again
        pool.recycleDirect(out.get(0));
        pool.putFullPage(out.get(1), false);
        kernel.mm().putPage(out.get(2)); // freed behind the pool's back
        kernel.jiffies().advance(61000);

        assertThat(pool.state()).isEqualTo(PoolState.DEFERRED);
        assertThat(pool.inflightCount()).isEqualTo(2);
        assertThat(pool.allocCount()).isEqualTo(1);
        assertThat(pool.stats().cached()).isEqualTo(1);
        assertThat(pool.stats().ring()).isEqualTo(1);
    }

    @Test
    void stallSecondsAreRightWhenJiffiesCrossesTheSigned32BitBoundary() {
        // destroy just below 2^31 jiffies: the 60 s warning still says 60
        kernel.jiffies().advance((1L << 31) - 1000);
        PagePool pool = create(kernel);
        pool.allocPages();
        pool.destroy();

        kernel.jiffies().advance(60000);

        assertThat(kernel.log().recent())
                .containsExactly("page_pool_release_retry() stalled pool shutdown 1 inflight 60 sec");
    }

    @Test
    void stallLongerThan2To31JiffiesPrintsNegativeSecondsAsTheKernelDoes() {
        PagePool pool = create(kernel);
        pool.allocPages();
        pool.destroy();

        // the 35792nd warning comes 2147520000 jiffies after destroy: (s32) of that is -2147447296
        kernel.jiffies().advance(35792L * 60000);

        assertThat(kernel.log().recent()).last()
                .isEqualTo("page_pool_release_retry() stalled pool shutdown 1 inflight -2147447 sec");
        assertThat(kernel.log().recent()).contains(
                "page_pool_release_retry() stalled pool shutdown 1 inflight 2147460 sec");
        assertThat(kernel.log().total()).isEqualTo(35792);
    }
}
