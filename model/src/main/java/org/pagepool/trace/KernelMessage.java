// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/** A line the kernel printed ({@code pr_warn}, {@code pr_crit}, {@code WARN}), without the "! " prefix. */
public record KernelMessage(String text) implements TraceEvent {
}
