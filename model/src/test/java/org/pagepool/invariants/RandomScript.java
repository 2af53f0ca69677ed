// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.invariants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;
import org.pagepool.trace.Place;

/**
 * Writes random but valid {@code .pool} lines, one at a time, looking at the
 * model to pick pages the driver really holds: a mix of every command, with
 * small memories and rings so that exhaustion, full rings, NUMA misses and
 * deferred destroys all happen.
 */
final class RandomScript {
    private final Random random;
    private final PageTracker tracker;
    private final Kernel kernel;
    private int nodes;
    private boolean created;

    RandomScript(Random random, Kernel kernel, PageTracker tracker) {
        this.random = random;
        this.kernel = kernel;
        this.tracker = tracker;
    }

    /** The struct pages now (a {@code memory} line replaces them). */
    private MemMap memmap() {
        return kernel.mm().memMap();
    }

    /** The first line: the memory. */
    String memory() {
        nodes = 1 + random.nextInt(3);
        int[] sizes = {0, 7, 64, 100, 300, 1000, 2048, 5000};
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            pages.add(Integer.toString(i == 0 ? sizes[2 + random.nextInt(sizes.length - 2)]
                    : sizes[random.nextInt(sizes.length)]));
        }
        return "memory nodes=" + nodes + " pages=" + String.join(",", pages);
    }

    /** The next line, given the script's current pool (null for none). */
    String next(PagePool pool) {
        if (pool == null || pool.state() == PoolState.FREED) {
            return random.nextInt(4) == 0 ? environment() : create();
        }
        int roll = random.nextInt(100);
        if (roll < 18) {
            return environment();
        }
        List<Integer> held = tracker.pages(pool.id(), Place.DRIVER);
        List<Integer> detached = tracker.pages(pool.id(), Place.DETACHED);
        if (roll < 40 || held.isEmpty()) {
            return "alloc n=" + (random.nextInt(10) == 0 ? 1 + random.nextInt(200) : 1 + random.nextInt(6));
        }
        int page = held.get(random.nextInt(held.size()));
        String p = "p=" + (random.nextBoolean() ? "p" : "") + Integer.toUnsignedString(memmap().handle(page));
        if (roll < 55) {
            return "recycle " + p;
        } else if (roll < 68) {
            String sync = random.nextInt(4) == 0 ? " sync=" + (random.nextInt(5000) - 1) : "";
            String direct = random.nextInt(3) == 0 ? " direct=" + random.nextInt(2) : "";
            return "put " + p + sync + direct;
        } else if (roll < 74) {
            return putBulk(held);
        } else if (roll < 80) {
            return "skb_free " + p;
        } else if (roll < 85) {
            return "get " + (detached.isEmpty() || random.nextBoolean() ? p
                    : "p=" + Integer.toUnsignedString(memmap().handle(detached.get(random.nextInt(detached.size())))));
        } else if (roll < 91) {
            return drop(page, p, detached);
        } else if (roll < 93) {
            return "release " + p;
        } else if (roll < 95) {
            return "update_nid nid=" + (random.nextInt(nodes + 1) - 1);
        } else if (roll < 96) {
            return "xdp_reg";
        } else {
            return "destroy";
        }
    }

    private String drop(int page, String p, List<Integer> detached) {
        if (!detached.isEmpty() && random.nextInt(3) > 0) {
            int gone = detached.get(random.nextInt(detached.size()));
            return "drop p=" + Integer.toUnsignedString(memmap().handle(gone));
        }
        if (memmap().pageRefCount(page) > 1 || random.nextInt(40) == 0) {
            return "drop " + p; // refcount 1 here is the driver bug: a page lost to the pool
        }
        return "get " + p;
    }

    private String putBulk(List<Integer> held) {
        List<Integer> pick = new ArrayList<>(held);
        Collections.shuffle(pick, random);
        int n = 1 + random.nextInt(Math.min(pick.size(), 40));
        StringBuilder line = new StringBuilder("put_bulk p=");
        for (int i = 0; i < n; i++) {
            line.append(i > 0 ? "," : "").append(random.nextBoolean() ? "p" : "")
                    .append(Integer.toUnsignedString(memmap().handle(pick.get(i))));
        }
        return line.toString();
    }

    private String create() {
        created = true;
        int[] sizes = {0, 1, 2, 4, 8, 16, 31, 32, 33, 64, 200};
        StringBuilder line = new StringBuilder("create size=" + sizes[random.nextInt(sizes.length)]);
        int flagRoll = random.nextInt(10);
        if (flagRoll >= 4) {
            line.append(flagRoll >= 7 ? " flags=DMA_MAP,DMA_SYNC_DEV max_len=" + (1 + random.nextInt(4096))
                    + " offset=" + random.nextInt(256) : " flags=DMA_MAP");
        }
        if (random.nextInt(4) == 0) {
            line.append(" order=").append(1 + random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            line.append(" nid=").append(random.nextInt(nodes + 1) - 1);
        }
        if (random.nextInt(6) == 0) {
            line.append(" dma_dir=").append(random.nextBoolean() ? "BIDIRECTIONAL" : "FROM_DEVICE");
        }
        return line.toString();
    }

    private String environment() {
        switch (random.nextInt(10)) {
            case 0:
                return "cpu node=" + random.nextInt(nodes);
            case 1:
                return "softirq " + (random.nextInt(4) == 0 ? "off" : "on");
            case 2:
                return "pressure " + (random.nextInt(5) == 0 ? "on" : "off");
            case 3:
                return random.nextBoolean() ? "fail alloc=" + random.nextInt(3) : "fail dma=" + random.nextInt(4);
            case 4:
            case 5:
                return "tick ms=" + (random.nextInt(8) == 0 ? 60_000 + random.nextInt(70_000)
                        : random.nextInt(2500));
            case 6:
                return "stats";
            case 7:
                return "buddy";
            case 8:
                return "expect free=" + kernel.mm().freePages() + " jiffies=" + kernel.jiffies().now();
            default:
                return created ? "stats" : "buddy";
        }
    }
}
