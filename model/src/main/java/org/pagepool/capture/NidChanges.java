// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/** The {@code page_pool_update_nid} events of a pool: when, from which node, to which (growable arrays). */
public final class NidChanges {
    private long[] ns = new long[4];
    private int[] from = new int[4];
    private int[] to = new int[4];
    private int count;

    void add(long time, int oldNid, int newNid) {
        if (count == ns.length) {
            ns = Arrays.copyOf(ns, count * 2);
            from = Arrays.copyOf(from, count * 2);
            to = Arrays.copyOf(to, count * 2);
        }
        ns[count] = time;
        from[count] = oldNid;
        to[count] = newNid;
        count++;
    }

    public int count() {
        return count;
    }

    public long ns(int i) {
        return ns[i];
    }

    public int from(int i) {
        return from[i];
    }

    public int to(int i) {
        return to[i];
    }

    NidChanges copy() {
        NidChanges c = new NidChanges();
        c.ns = Arrays.copyOf(ns, Math.max(1, count));
        c.from = Arrays.copyOf(from, Math.max(1, count));
        c.to = Arrays.copyOf(to, Math.max(1, count));
        c.count = count;
        return c;
    }
}
