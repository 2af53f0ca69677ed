// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

import java.util.function.Consumer;

/**
 * Receives the model's events, synchronously, on the thread that runs the
 * model. An observer must not call back into the model.
 *
 * <p>The frequent events (a function entered, a page moved) arrive as
 * primitive arguments, so an observer that keeps what it needs in fields or
 * arrays costs no allocation per event; {@link #records} turns every event
 * into an immutable {@link TraceEvent} for observers that want objects (a
 * queue to another thread, a test's list).
 */
public interface TraceObserver {
    /** The model entered a kernel function. */
    default void entered(KernelFunction function) {
    }

    /**
     * A page (or a block of 2^order pages) went from one place to another.
     *
     * @param pool   id of the pool that counted the page as held, 0 for none
     * @param handle the page's handle in that pool ({@code pN}), 0 for none
     */
    default void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
    }

    /**
     * {@code trace_page_pool_state_hold()}: the pool counted {@code page} as
     * held; {@code hold} is the count after it.
     */
    default void stateHold(int pool, int page, int hold) {
    }

    /** {@code trace_page_pool_state_release()}: the pool let {@code page} go; {@code release} is the count after it. */
    default void stateRelease(int pool, int page, int release) {
    }

    /**
     * {@code trace_page_pool_release()}, fired by {@code page_pool_inflight()} as a pool is destroyed or
     * retried; {@code cnt} is {@code pool->destroy_cnt}.
     */
    default void poolRelease(int pool, int inflight, int hold, int release, int cnt) {
    }

    /** {@code trace_page_pool_update_nid()}: the pool moves from node {@code poolNid} to {@code newNid}. */
    default void updateNid(int pool, int poolNid, int newNid) {
    }

    /** The kernel printed a line (without the "! " prefix). */
    default void message(String text) {
    }

    /** Any other event (a packet through XDP, the end of a runner's step). */
    default void onEvent(TraceEvent event) {
    }

    /** An observer that hands every event to {@code consumer} as an immutable record. */
    static TraceObserver records(Consumer<? super TraceEvent> consumer) {
        return new TraceObserver() {
            @Override
            public void entered(KernelFunction function) {
                consumer.accept(function.entered());
            }

            @Override
            public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
                consumer.accept(new PageMove(pool, handle, nid, pfn, order, from, to));
            }

            @Override
            public void message(String text) {
                consumer.accept(new KernelMessage(text));
            }

            @Override
            public void onEvent(TraceEvent event) {
                consumer.accept(event);
            }
        };
    }
}
