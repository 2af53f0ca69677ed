// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import org.pagepool.mm.Page;

/**
 * {@code struct pp_alloc_cache}: a LIFO stack of up to 128 pages, touched
 * only in NAPI/softirq context. Slots at and above {@code count} may hold
 * old pointers, as in the kernel.
 */
final class AllocCache {
    int count;
    final Page[] cache = new Page[PagePool.PP_ALLOC_CACHE_SIZE];
}
