// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

/** Something a page can belong to: a page pool. Keeps {@code mm} free of the pool package. */
public interface PageOwner {
    /** A small number naming the owner in trace events. */
    int id();
}
