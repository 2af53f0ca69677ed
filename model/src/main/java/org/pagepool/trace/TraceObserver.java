// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/**
 * Receives the model's events, synchronously, on the thread that runs the
 * model. An observer must not call back into the model.
 */
@FunctionalInterface
public interface TraceObserver {
    void onEvent(TraceEvent event);
}
