// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/** An immutable record of one thing the model did; safe to hand to another thread. */
public interface TraceEvent {
}
