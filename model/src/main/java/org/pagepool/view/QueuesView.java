// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.Arrays;
import java.util.List;

/**
 * Every RX queue of the NIC, the one in focus (whose device, cache and ring
 * the detailed regions draw), and where each queue's pages are: how many
 * pages its pools keep in their caches, rings and RX descriptors, per NUMA
 * node. Immutable.
 */
public final class QueuesView {
    /** A script's pools have no queues: an empty list, focus 0. */
    public static final QueuesView NONE = new QueuesView(0, List.of(), 0, new int[0]);

    private final int focus;
    private final List<QueueView> list;
    private final int nodes;
    private final int[] pages;

    /** {@code pages[node * list.size() + queue]}: pages queue {@code queue} keeps on {@code node}. */
    public QueuesView(int focus, List<QueueView> list, int nodes, int[] pages) {
        this.focus = focus;
        this.list = List.copyOf(list);
        this.nodes = nodes;
        this.pages = pages.clone();
        if (pages.length != nodes * list.size()) {
            throw new IllegalArgumentException(pages.length + " page counts for " + nodes + " nodes and "
                    + list.size() + " queues");
        }
    }

    /** The queue the detailed regions show. */
    public int focus() {
        return focus;
    }

    public List<QueueView> list() {
        return list;
    }

    public int count() {
        return list.size();
    }

    public QueueView get(int q) {
        return list.get(q);
    }

    /** True for a NIC of several queues (the tiles show then). */
    public boolean many() {
        return list.size() > 1;
    }

    public int nodes() {
        return nodes;
    }

    /** Pages queue {@code q}'s pools keep on {@code node} (in their caches, rings and RX descriptors). */
    public int pages(int node, int q) {
        return pages[node * list.size() + q];
    }

    /** The most packets per simulated second any queue handles (0 when none is measured yet). */
    public double maxPps() {
        double most = 0;
        for (QueueView q : list) {
            if (q.pps() > most) {
                most = q.pps();
            }
        }
        return most;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueuesView v && focus == v.focus && nodes == v.nodes && list.equals(v.list)
                && Arrays.equals(pages, v.pages);
    }

    @Override
    public int hashCode() {
        return 31 * list.hashCode() + focus;
    }
}
