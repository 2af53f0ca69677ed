// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.trace.TraceEvent;

/**
 * Marks the end of a step in the event stream: the events before it belong
 * to the step that brought the model to {@code position}.
 *
 * @param flags what the step did ({@code Driver} flags; 0 for the end of a step command)
 */
public record StepDone(long position, int flags) implements TraceEvent {
}
