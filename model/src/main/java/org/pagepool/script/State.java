// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import org.pagepool.kernel.Kernel;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolState;

/**
 * The trace's state line at one moment: what {@code expect} checks. Unsigned
 * kernel counters ({@code hold}, {@code release}, {@code users}) are read as
 * unsigned, {@code inflight} as signed.
 */
public record State(String pool, long cache, long ring, long stale, long hold, long release, long inflight,
                    long users, long free, long mapped, long syncs, long jiffies) {

    /** Reads the state of {@code kernel} and the script's current pool (null for none). */
    public static State of(Kernel kernel, PagePool pool) {
        long free = kernel.mm().freePages();
        long mapped = kernel.dma().mapped();
        long syncs = kernel.dma().syncs();
        long jiffies = kernel.jiffies().now();
        if (pool == null) {
            return new State("none", 0, 0, 0, 0, 0, 0, 0, free, mapped, syncs, jiffies);
        }
        if (pool.state() == PoolState.FREED) {
            return new State("freed", 0, 0, 0, 0, 0, 0, 0, free, mapped, syncs, jiffies);
        }
        return new State(pool.state().word(), pool.allocCount(), pool.ring().count(), pool.ring().stale(),
                Integer.toUnsignedLong(pool.holdCount()), Integer.toUnsignedLong(pool.releaseCount()),
                pool.inflightCount(), Integer.toUnsignedLong(pool.users()), free, mapped, syncs, jiffies);
    }

    /** The value of a numeric field ({@link StateField#POOL} is a word: see {@link #pool()}). */
    public long get(StateField field) {
        switch (field) {
            case CACHE: return cache;
            case RING: return ring;
            case STALE: return stale;
            case HOLD: return hold;
            case RELEASE: return release;
            case INFLIGHT: return inflight;
            case USERS: return users;
            case FREE: return free;
            case MAPPED: return mapped;
            case SYNCS: return syncs;
            case JIFFIES: return jiffies;
            default: throw new IllegalArgumentException(field + " is not a number");
        }
    }

    /** The field as the state line prints it. */
    public String text(StateField field) {
        return field == StateField.POOL ? pool : Long.toString(get(field));
    }

    /** {@code pool=alive cache=62 ...}, as the trace prints it. */
    public String format() {
        StringBuilder line = new StringBuilder(160);
        for (StateField field : StateField.values()) {
            if (field != StateField.POOL) {
                line.append(' ');
            }
            line.append(field.key()).append('=').append(text(field));
        }
        return line.toString();
    }
}
