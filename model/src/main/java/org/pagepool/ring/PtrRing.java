// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import java.util.function.Consumer;

/**
 * {@code struct ptr_ring} (include/linux/ptr_ring.h, v5.14) with its real
 * semantics: a slot is free when it holds NULL, so the ring holds up to
 * {@code size} entries; the consumer clears the slots it has read in
 * batches (in reverse order), and slots read but not yet cleared ("stale")
 * keep the producer out. The locks are no-ops: the model is single-threaded.
 *
 * @param <T> what the slots hold (pages in a page pool)
 */
public final class PtrRing<T> {
    /** {@code 2 * SMP_CACHE_BYTES / sizeof(void *)} with 64-byte lines and 8-byte pointers. */
    public static final int DEFAULT_BATCH = 2 * 64 / 8;

    private final Object[] queue;
    private final int size;
    private final int batch;
    private int producer;
    private int consumerHead;
    private int consumerTail;
    /** Entries produced and not consumed: the kernel derives nothing like it, the model keeps it for display. */
    private int live;

    /** {@code ptr_ring_init()}: {@code size} slots, batch 16, or 1 when 16 is more than size/2. */
    public PtrRing(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("ptr_ring size must be positive: " + size);
        }
        this.queue = new Object[size];
        this.size = size;
        int b = DEFAULT_BATCH;
        if (b > size / 2 || b == 0) {
            b = 1;
        }
        this.batch = b;
    }

    private PtrRing(PtrRing<T> other, java.util.function.UnaryOperator<T> remap) {
        this.size = other.size;
        this.batch = other.batch;
        this.producer = other.producer;
        this.consumerHead = other.consumerHead;
        this.consumerTail = other.consumerTail;
        this.live = other.live;
        this.queue = new Object[size];
        for (int i = 0; i < size; i++) {
            @SuppressWarnings("unchecked")
            T entry = (T) other.queue[i];
            queue[i] = entry == null ? null : remap.apply(entry);
        }
    }

    /** A copy whose entries are mapped through {@code remap} (for model snapshots). */
    public PtrRing<T> copy(java.util.function.UnaryOperator<T> remap) {
        return new PtrRing<>(this, remap);
    }

    /** {@code __ptr_ring_produce()}: false is -ENOSPC (the producer's slot is not NULL). */
    public boolean produce(T ptr) {
        if (queue[producer] != null) {
            return false;
        }
        queue[producer++] = ptr;
        if (producer >= size) {
            producer = 0;
        }
        live++;
        return true;
    }

    /** {@code __ptr_ring_empty()}. */
    public boolean isEmpty() {
        return queue[consumerHead] == null;
    }

    /** {@code __ptr_ring_peek()}. */
    @SuppressWarnings("unchecked")
    public T peek() {
        return (T) queue[consumerHead];
    }

    /** {@code __ptr_ring_consume()}: the oldest entry, or null when empty. */
    public T consume() {
        T ptr = peek();
        if (ptr != null) {
            discardOne();
            live--;
        }
        return ptr;
    }

    /** {@code __ptr_ring_discard_one()}: advance the head; clear a batch of read slots, last first. */
    private void discardOne() {
        int head = consumerHead;
        int next = head + 1;
        if (next - consumerTail >= batch || next >= size) {
            while (head >= consumerTail) {
                queue[head--] = null;
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

    /** Entries produced and not yet consumed. */
    public int count() {
        return live;
    }

    /** Slots consumed but not yet cleared: {@code consumer_head - consumer_tail}. */
    public int stale() {
        return consumerHead - consumerTail;
    }

    /** What slot {@code index} holds (live, stale or null). */
    @SuppressWarnings("unchecked")
    public T slot(int index) {
        return (T) queue[index];
    }

    /** True when slot {@code index} was consumed but not yet cleared. */
    public boolean isStale(int index) {
        return index >= consumerTail && index < consumerHead;
    }

    /** Calls {@code action} with every live entry, oldest first. */
    public void forEachLive(Consumer<? super T> action) {
        for (int i = 0, slot = consumerHead; i < live; i++) {
            action.accept(slot(slot));
            if (++slot == size) {
                slot = 0;
            }
        }
    }
}
