// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pack;

import java.util.Arrays;

/**
 * Longs as zigzag varints in a byte array, seven bits a byte: a difference
 * under 64 in either direction takes one byte, under 8,192 two. What the
 * copies a run keeps to go back to are written in
 * ({@code Simulation.copyToKeep}): the skbs, the rings' pages, the places.
 */
public final class VarLongs {
    private byte[] bytes;
    private int length;
    private int at;

    /** An empty array to write to. */
    public VarLongs() {
        bytes = new byte[256];
    }

    /** The longs written into {@code bytes}, to read from the first. */
    public VarLongs(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
    }

    public void put(long v) {
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

    public long next() {
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
    public byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Ints as their count, then each as its difference from the one before:
     * page references taken in bulk differ by little.
     */
    public static byte[] packInts(int[] values) {
        VarLongs out = new VarLongs();
        out.put(values.length);
        long before = 0;
        for (int v : values) {
            out.put(v - before);
            before = v;
        }
        return out.toArray();
    }

    /** The ints {@link #packInts} packed. */
    public static int[] unpackInts(byte[] packed) {
        VarLongs in = new VarLongs(packed);
        int length = (int) in.next();
        int[] values = new int[length];
        long v = 0;
        for (int i = 0; i < length; i++) {
            v += in.next();
            values[i] = (int) v;
        }
        return values;
    }

    /**
     * Bytes as their count, then runs of one value (the value, then how
     * many): places, where a ring's pages lie side by side.
     */
    public static byte[] packRuns(byte[] values) {
        VarLongs out = new VarLongs();
        out.put(values.length);
        for (int i = 0; i < values.length; ) {
            int start = i;
            byte v = values[i];
            while (i < values.length && values[i] == v) {
                i++;
            }
            out.put(v);
            out.put(i - start);
        }
        return out.toArray();
    }

    /** The bytes {@link #packRuns} packed. */
    public static byte[] unpackRuns(byte[] packed) {
        VarLongs in = new VarLongs(packed);
        int length = (int) in.next();
        byte[] values = new byte[length];
        for (int i = 0; i < length; ) {
            byte v = (byte) in.next();
            int run = (int) in.next();
            Arrays.fill(values, i, i + run, v);
            i += run;
        }
        return values;
    }
}
