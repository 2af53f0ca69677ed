// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import java.util.function.IntConsumer;
import org.pagepool.pack.VarLongs;

/**
 * {@code struct ptr_ring} (include/linux/ptr_ring.h, v5.14) with its real
 * semantics: a slot is free when it holds NULL, so the ring holds up to
 * {@code size} entries; the consumer clears the slots it has read in
 * batches (in reverse order), and slots read but not yet cleared ("stale")
 * keep the producer out. The locks are no-ops: the model is single-threaded.
 *
 * <p>The slots hold pointers as ints, 0 being NULL: in a page pool, page
 * references ({@code org.pagepool.mm.PageRef}).
 */
public final class PtrRing {
    /** {@code NULL}: an empty slot. */
    public static final int NULL = 0;
    /** {@code 2 * SMP_CACHE_BYTES / sizeof(void *)} with 64-byte lines and 8-byte pointers. */
    public static final int DEFAULT_BATCH = 2 * 64 / 8;

    private int[] queue;
    /** A kept copy's slots, packed ({@link #keep}); {@link #queue} is then null. */
    private byte[] packed;
    private final int size;
    private final int batch;
    private int producer;
    private int consumerHead;
    private int consumerTail;

    /** {@code ptr_ring_init()}: {@code size} slots, batch 16, or 1 when 16 is more than size/2. */
    public PtrRing(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("ptr_ring size must be positive: " + size);
        }
        this.queue = new int[size];
        this.size = size;
        int b = DEFAULT_BATCH;
        if (b > size / 2 || b == 0) {
            b = 1;
        }
        this.batch = b;
    }

    private PtrRing(PtrRing other) {
        this.size = other.size;
        this.batch = other.batch;
        this.producer = other.producer;
        this.consumerHead = other.consumerHead;
        this.consumerTail = other.consumerTail;
        this.queue = other.queue != null ? other.queue.clone() : VarLongs.unpackInts(other.packed);
    }

    /** A copy (for model snapshots). */
    public PtrRing copy() {
        return new PtrRing(this);
    }

    /**
     * Packs the slots, live, stale and NULL alike: a copy that is kept, not
     * used, until it is copied again.
     */
    public void keep() {
        if (queue != null) {
            packed = VarLongs.packInts(queue);
            queue = null;
        }
    }

    /** The bytes the ring's slots take. */
    public long bytes() {
        return 16 + (queue != null ? 4L * size : packed.length);
    }

    /** {@code __ptr_ring_produce()}: false is -ENOSPC (the producer's slot is not NULL). */
    public boolean produce(int ptr) {
        if (queue[producer] != NULL) {
            return false;
        }
        queue[producer++] = ptr;
        if (producer >= size) {
            producer = 0;
        }
        return true;
    }

    /** {@code __ptr_ring_empty()}. */
    public boolean isEmpty() {
        return queue[consumerHead] == NULL;
    }

    /** {@code __ptr_ring_peek()}. */
    public int peek() {
        return queue[consumerHead];
    }

    /** {@code __ptr_ring_consume()}: the oldest entry, or NULL when empty. */
    public int consume() {
        int ptr = peek();
        if (ptr != NULL) {
            discardOne();
        }
        return ptr;
    }

    /** {@code __ptr_ring_discard_one()}: advance the head; clear a batch of read slots, last first. */
    private void discardOne() {
        int head = consumerHead;
        int next = head + 1;
        if (next - consumerTail >= batch || next >= size) {
            while (head >= consumerTail) {
                queue[head--] = NULL;
            }
            consumerTail = next;
        }
        if (next >= size) {
            next = 0;
            consumerTail = 0;
        }
        consumerHead = next;
    }

    public int size() {
        return size;
    }

    public int batch() {
        return batch;
    }

    public int producer() {
        return producer;
    }

    public int consumerHead() {
        return consumerHead;
    }

    public int consumerTail() {
        return consumerTail;
    }

    /**
     * Entries produced and not yet consumed, derived as the kernel could:
     * they run from the consumer head up to the producer, and the producer
     * only fills NULL slots, so when both are at the same slot and it holds
     * an entry the ring is full.
     */
    public int count() {
        if (isEmpty()) {
            return 0;
        }
        int n = producer - consumerHead;
        return n > 0 ? n : n + size;
    }

    /** Slots consumed but not yet cleared: {@code consumer_head - consumer_tail}. */
    public int stale() {
        return consumerHead - consumerTail;
    }

    /** What slot {@code index} holds (live, stale or NULL). */
    public int slot(int index) {
        return queue[index];
    }

    /** Copies slots {@code [0, size)} into {@code dest} (a view's copy of the whole ring). */
    public void copySlots(int[] dest) {
        System.arraycopy(queue, 0, dest, 0, size);
    }

    /** True when slot {@code index} was consumed but not yet cleared. */
    public boolean isStale(int index) {
        return index >= consumerTail && index < consumerHead;
    }

    /** Calls {@code action} with every live entry, oldest first. */
    public void forEachLive(IntConsumer action) {
        for (int i = 0, live = count(), slot = consumerHead; i < live; i++) {
            action.accept(slot(slot));
            if (++slot == size) {
                slot = 0;
            }
        }
    }
}
