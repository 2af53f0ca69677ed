// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * Receives the page_pool tracepoints, one call per event, with primitive
 * arguments only (so parsing a line allocates nothing). Times are ns on the
 * trace clock; pools and pages are what the kernel printed: a pool's address,
 * a page's pfn ({@code pfn} true) or, where the format has no pfn, its
 * address. Counters are the kernel's u32 values, 0..2^32-1.
 */
public interface PoolEventSink {
    /** {@code page_pool_state_hold}: the pool took a page from the page allocator; {@code hold} counted it. */
    void hold(long ns, int cpu, long pool, long page, boolean pfn, long hold);

    /** {@code page_pool_state_release}: a page left the pool for the page allocator; {@code release} counted it. */
    void release(long ns, int cpu, long pool, long page, boolean pfn, long release);

    /**
     * {@code page_pool_release} (at first {@code page_pool_inflight}): a
     * shutdown attempt, from {@code page_pool_destroy()} and every retry.
     * {@code attempts} is {@code cnt} (the pool's destroy_cnt), -1 where the format has none.
     */
    void shutdownAttempt(long ns, long pool, int inflight, long hold, long release, long attempts);

    /** {@code page_pool_update_nid}: the pool's NUMA node changed. */
    void updateNid(long ns, long pool, int poolNid, int newNid);

    /** {@code page_pool_release_stalled} (newer kernels): the pool's id, and a stalled shutdown. */
    void stalled(long ns, long pool, int id, int inflight, int seconds);

    /** The tracer dropped {@code events} events on a CPU ({@code [LOST n EVENTS]}): the counts are incomplete. */
    void lost(long ns, int cpu, long events);
}
