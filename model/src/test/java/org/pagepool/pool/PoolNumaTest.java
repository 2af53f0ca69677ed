// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pagepool.pool.PoolKit.alloc;
import static org.pagepool.pool.PoolKit.counters;
import static org.pagepool.pool.PoolKit.create;
import static org.pagepool.pool.PoolKit.kernel;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.mm.PageRef;
import org.pagepool.trace.Place;

/** The refill only takes pages of the preferred node; update_nid flushes the cache (golden 08). */
class PoolNumaTest {

    private final Kernel kernel = kernel(128, 128);
    private final MemMap memmap = kernel.mm().memMap();

    /** 64 node-0 pages (p1..p64) and 64 node-1 pages (p65..p128), all held, the cache empty. */
    private List<Integer> holdPagesOfBothNodes(PagePool pool) {
        kernel.setCpuNode(0);
        List<Integer> node0 = alloc(pool, 64);
        kernel.setCpuNode(1);
        List<Integer> node1 = alloc(pool, 64);
        assertThat(PageRef.pageToNid(node0.get(0))).isZero();
        assertThat(PageRef.pageToNid(node1.get(0))).isEqualTo(1);
        assertThat(pool.allocCount()).isZero();
        return Stream.concat(node0.stream(), node1.stream()).toList();
    }

    @Test
    void refillStopsAtAPageOfAnotherNodeAndFreesIt() {
        PagePool pool = create(kernel);
        List<Integer> held = holdPagesOfBothNodes(pool);
        int a = held.get(0);
        int b = held.get(1);
        int remote = held.get(64);
        int c = held.get(2);
        for (int page : List.of(a, b, remote, c)) {
            pool.putFullPage(page, false);
        }
        kernel.setCpuNode(0);
        long freeNode1 = kernel.mm().freePages(1);

        int got = pool.allocPages();

        assertThat(got).isEqualTo(b);
        assertThat(pool.allocCount()).isEqualTo(1);
        assertThat(pool.allocCacheSlot(0)).isEqualTo(a);
        assertThat(pool.ring().count()).as("c stays in the ring").isEqualTo(1);
        assertThat(memmap.place(remote)).isEqualTo(Place.BUDDY);
        assertThat(kernel.mm().freePages(1)).isEqualTo(freeNode1 + 1);
        assertThat(pool.releaseCount()).isEqualTo(1);
        assertThat(pool.stats().format())
                .isEqualTo(counters("fast=126 slow=2 empty=2 refill=1 waive=1 ring=4"));

        assertThat(pool.allocPages()).isEqualTo(a);
        assertThat(pool.allocPages()).as("the next refill").isEqualTo(c);
        assertThat(pool.stats().refill()).isEqualTo(2);
    }

    @Test
    void remotePageFirstMeansNoRefillButANewBulk() {
        PagePool pool = create(kernel);
        List<Integer> held = holdPagesOfBothNodes(pool);
        pool.putFullPage(held.get(64), false); // node 1
        kernel.setCpuNode(0);

        int got = pool.allocPages();

        assertThat(PageRef.pageToNid(got)).isZero();
        assertThat(memmap.handle(got)).isEqualTo(192);
        assertThat(pool.stats().format()).isEqualTo(counters("fast=126 slow=3 empty=2 waive=1 ring=1"));
    }

    @Test
    void poolNidWinsOverTheCpuNodeInTheRefill() {
        PagePool pool = create(kernel, PagePoolParams.defaults().withNid(0));
        List<Integer> held = holdPagesOfBothNodes(pool);
        pool.putFullPage(held.get(0), false);
        pool.putFullPage(held.get(1), false);
        kernel.setCpuNode(1); // the CPU is on node 1, the pool prefers node 0

        assertThat(pool.allocPages()).isEqualTo(held.get(1));

        assertThat(pool.stats().waive()).isZero();
        assertThat(pool.stats().refill()).isEqualTo(1);
    }

    @Test
    void cpuNodeDecidesWhenThePoolHasNoNid() {
        PagePool pool = create(kernel);
        List<Integer> held = holdPagesOfBothNodes(pool);
        pool.putFullPage(held.get(0), false); // node 0
        kernel.setCpuNode(1);

        int got = pool.allocPages();

        assertThat(PageRef.pageToNid(got)).isEqualTo(1);
        assertThat(pool.stats().waive()).isEqualTo(1);
    }

    @Test
    void updateNidSetsTheNidAndFlushesTheCache() {
        PagePool pool = create(kernel);
        pool.allocPages(); // 63 in the cache
        PoolStatsSnapshot before = pool.stats();

        pool.updateNid(1);

        assertThat(pool.nid()).isEqualTo(1);
        assertThat(pool.allocCount()).isZero();
        assertThat(pool.releaseCount()).isEqualTo(63);
        assertThat(pool.inflightCount()).isEqualTo(1);
        assertThat(kernel.mm().freePages()).isEqualTo(255);
        assertThat(pool.stats()).as("update_nid counts nothing").isEqualTo(before);
    }

    @Test
    void nidChangedOnlyActsWhenTheNodeDiffers() {
        PagePool pool = create(kernel);
        pool.allocPages();

        pool.nidChanged(-1);
        assertThat(pool.allocCount()).as("same node: nothing").isEqualTo(63);

        pool.nidChanged(0);
        assertThat(pool.nid()).isZero();
        assertThat(pool.allocCount()).isZero();
        assertThat(pool.releaseCount()).isEqualTo(63);

        pool.allocPages();
        pool.nidChanged(0);
        assertThat(pool.allocCount()).isEqualTo(63);
    }

    @Test
    void updateNidToAMissingNodeIsRefusedAndChangesNothing() {
        PagePool pool = create(kernel);
        pool.allocPages();

        assertThatThrownBy(() -> pool.updateNid(2))
                .isInstanceOf(ModelRefusal.class);

        assertThat(pool.nid()).isEqualTo(-1);
        assertThat(pool.allocCount()).isEqualTo(63);
    }
}
