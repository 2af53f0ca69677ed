// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import org.pagepool.mm.HeapGuard;

/**
 * Room kept aside on the heap for after an {@link OutOfMemoryError}: a
 * command that runs out still holds the model it reports on, so printing the
 * counters and the message (and closing the {@link HeapGuard}) needs heap
 * that only {@link #release()} gives back. Without it that printing runs out
 * too, and the user gets a stack trace instead of what to change.
 */
final class HeapReserve {
    private static final long MIN_BYTES = 2L << 20;
    private static final long MAX_BYTES = 16L << 20;

    private byte[] room;

    private HeapReserve(int bytes) {
        room = new byte[bytes];
    }

    /** A thirty-second of the heap, between 2 and 16 MB. */
    static HeapReserve take() {
        long bytes = Math.max(MIN_BYTES, Math.min(MAX_BYTES, HeapGuard.maxHeapBytes() / 32));
        return new HeapReserve((int) bytes);
    }

    /** Gives the room back; the first thing to do once the heap ran out. */
    void release() {
        room = null;
    }
}
