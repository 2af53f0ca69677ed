// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Arrays;

/**
 * A hash map from long to long in two primitive arrays (open addressing,
 * linear probing, deletion by shifting back): a pfn costs 16 bytes at most
 * twice over, and nothing per entry on the heap. {@link Long#MIN_VALUE} marks a
 * free slot, so that key (a pointer 0x8000000000000000 in a damaged trace)
 * lives in a field of its own. Not thread-safe.
 */
final class LongLongMap {
    static final long FREE = Long.MIN_VALUE;
    private long[] keys;
    private long[] values;
    private int size;
    private int mask;
    private boolean hasFreeKey;
    private long freeKeyValue;

    LongLongMap() {
        this(16);
    }

    LongLongMap(int capacity) {
        int n = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1);
        keys = new long[n];
        values = new long[n];
        Arrays.fill(keys, FREE);
        mask = n - 1;
    }

    int size() {
        return size;
    }

    /** Bytes held by the tables (for the bounded-memory check). */
    long footprintBytes() {
        return 16L * keys.length;
    }

    boolean containsKey(long key) {
        return key == FREE ? hasFreeKey : keys[find(key)] != FREE;
    }

    /** The value of {@code key}, or {@code missing}. */
    long get(long key, long missing) {
        if (key == FREE) {
            return hasFreeKey ? freeKeyValue : missing;
        }
        int slot = find(key);
        return keys[slot] == FREE ? missing : values[slot];
    }

    /** Sets {@code key} to {@code value}; returns the old value, or {@code FREE} if the key was new. */
    long put(long key, long value) {
        if (key == FREE) {
            long old = hasFreeKey ? freeKeyValue : FREE;
            size += hasFreeKey ? 0 : 1;
            hasFreeKey = true;
            freeKeyValue = value;
            return old;
        }
        int slot = find(key);
        if (keys[slot] != FREE) {
            long old = values[slot];
            values[slot] = value;
            return old;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        return FREE;
    }

    /** Removes {@code key}; returns its value, or {@code FREE} if it was not there. */
    long remove(long key) {
        if (key == FREE) {
            if (!hasFreeKey) {
                return FREE;
            }
            hasFreeKey = false;
            size--;
            return freeKeyValue;
        }
        int slot = find(key);
        if (keys[slot] == FREE) {
            return FREE;
        }
        long old = values[slot];
        size--;
        // shift later entries of the probe run back so that every key stays reachable
        int hole = slot;
        int i = slot;
        while (true) {
            i = (i + 1) & mask;
            if (keys[i] == FREE) {
                break;
            }
            int home = hash(keys[i]) & mask;
            boolean movable = hole <= i ? home <= hole || home > i : home <= hole && home > i;
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = FREE;
        return old;
    }

    /** Calls {@code visitor} for every entry, in no particular order. */
    void forEach(Visitor visitor) {
        if (hasFreeKey) {
            visitor.visit(FREE, freeKeyValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    /** Receives one entry. */
    interface Visitor {
        void visit(long key, long value);
    }

    private int find(long key) {
        int i = hash(key) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
