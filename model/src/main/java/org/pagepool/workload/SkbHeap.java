// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * The skbs sockets hold, ordered by the time they are freed (ties in the
 * order they were queued): a binary heap over parallel arrays of primitives
 * (pages are page references), so a million skbs cost no objects.
 */
final class SkbHeap {
    /** An skb carrying a pool page, freed with {@code page_pool_return_skb_page()}. */
    static final byte SKB = 0;
    /** A clone's reference to a page the pool already let go of, freed with {@code put_page()}. */
    static final byte CLONE = 1;

    private long[] time = new long[64];
    private long[] seq = new long[64];
    private int[] page = new int[64];
    private int[] cpu = new int[64];
    private byte[] kind = new byte[64];
    private int size;
    private long nextSeq;

    SkbHeap() {
    }

    private SkbHeap(SkbHeap o) {
        time = o.time.clone();
        seq = o.seq.clone();
        cpu = o.cpu.clone();
        kind = o.kind.clone();
        page = o.page.clone();
        size = o.size;
        nextSeq = o.nextSeq;
    }

    SkbHeap copy() {
        return new SkbHeap(this);
    }

    int size() {
        return size;
    }

    long nextTime() {
        return size == 0 ? Long.MAX_VALUE : time[0];
    }

    int topPage() {
        return page[0];
    }

    int topCpu() {
        return cpu[0];
    }

    byte topKind() {
        return kind[0];
    }

    int page(int i) {
        return page[i];
    }

    byte kind(int i) {
        return kind[i];
    }

    void add(long when, int p, int onCpu, byte what) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            seq = Arrays.copyOf(seq, n);
            page = Arrays.copyOf(page, n);
            cpu = Arrays.copyOf(cpu, n);
            kind = Arrays.copyOf(kind, n);
        }
        int i = size++;
        set(i, when, nextSeq++, p, onCpu, what);
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    void removeTop() {
        size--;
        if (size > 0) {
            set(0, time[size], seq[size], page[size], cpu[size], kind[size]);
        }
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                break;
            }
            int child = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(child, i)) {
                break;
            }
            swap(i, child);
            i = child;
        }
    }

    private boolean less(int a, int b) {
        return time[a] != time[b] ? time[a] < time[b] : seq[a] < seq[b];
    }

    private void set(int i, long t, long s, int p, int c, byte k) {
        time[i] = t;
        seq[i] = s;
        page[i] = p;
        cpu[i] = c;
        kind[i] = k;
    }

    private void swap(int a, int b) {
        long t = time[a];
        long s = seq[a];
        int p = page[a];
        int c = cpu[a];
        byte k = kind[a];
        set(a, time[b], seq[b], page[b], cpu[b], kind[b]);
        set(b, t, s, p, c, k);
    }
}
