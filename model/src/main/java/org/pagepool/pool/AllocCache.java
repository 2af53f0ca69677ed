// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

/**
 * {@code struct pp_alloc_cache}: a LIFO stack of up to 128 pages, touched
 * only in NAPI/softirq context. Slots at and above {@code count} may hold
 * old pointers, as in the kernel. Pages are {@code PageRef}s (0 is NULL).
 */
final class AllocCache {
    int count;
    final int[] cache = new int[PagePool.PP_ALLOC_CACHE_SIZE];
}
