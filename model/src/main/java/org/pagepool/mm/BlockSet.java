// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A set of block indexes with a fast "lowest member" query: a bitmap with two
 * summary levels (a bit per non-empty word below it). For 2^24 blocks that is
 * 2 MiB + 32 KiB + 512 bytes, and the lowest member is found by scanning at
 * most 64 top-level words. The arrays are allocated on the first insertion, so
 * the orders a node never uses cost nothing.
 */
final class BlockSet {
    private final int capacity;
    private long[] words;
    private long[] mid;
    private long[] top;

    BlockSet(int capacity) {
        this.capacity = capacity;
    }

    private BlockSet(BlockSet other) {
        this.capacity = other.capacity;
        if (other.words != null) {
            this.words = other.words.clone();
            this.mid = other.mid.clone();
            this.top = other.top.clone();
        }
    }

    BlockSet copy() {
        return new BlockSet(this);
    }

    /** Bytes the arrays take (0 until the first insertion). */
    long bytes() {
        return words == null ? 0 : 8L * (words.length + mid.length + top.length);
    }

    boolean contains(int index) {
        return words != null && index < capacity && (words[index >>> 6] & (1L << index)) != 0;
    }

    void add(int index) {
        if (words == null) {
            words = new long[wordsFor(capacity)];
            mid = new long[wordsFor(words.length)];
            top = new long[wordsFor(mid.length)];
        }
        int w = index >>> 6;
        words[w] |= 1L << index;
        mid[w >>> 6] |= 1L << w;
        top[w >>> 12] |= 1L << (w >>> 6);
    }

    void remove(int index) {
        int w = index >>> 6;
        long word = words[w] & ~(1L << index);
        words[w] = word;
        if (word == 0) {
            int m = w >>> 6;
            long midWord = mid[m] & ~(1L << w);
            mid[m] = midWord;
            if (midWord == 0) {
                top[m >>> 6] &= ~(1L << m);
            }
        }
    }

    /** The lowest member, or -1 when the set is empty. */
    int lowest() {
        if (top == null) {
            return -1;
        }
        for (int t = 0; t < top.length; t++) {
            long topWord = top[t];
            if (topWord != 0) {
                int m = (t << 6) + Long.numberOfTrailingZeros(topWord);
                int w = (m << 6) + Long.numberOfTrailingZeros(mid[m]);
                return (w << 6) + Long.numberOfTrailingZeros(words[w]);
            }
        }
        return -1;
    }

    /** Calls {@code action} with every member in ascending order. */
    void forEach(IntConsumer action) {
        if (words == null) {
            return;
        }
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                action.accept((w << 6) + Long.numberOfTrailingZeros(word));
                word &= word - 1;
            }
        }
    }

    void clear() {
        if (words != null) {
            Arrays.fill(words, 0);
            Arrays.fill(mid, 0);
            Arrays.fill(top, 0);
        }
    }

    private static int wordsFor(int bits) {
        return Math.max(1, (bits + 63) >>> 6);
    }
}
