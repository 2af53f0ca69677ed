// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.function.Consumer;
import org.pagepool.trace.TraceEvent;
import org.pagepool.view.ModelView;

/**
 * What a viewer drives the model through: commands go in, views and page
 * events come out. {@link Runner} runs the model on its own thread;
 * {@link SyncRunner} runs it on the caller's (tests and tools).
 */
public interface ModelRunner extends AutoCloseable {
    /** Queues a command, applied between steps in order; never blocks. */
    void submit(RunnerCommand command);

    /** The latest view (immutable), or null if the model failed so badly that none could be made. */
    ModelView latest();

    /** The last recording that was stopped, or null. */
    Recording recording();

    /** Events dropped because the viewer fell behind, since the start. */
    long droppedEvents();

    /** The one viewer thread only: hands up to {@code limit} queued events to {@code consumer}. */
    int drainEvents(Consumer<TraceEvent> consumer, int limit);

    /** Stops the runner without waiting for it. */
    @Override
    void close();
}
