// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;

/**
 * Longs as zigzag varints in a byte array, seven bits a byte: a difference
 * under 64 in either direction takes one byte, under 8,192 two. What a kept
 * copy of the skbs is written in (see {@link SkbHeap}).
 */
final class VarLongs {
    private byte[] bytes;
    private int length;
    private int at;

    /** An empty array to write to. */
    VarLongs() {
        bytes = new byte[256];
    }

    /** The longs written into {@code bytes}, to read from the first. */
    VarLongs(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
    }

    void put(long v) {
        if (length + 10 > bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * bytes.length + 10);
        }
        long z = v << 1 ^ v >> 63;
        while ((z & ~0x7FL) != 0) {
            bytes[length++] = (byte) (z | 0x80);
            z >>>= 7;
        }
        bytes[length++] = (byte) z;
    }

    long next() {
        long z = 0;
        int shift = 0;
        byte b;
        do {
            b = bytes[at++];
            z |= (b & 0x7FL) << shift;
            shift += 7;
        } while (b < 0);
        return z >>> 1 ^ -(z & 1);
    }

    /** What was written, in an array of its length. */
    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }
}
