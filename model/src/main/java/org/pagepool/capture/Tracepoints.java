// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * The page_pool tracepoints as the kernel prints them
 * ({@code include/trace/events/page_pool.h}). Named here once, for the reader
 * and for a writer that prints the model's runs in the same form.
 *
 * <pre>
 * v5.14:        page_pool_state_hold: page_pool=%p page=%p pfn=0x%lx hold=%u
 * older:        ... page=%p pfn=%lu ...     (a decimal pfn)
 * the first:    ... page=%p hold=%u         (no pfn; the shutdown event was page_pool_inflight, without cnt)
 * netmem:       ... netmem=%lu pfn=0x%lx ...
 * devmem:       ... netmem=%p is_net_iov=%lu pfn=0x%lx ...   (hold: "is_net_iov=%lu, pfn=")
 * </pre>
 * The lines before each event are the tracer's: {@code TASK-PID [CPU] FLAGS
 * SECONDS: } for tracefs and trace-cmd (flags optional), {@code COMM PID
 * [CPU] SECONDS: page_pool:} for perf script.
 */
public final class Tracepoints {
    public static final String HOLD = "page_pool_state_hold";
    public static final String RELEASE = "page_pool_state_release";
    public static final String SHUTDOWN = "page_pool_release";
    /** The name of {@link #SHUTDOWN} in the first kernels that had these events. */
    public static final String SHUTDOWN_OLD = "page_pool_inflight";
    public static final String UPDATE_NID = "page_pool_update_nid";
    public static final String STALLED = "page_pool_release_stalled";

    /** The v5.14 print formats, for messages and for a writer. */
    public static final String HOLD_FORMAT = "page_pool=%p page=%p pfn=0x%lx hold=%u";
    public static final String RELEASE_FORMAT = "page_pool=%p page=%p pfn=0x%lx release=%u";
    public static final String SHUTDOWN_FORMAT = "page_pool=%p inflight=%d hold=%u release=%u cnt=%llu";
    public static final String UPDATE_NID_FORMAT = "page_pool=%p pool_nid=%d new_nid=%d";
    public static final String STALLED_FORMAT = "page_pool=%p id=%d inflight=%d sec=%d";

    private Tracepoints() {
    }
}
