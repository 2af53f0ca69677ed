// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.function.Consumer;
import org.jctools.queues.SpscArrayQueue;
import org.pagepool.trace.TraceEvent;

/**
 * Page events on their way to their one viewer: a bounded JCTools SPSC
 * queue. One thread offers (the core's), one thread drains; when the viewer
 * falls behind, events are dropped and counted, and nobody waits.
 */
final class EventQueue implements EventSink {
    /** Events held for the viewer at most. */
    static final int CAPACITY = 1 << 16;

    private final SpscArrayQueue<TraceEvent> queue = new SpscArrayQueue<>(CAPACITY);
    private volatile long dropped;

    @Override
    public boolean offer(TraceEvent event) {
        if (queue.relaxedOffer(event)) {
            return true;
        }
        dropped++; // one writer: the core's thread
        return false;
    }

    @Override
    public long dropped() {
        return dropped;
    }

    /** The viewer's thread only: hands up to {@code limit} queued events to {@code consumer}. */
    int drain(Consumer<TraceEvent> consumer, int limit) {
        return queue.drain(consumer::accept, limit);
    }
}
