// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;

/**
 * The pools a view draws in detail (the focused queue's, oldest first: a
 * reload leaves a deferred pool beside the new one) and the totals of every
 * pool in the system, added up once here. Immutable.
 *
 * @param list   the focused queue's pools (a script's pools), the one in use last
 * @param shown  {@code list} added up
 * @param totals every pool of every queue added up
 */
public record PoolsView(List<PoolView> list, PoolTotals shown, PoolTotals totals) {

    public PoolsView {
        list = List.copyOf(list);
    }

    /** Pools whose totals are those of {@code list} (a one-queue system, a script). */
    public static PoolsView of(List<PoolView> list) {
        PoolTotals sum = PoolTotals.of(list);
        return new PoolsView(list, sum, sum);
    }

    /** The pool the driver (or the script) uses now, or null. */
    public PoolView current() {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
