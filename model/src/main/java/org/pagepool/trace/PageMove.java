// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/**
 * A page (or a block of 2^order pages) went from one place to another.
 *
 * @param pool   id of the pool that counted the page as held, 0 for none
 * @param handle the page's handle in that pool ({@code pN}), 0 for none
 */
public record PageMove(int pool, int handle, int nid, int pfn, int order, Place from, Place to)
        implements TraceEvent {
}
