// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * A kernel log line about page pools (immutable).
 *
 * @param ns       time on the capture's clock, or {@link Capture#NO_TIME} (a wall-clock log)
 * @param kind     what the line says
 * @param poolId   the pool's id (6.8 on), -1 when the line has none
 * @param device   the interface the line names, or ""
 * @param inflight pages in flight ({@link Kind#STALLED}, {@link Kind#NEGATIVE_INFLIGHT})
 * @param seconds  how long the shutdown has waited ({@link Kind#STALLED})
 * @param errno    the error ({@link Kind#CREATE_FAILED}), negative as printed
 * @param text     the message as logged, without its time
 * @param where    {@code file:line} of the line
 */
public record KernelEvent(long ns, Kind kind, int poolId, String device, int inflight, int seconds, int errno,
                          String text, String where) {
    /** The kinds of line the reader recognises. */
    public enum Kind {
        /** {@code page_pool_release_retry() stalled pool shutdown ...} */
        STALLED,
        /**
         * The last such warning of a shutdown that no other source shows and
         * that was over: the next warning, a minute later, fell within the
         * capture and did not come. Not one of the capture's pools.
         */
        STALL_OVER,
        /** {@code refcount_t: ...} (a misused {@code user_cnt}, or any other refcount in the kernel) */
        REFCOUNT,
        /** {@code page_pool_create() gave up with errno -N} */
        CREATE_FAILED,
        /** {@code Negative(N) inflight packet-pages} */
        NEGATIVE_INFLIGHT
    }

    /** When the shutdown began (time minus the seconds it has waited), for {@link Kind#STALLED} with a time. */
    public long shutdownStartNs() {
        return ns == Capture.NO_TIME ? Capture.NO_TIME : ns - seconds * 1_000_000_000L;
    }
}
