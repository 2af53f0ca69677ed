// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/** The model entered a kernel function. One instance per function: entering allocates nothing. */
public record FunctionEnter(KernelFunction function) implements TraceEvent {
}
