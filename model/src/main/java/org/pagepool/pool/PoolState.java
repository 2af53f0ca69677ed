// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import java.util.Locale;

/** Where a pool is in its life; the kernel knows this only implicitly. */
public enum PoolState {
    /** Created, in use. */
    ALIVE,
    /** {@code page_pool_destroy()} ran while pages were in flight; the release retry runs every second. */
    DEFERRED,
    /** {@code page_pool_free()} ran: the pool is gone. */
    FREED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
