// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;
import org.pagepool.cost.Flow;
import org.pagepool.pool.PagePool;

/**
 * The cost model's {@link Flow} read off two views of one run. It lives
 * here, above {@code cost}, so that the cost model stays below the
 * workload and knows nothing of views.
 */
public final class ViewFlow {
    private ViewFlow() {
    }

    /** The flow between two views of the same run ({@code to} later than {@code from}). */
    public static Flow between(ModelView from, ModelView to) {
        Totals a = Totals.of(from);
        Totals b = Totals.of(to);
        return new Flow(b.packets - a.packets, b.cached - a.cached, b.ring - a.ring, b.order0 - a.order0,
                b.highOrder - a.highOrder, b.maps - a.maps, b.unmaps - a.unmaps, b.remote - a.remote);
    }

    /** Running totals of one view, summed over its pools. */
    private record Totals(long packets, long cached, long ring, long order0, long highOrder, long maps, long unmaps,
                          long remote) {
        static Totals of(ModelView v) {
            long cached = 0;
            long ring = 0;
            long order0 = 0;
            long highOrder = 0;
            long maps = 0;
            long unmaps = 0;
            if (v.queues().many()) {
                // the queues' pools are made alike: the current one's order and flags stand for all
                PoolTotals all = v.totals();
                PoolView current = v.currentPool();
                boolean small = current == null || current.order() == 0;
                boolean dmaMap = current != null && (current.flags() & PagePool.PP_FLAG_DMA_MAP) != 0;
                cached = all.stats().cached();
                ring = all.stats().ring();
                order0 = small ? all.hold() : 0;
                highOrder = small ? 0 : all.hold();
                maps = dmaMap ? all.hold() : 0;
                unmaps = dmaMap ? all.release() : 0;
            }
            for (PoolView p : v.queues().many() ? List.<PoolView>of() : v.pools().list()) {
                cached += p.stats().cached();
                ring += p.stats().ring();
                if (p.order() == 0) {
                    order0 += p.hold();
                } else {
                    highOrder += p.hold();
                }
                if ((p.flags() & PagePool.PP_FLAG_DMA_MAP) != 0) {
                    maps += p.hold();
                    unmaps += p.release();
                }
            }
            long packets = v.nic() == null ? 0 : v.nic().processed();
            long remote = v.stackStats() == null ? 0 : v.stackStats().remoteFrees();
            return new Totals(packets, cached, ring, order0, highOrder, maps, unmaps, remote);
        }
    }
}
