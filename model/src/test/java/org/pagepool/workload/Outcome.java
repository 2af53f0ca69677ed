// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;
import java.util.Locale;
import org.pagepool.nic.Driver;
import org.pagepool.pool.PagePool;
import org.pagepool.mm.MemMap;

/** Everything a run ends with, as one comparable text: every counter, every pool, the clock. */
final class Outcome {
    private Outcome() {
    }

    static String of(Simulation sim) {
        StringBuilder text = new StringBuilder();
        for (PagePool pool : sim.pools()) {
            text.append(String.format(Locale.ROOT,
                    "pool %d %s nid=%d: %s | cache=%d ring=%d stale=%d hold=%d release=%d inflight=%d users=%d%n",
                    pool.id(), pool.state().word(), pool.nid(), pool.stats().format(), pool.allocCount(),
                    pool.ring().count(), pool.ring().stale(), Integer.toUnsignedLong(pool.holdCount()),
                    Integer.toUnsignedLong(pool.releaseCount()), pool.inflightCount(),
                    Integer.toUnsignedLong(pool.users())));
        }
        text.append("pools: ").append(sim.poolStats().format()).append('\n');
        text.append("nic: ").append(sim.nicStats().format()).append('\n');
        for (int q = 0; sim.queueCount() > 1 && q < sim.queueCount(); q++) {
            Driver d = sim.driver(q);
            text.append(String.format(Locale.ROOT, "queue %d cpu=%d pool=%s rx=%d/%d tx=%d: %s%n", q,
                    d.config().irqCpu(), d.pool() == null ? "none" : Integer.toString(d.pool().id()),
                    d.rx().posted(), d.rx().completed(), d.tx().count(), d.stats().format()));
        }
        text.append("stack: ").append(sim.stackStats().format()).append('\n');
        text.append(String.format(Locale.ROOT,
                "free=%d mapped=%d syncs=%d jiffies=%d now=%d steps=%d packets=%d buddy0=%s rx=%d/%d tx=%d%n",
                sim.kernel().mm().freePages(), sim.kernel().dma().mapped(), sim.kernel().dma().syncs(),
                sim.kernel().jiffies().now(), sim.now(), sim.steps(), sim.packets(),
                Arrays.toString(sim.kernel().mm().buddyinfo(0)), sim.driver().rx().posted(),
                sim.driver().rx().completed(), sim.driver().tx().count()));
        return text.toString();
    }

    /** Every page the memory has used: where it is, its pool and handle, its references. */
    static String pages(Simulation sim) {
        MemMap memmap = sim.kernel().mm().memMap();
        StringBuilder text = new StringBuilder();
        sim.kernel().mm().forEachPage(page -> text.append(page).append(' ').append(memmap.place(page)).append(' ')
                .append(memmap.owner(page)).append(' ').append(memmap.handle(page)).append(' ')
                .append(memmap.pageRefCount(page)).append('\n'));
        return text.toString();
    }
}
