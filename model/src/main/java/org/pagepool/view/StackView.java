// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import org.pagepool.workload.StackStats;

/**
 * Pages out of the pools' hands. Immutable.
 *
 * @param stats   the network stack's counters, null for a script
 * @param sockets skbs held by sockets and redirected frames waiting on other CPUs (live), or the pages a
 *                script's driver holds or detached (the first ones, up to a display limit)
 * @param total   how many such pages there really are
 */
public record StackView(StackStats stats, PageSlots sockets, int total) {
}
