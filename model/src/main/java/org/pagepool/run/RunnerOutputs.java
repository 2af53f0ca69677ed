// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.function.Consumer;
import org.pagepool.trace.TraceEvent;
import org.pagepool.view.ModelView;

/**
 * What both runners hand to their viewer, the same way: the latest view and
 * the last recording (pending slots) and the page events (a bounded queue).
 * Only how the core is driven differs: {@link Runner} on a worker thread,
 * {@link SyncRunner} on the caller's.
 */
abstract class RunnerOutputs implements ModelRunner {
    /** Where the core publishes its views and recordings. */
    final ViewSlot views = new ViewSlot();
    /** Where the core offers its page events. */
    final EventQueue events = new EventQueue();

    @Override
    public final ModelView latest() {
        return views.latest();
    }

    @Override
    public final Recording recording() {
        return views.recording();
    }

    @Override
    public final long droppedEvents() {
        return events.dropped();
    }

    @Override
    public final int drainEvents(Consumer<TraceEvent> consumer, int limit) {
        return events.drain(consumer, limit);
    }
}
