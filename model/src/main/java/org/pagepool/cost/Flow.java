// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cost;

/**
 * What the model did over an interval, in the units the published costs
 * use: packets, fast-path pairs, pages through the ring, pages and blocks
 * from the page allocator, DMA maps and unmaps, pages returned from other CPUs.
 * ({@code view.ViewFlow} reads one off two views.)
 */
public record Flow(long packets, long fastPairs, long ringPages, long allocatorPages, long highOrderBlocks,
                   long dmaMaps, long dmaUnmaps, long crossCpuReturns) {
}
