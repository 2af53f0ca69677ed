// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;
import org.pagepool.pack.VarLongs;

/**
 * The skbs due beyond {@link SkbWheel}'s horizon, taken out in the order
 * they are freed (by time, ties in queue order). A radix heap: an skb is
 * only ever queued at or after the time of the last one taken out (the
 * wheel hands on only skbs beyond its horizon, which only moves on), so
 * each entry sits in the bucket of the highest hexadecimal digit in which
 * its time differs from that last time and of its own value of that digit,
 * and moves down only when its bucket is emptied: at most once per digit.
 *
 * <p>An entry lives inside its bucket, three longs side by side (time, queue
 * order, data), so emptying a bucket reads it front to back and appends to
 * the lower ones: no random access into per-entry arrays. Bucket 0 (entries
 * due exactly at the last time) is a queue in queue order, so the earliest
 * entry is always its first.
 *
 * <p>Bucket arrays hold 2^k entries. A bucket that is emptied gives its
 * array up as a spare, for the next bucket that grows to that size, and so
 * may the array a bucket outgrows: the room follows the entries, where a
 * bucket that kept the most it ever held left 13's 25,000 skbs of 100 ms
 * (0.6 MB of entries) 16 MB of buckets, and a run allocated for seconds
 * until every bucket had held its most. An outgrown array is kept only
 * against room that emptied buckets gave up ({@link #credit}), so a heap
 * that only grows (skbs that live for minutes, until memory runs out) keeps
 * none.
 *
 * <p>A copy that is kept ({@link #keep}) packs its entries, about 10 bytes
 * each where a bucket holds 24 and more: the app keeps 32 copies to step
 * back to, which held 13's skbs at 1 MB each. A copy of it, to run,
 * unpacks them.
 */
final class SkbHeap {
    private static final int DIGIT_BITS = 4;
    private static final int DIGITS = 1 << DIGIT_BITS;
    /** Bucket 0, then one per (digit position, digit value): in that order, earlier entries first. */
    private static final int BUCKETS = 1 + (64 / DIGIT_BITS) * DIGITS;
    /** Longs per entry: time, queue order, data. */
    private static final int STRIDE = 3;
    /** The most spare arrays kept per size. */
    private static final int SPARES = 16;
    /** The array of a bucket that gave its own up. */
    private static final long[] NONE = new long[0];
    /** The bytes of a heap's tables: per bucket its array's place, count, earliest entry; the spares' places. */
    private static final long TABLE_BYTES = BUCKETS * (4L + 4 + 4 + 16) + Integer.SIZE * (16L + 4 * SPARES + 4) + 128;

    /**
     * Bucket 1 + 16 L + d holds the entries whose time first differs from
     * {@link #last} in hex digit L and has d there (bucket 0: equal).
     */
    private final long[][] buckets = new long[BUCKETS][];
    /** Per size k, up to {@value #SPARES} arrays of 2^k entries that no bucket holds (the class comment). */
    private final long[][][] spare = new long[Integer.SIZE][SPARES][];
    private final int[] spares = new int[Integer.SIZE];
    /** Bytes of emptied buckets' arrays not yet matched by outgrown arrays kept as spares. */
    private long credit;
    /** Entries in each bucket (bucket 0: one past its last; its first is {@link #head0}). */
    private final int[] count = new int[BUCKETS];
    /** The earliest entry of each non-empty bucket above 0. */
    private final int[] minAt = new int[BUCKETS];
    /**
     * That entry's time and queue order, side by side per bucket: an append compares against them here,
     * in one small array, instead of reading its bucket at a place far from where it writes.
     */
    private final long[] min = new long[2 * BUCKETS];
    /** Bit b set when bucket b holds entries. */
    private final long[] nonEmpty = new long[(BUCKETS + 63) / 64];
    /** The time of the last entry taken out: no entry is ever earlier. */
    private long last;
    private int head0;
    private int size;
    /** The entries of a kept copy (see {@link #keep}); null in a heap in use. */
    private byte[] packed;

    // where page(i) stopped: a display reads the entries in index order
    private int cursorI;
    private int cursorB;
    private int cursorK;

    SkbHeap() {
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new long[STRIDE * (b == 0 ? 4 : 2)];
        }
        resetCursor();
    }

    private SkbHeap(SkbHeap o) {
        System.arraycopy(o.count, 0, count, 0, BUCKETS);
        System.arraycopy(o.minAt, 0, minAt, 0, BUCKETS);
        System.arraycopy(o.min, 0, min, 0, min.length);
        System.arraycopy(o.nonEmpty, 0, nonEmpty, 0, nonEmpty.length);
        last = o.last;
        head0 = o.head0;
        size = o.size;
        if (o.packed != null) {
            unpack(o.packed);
        } else {
            for (int b = 0; b < BUCKETS; b++) {
                int entries = o.count[b]; // (bucket 0: one past its last entry)
                buckets[b] = entries == 0 ? NONE : Arrays.copyOf(o.buckets[b], STRIDE * PowersOfTwo.atLeast(entries));
            }
        }
        resetCursor();
    }

    /** A copy to run: its entries in arrays that hold only the next power of two of them. */
    SkbHeap copy() {
        return new SkbHeap(this);
    }

    /**
     * Packs the entries (see {@link #pack}) and lets go of the arrays: a
     * copy that is kept, not run (the simulation refuses to run one). A
     * copy of it unpacks them.
     */
    void keep() {
        if (packed == null) {
            packed = pack();
            Arrays.fill(buckets, null);
            for (int k = 0; k < Integer.SIZE; k++) {
                Arrays.fill(spare[k], null);
            }
            Arrays.fill(spares, 0);
            credit = 0;
        }
    }

    int size() {
        return size;
    }

    /**
     * Every bucket's entries in bucket order, each as its differences from
     * the one before, in {@link VarLongs}: a bucket's entries mostly came in
     * queue order, so the queue orders differ by a little, the times by
     * less than the lifetimes spread, and a page is 32 bits and its CPU and
     * kind one or two bytes. Bucket 0 is packed from its first entry, taken
     * out or not, as {@link #head0} counts from there.
     */
    private byte[] pack() {
        VarLongs out = new VarLongs();
        long t = last;
        long seq = 0;
        long data = 0;
        for (int b = 0; b < BUCKETS; b++) {
            long[] e = buckets[b];
            for (int at = 0, end = count[b] * STRIDE; at < end; at += STRIDE) {
                out.put(e[at] - t);
                out.put(e[at + 1] - seq);
                out.put((e[at + 2] >> 32) - (data >> 32));
                out.put((int) e[at + 2]);
                t = e[at];
                seq = e[at + 1];
                data = e[at + 2];
            }
        }
        return out.toArray();
    }

    /** Puts a kept copy's packed entries into this copy's bucket arrays of 2^k entries. */
    private void unpack(byte[] from) {
        VarLongs in = new VarLongs(from);
        long t = last;
        long seq = 0;
        long high = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int entries = count[b];
            if (entries == 0) {
                buckets[b] = NONE;
                continue;
            }
            long[] e = new long[STRIDE * PowersOfTwo.atLeast(entries)];
            for (int at = 0, end = entries * STRIDE; at < end; at += STRIDE) {
                t += in.next();
                seq += in.next();
                high += in.next();
                e[at] = t;
                e[at + 1] = seq;
                e[at + 2] = high << 32 | in.next() & 0xFFFF_FFFFL;
            }
            buckets[b] = e;
        }
    }

    /** The bytes this heap holds: its entries' room (packed in a kept copy) and its tables. */
    long bytes() {
        return TABLE_BYTES + (packed != null ? 16 + packed.length : 16L * BUCKETS + roomBytes());
    }

    /** The bytes of room for entries that its buckets' arrays hold (a heap in use: a kept one holds none). */
    long roomBytes() {
        long bytes = 0;
        for (long[] bucket : buckets) {
            bytes += 8L * bucket.length;
        }
        for (int k = 0; k < Integer.SIZE; k++) {
            for (int i = 0; i < spares[k]; i++) {
                bytes += 8L * spare[k][i].length;
            }
        }
        return bytes;
    }

    long nextTime() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        int b = topBucket();
        return b == 0 ? buckets[0][head0 * STRIDE] : min[2 * b];
    }

    /** The earliest entry's queue order. */
    long topSeq() {
        int b = topBucket();
        return buckets[b][topAt(b) + 1];
    }

    /** The earliest entry's data. */
    long topData() {
        int b = topBucket();
        return buckets[b][topAt(b) + 2];
    }

    /**
     * Queues an entry due at {@code when}, no earlier than the last one
     * taken out, {@code seq} in queue order among those of its time.
     */
    void add(long when, long seq, long data) {
        if (when < last) {
            throw new IllegalArgumentException("an skb freed at " + when + " ns, before the last one (" + last + ")");
        }
        append(bucketFor(when), when, seq, data);
        size++;
        resetCursor();
    }

    void removeTop() {
        int b = topBucket();
        if (b > 0) {
            // the earliest entry becomes the new floor: every entry of its bucket moves to a lower one
            last = min[2 * b];
            redistribute(b);
        }
        head0++; // the earliest is bucket 0's first
        if (head0 == count[0]) {
            head0 = 0;
            count[0] = 0;
            nonEmpty[0] &= ~1L;
        }
        size--;
        resetCursor();
    }

    private int topBucket() {
        for (int w = 0; ; w++) {
            if (nonEmpty[w] != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(nonEmpty[w]);
            }
        }
    }

    /** Where in bucket b its earliest entry starts. */
    private int topAt(int b) {
        return (b == 0 ? head0 : minAt[b]) * STRIDE;
    }

    private int bucketFor(long t) {
        if (t == last) {
            return 0;
        }
        int level = (63 - Long.numberOfLeadingZeros(t ^ last)) / DIGIT_BITS;
        int digit = (int) (t >>> (level * DIGIT_BITS)) & (DIGITS - 1);
        return 1 + level * DIGITS + digit;
    }

    private void append(int b, long t, long seq, long data) {
        int n = count[b];
        long[] entries = buckets[b];
        int at = n * STRIDE;
        if (at == entries.length) {
            long[] grown = takeArray(entries == NONE ? 0 : sizeOf(entries) + 1);
            System.arraycopy(entries, 0, grown, 0, at);
            if (at > 0 && credit >= 8L * at) {
                credit -= 8L * at;
                giveUp(entries);
            }
            entries = grown;
            buckets[b] = entries;
        }
        entries[at] = t;
        entries[at + 1] = seq;
        entries[at + 2] = data;
        count[b] = n + 1;
        if (b > 0 && (n == 0 || t < min[2 * b] || t == min[2 * b] && seq < min[2 * b + 1])) {
            minAt[b] = n;
            min[2 * b] = t;
            min[2 * b + 1] = seq;
        }
        nonEmpty[b >>> 6] |= 1L << b;
    }

    private void redistribute(int b) {
        // every entry lands in a lower bucket, so this one's array can be read while the others fill;
        // bucket 0 is empty here (the top came from bucket b), so what lands there is put in skb order
        long[] moving = buckets[b];
        int end = count[b] * STRIDE;
        count[b] = 0;
        nonEmpty[b >>> 6] &= ~(1L << b);
        for (int at = 0; at < end; at += STRIDE) {
            long t = moving[at];
            append(bucketFor(t), t, moving[at + 1], moving[at + 2]);
        }
        // at most twice the entries' bytes: a heap that stops emptying buckets soon keeps no outgrown array
        credit = Math.min(credit + 8L * moving.length, 2 * 8L * STRIDE * size);
        giveUp(moving); // (only now: the loop read it)
        buckets[b] = NONE;
        sortBucket0();
    }

    /** k for an array of 2^k entries. */
    private static int sizeOf(long[] entries) {
        return Integer.numberOfTrailingZeros(entries.length / STRIDE);
    }

    /** An array of at least 2^k entries: a spare one of that size or a few sizes larger, else a new one. */
    private long[] takeArray(int k) {
        for (int size = k; size < Math.min(k + 4, Integer.SIZE); size++) {
            if (spares[size] > 0) {
                long[] array = spare[size][--spares[size]];
                spare[size][spares[size]] = null;
                return array;
            }
        }
        return new long[STRIDE << k];
    }

    /** Keeps an array no bucket holds any more as a spare of its size, if there is room for one more. */
    private void giveUp(long[] entries) {
        int k = sizeOf(entries);
        if (spares[k] < SPARES) {
            spare[k][spares[k]++] = entries;
        }
    }

    /** Orders bucket 0 by queue order (its entries share one time); an insertion sort, as it is short. */
    private void sortBucket0() {
        long[] e = buckets[0];
        int end = count[0] * STRIDE;
        for (int k = STRIDE; k < end; k += STRIDE) {
            long t = e[k];
            long seq = e[k + 1];
            long data = e[k + 2];
            int j = k - STRIDE;
            while (j >= 0 && e[j + 1] > seq) {
                e[j + STRIDE] = e[j];
                e[j + STRIDE + 1] = e[j + 1];
                e[j + STRIDE + 2] = e[j + 2];
                j -= STRIDE;
            }
            e[j + STRIDE] = t;
            e[j + STRIDE + 1] = seq;
            e[j + STRIDE + 2] = data;
        }
    }

    private void resetCursor() {
        cursorI = -1;
        cursorB = 0;
        cursorK = head0 - 1;
    }

    /**
     * Entry i's data, {@code 0 <= i < size()}, in no particular order: bucket
     * 0 from its head, then the others in order; sequential reads cost O(1) each.
     */
    long data(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        if (i < cursorI) {
            resetCursor();
        }
        while (cursorI < i) {
            cursorK++;
            while (cursorK >= count[cursorB]) {
                cursorB++;
                cursorK = 0;
            }
            cursorI++;
        }
        return buckets[cursorB][cursorK * STRIDE + 2];
    }
}
