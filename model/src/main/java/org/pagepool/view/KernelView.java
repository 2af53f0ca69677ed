// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;
import org.pagepool.trace.KernelFunction;

/**
 * The kernel around the pools: the page allocator, what the last step
 * called, the kernel log and the DMA API's counts. Immutable.
 *
 * @param current the kernel function the last step called into, or null (events off)
 * @param calls   every kernel function the last step entered, in order, each once
 */
public record KernelView(BuddyView buddy, KernelFunction current, List<KernelFunction> calls, List<String> log,
                         long logTotal, long mapped, long syncs) {

    public KernelView {
        calls = List.copyOf(calls);
        log = List.copyOf(log);
    }
}
