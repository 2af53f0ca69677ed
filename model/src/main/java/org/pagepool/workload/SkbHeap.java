// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * The skbs sockets hold, taken out in the order they are freed (by time,
 * ties in the order they were queued). A radix heap: an skb is only ever
 * queued at or after the time of the last one freed (sockets free in time
 * order and new skbs are freed later than now), so each entry sits in the
 * bucket of the highest bit in which its time differs from that last time,
 * and moves down only when its bucket is emptied: a few sequential moves per
 * skb instead of a binary heap's twenty cache-missing swaps (the binary heap
 * took a third of the slow-socket preset's time). Entries live in parallel
 * primitive arrays (pages are page references), dense in {@code [0, size)},
 * so a million skbs cost no objects.
 */
final class SkbHeap {
    /** An skb carrying a pool page, freed with {@code page_pool_return_skb_page()}. */
    static final byte SKB = 0;
    /** A clone's reference to a page the pool already let go of, freed with {@code put_page()}. */
    static final byte CLONE = 1;

    private static final int BUCKETS = 64;

    // the entries, dense in [0, size)
    private long[] time = new long[64];
    private long[] seq = new long[64];
    private int[] page = new int[64];
    private int[] cpu = new int[64];
    private byte[] kind = new byte[64];
    /** Where each entry is: its bucket and its position in that bucket. */
    private byte[] bucketOf = new byte[64];
    private int[] positionOf = new int[64];
    private int size;
    private long nextSeq;

    /** Bucket b holds the entries whose time first differs from {@link #last} in bit b-1 (bucket 0: equal). */
    private final int[][] buckets = new int[BUCKETS][];
    private final int[] bucketSize = new int[BUCKETS];
    /** The earliest entry of each non-empty bucket. */
    private final int[] bucketMin = new int[BUCKETS];
    /** Bit b set when bucket b holds entries. */
    private long nonEmpty;
    /** The time of the last entry taken out: no entry is ever earlier. */
    private long last;
    /**
     * Bucket 0 (entries due exactly at {@link #last}) is a queue in skb order:
     * its entries are {@code buckets[0][head0..bucketSize[0])}, so its earliest
     * is its first and taking it out is O(1) however many skbs share a time.
     */
    private int head0;

    SkbHeap() {
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new int[b == 0 ? 4 : 16];
        }
    }

    private SkbHeap(SkbHeap o) {
        time = o.time.clone();
        seq = o.seq.clone();
        page = o.page.clone();
        cpu = o.cpu.clone();
        kind = o.kind.clone();
        bucketOf = o.bucketOf.clone();
        positionOf = o.positionOf.clone();
        size = o.size;
        nextSeq = o.nextSeq;
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = o.buckets[b].clone();
        }
        System.arraycopy(o.bucketSize, 0, bucketSize, 0, BUCKETS);
        System.arraycopy(o.bucketMin, 0, bucketMin, 0, BUCKETS);
        nonEmpty = o.nonEmpty;
        last = o.last;
        head0 = o.head0;
    }

    SkbHeap copy() {
        return new SkbHeap(this);
    }

    int size() {
        return size;
    }

    long nextTime() {
        return size == 0 ? Long.MAX_VALUE : time[top()];
    }

    int topPage() {
        return page[top()];
    }

    int topCpu() {
        return cpu[top()];
    }

    byte topKind() {
        return kind[top()];
    }

    /** The page of entry {@code i}, {@code 0 <= i < size()}, in no particular order. */
    int page(int i) {
        return page[i];
    }

    byte kind(int i) {
        return kind[i];
    }

    /**
     * Queues an skb freed at {@code when}, which is no earlier than the last
     * skb taken out (the simulation never frees into the past).
     */
    void add(long when, int p, int onCpu, byte what) {
        if (when < last) {
            throw new IllegalArgumentException("an skb freed at " + when + " ns, before the last one (" + last + ")");
        }
        if (size == time.length) {
            grow();
        }
        int i = size++;
        time[i] = when;
        seq[i] = nextSeq++;
        page[i] = p;
        cpu[i] = onCpu;
        kind[i] = what;
        place(i);
    }

    void removeTop() {
        int t = top();
        int b = bucketOf[t];
        if (b > 0) {
            // the earliest entry becomes the new floor: every entry of its bucket moves to a lower one
            last = time[t];
            redistribute(b);
        }
        unlink(t);
        removeDense(t);
    }

    /** The earliest entry: the minimum of the lowest non-empty bucket. */
    private int top() {
        return bucketMin[Long.numberOfTrailingZeros(nonEmpty)];
    }

    private int bucketFor(long t) {
        return t == last ? 0 : 64 - Long.numberOfLeadingZeros(t ^ last);
    }

    private boolean earlier(int a, int b) {
        return time[a] != time[b] ? time[a] < time[b] : seq[a] < seq[b];
    }

    /** Puts entry {@code i} into its bucket. */
    private void place(int i) {
        int b = bucketFor(time[i]);
        int n = bucketSize[b];
        if (n == buckets[b].length) {
            buckets[b] = Arrays.copyOf(buckets[b], n * 2);
        }
        buckets[b][n] = i;
        bucketSize[b] = n + 1;
        bucketOf[i] = (byte) b;
        positionOf[i] = n;
        if (n == 0 || earlier(i, bucketMin[b])) {
            bucketMin[b] = i;
        }
        nonEmpty |= 1L << b;
    }

    private void redistribute(int b) {
        // every entry lands in a lower bucket, so this one's array can be read while the others fill;
        // bucket 0 is empty here (the top came from bucket b), so what lands there is put in skb order
        int[] moving = buckets[b];
        int n = bucketSize[b];
        bucketSize[b] = 0;
        nonEmpty &= ~(1L << b);
        for (int k = 0; k < n; k++) {
            place(moving[k]);
        }
        sortBucket0();
    }

    /** Orders bucket 0 by queueing order (all its entries share one time); an insertion sort, as it is short. */
    private void sortBucket0() {
        int[] entries = buckets[0];
        int n = bucketSize[0];
        for (int k = 1; k < n; k++) {
            int e = entries[k];
            int j = k - 1;
            while (j >= 0 && seq[entries[j]] > seq[e]) {
                entries[j + 1] = entries[j];
                j--;
            }
            entries[j + 1] = e;
        }
        for (int k = 0; k < n; k++) {
            positionOf[entries[k]] = k;
        }
        if (n > 0) {
            bucketMin[0] = entries[0];
        }
    }

    /** Takes entry {@code i} out of its bucket (the bucket's last entry fills the gap). */
    private void unlink(int i) {
        int b = bucketOf[i];
        if (b == 0) {
            unlinkFirstOfBucket0(i);
            return;
        }
        int n = --bucketSize[b];
        int moved = buckets[b][n];
        int at = positionOf[i];
        buckets[b][at] = moved;
        positionOf[moved] = at;
        if (n == 0) {
            nonEmpty &= ~(1L << b);
        }
    }

    /** Bucket 0 only ever gives up its first entry, the earliest. */
    private void unlinkFirstOfBucket0(int i) {
        if (positionOf[i] != head0) {
            throw new IllegalStateException("bucket 0 gives up its first entry only");
        }
        head0++;
        if (head0 == bucketSize[0]) {
            head0 = 0;
            bucketSize[0] = 0;
            nonEmpty &= ~1L;
        } else {
            bucketMin[0] = buckets[0][head0];
        }
    }

    /** Frees index {@code i}: the last entry moves into it, so entries stay dense. */
    private void removeDense(int i) {
        int lastIndex = --size;
        if (i == lastIndex) {
            return;
        }
        time[i] = time[lastIndex];
        seq[i] = seq[lastIndex];
        page[i] = page[lastIndex];
        cpu[i] = cpu[lastIndex];
        kind[i] = kind[lastIndex];
        int b = bucketOf[lastIndex];
        bucketOf[i] = (byte) b;
        positionOf[i] = positionOf[lastIndex];
        buckets[b][positionOf[i]] = i;
        if (bucketMin[b] == lastIndex) {
            bucketMin[b] = i;
        }
    }

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        seq = Arrays.copyOf(seq, n);
        page = Arrays.copyOf(page, n);
        cpu = Arrays.copyOf(cpu, n);
        kind = Arrays.copyOf(kind, n);
        bucketOf = Arrays.copyOf(bucketOf, n);
        positionOf = Arrays.copyOf(positionOf, n);
    }
}
