// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.time;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code jiffies} (64-bit, HZ 1000: one jiffy is a millisecond) and the
 * delayed work queue. Time only moves when {@link #advanceTo} is called;
 * works run in due order (ties in scheduling order), each with
 * {@code jiffies} equal to its due time. Single-threaded.
 */
public final class Jiffies {
    public static final int HZ = 1000;

    private long now;
    private long sequence;
    private final PriorityQueue<DelayedWork> queue = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));

    /** A copy with the same time and sequence, but no pending work: owners re-arm theirs ({@link #rearm}). */
    public Jiffies copyWithoutWork() {
        Jiffies c = new Jiffies();
        c.now = now;
        c.sequence = sequence;
        return c;
    }

    /** Re-arms {@code copy} in this (copied) clock exactly as {@code original} was pending in its own. */
    public void rearm(DelayedWork copy, DelayedWork original) {
        if (original.pending) {
            copy.due = original.due;
            copy.sequence = original.sequence;
            copy.pending = true;
            queue.add(copy);
        }
    }

    /** How many works are pending. */
    public int pendingCount() {
        return queue.size();
    }

    /** The current value of {@code jiffies}. */
    public long now() {
        return now;
    }

    /** {@code msecs_to_jiffies()} with HZ 1000. */
    public static long msecsToJiffies(long ms) {
        return ms * HZ / 1000;
    }

    /**
     * {@code schedule_delayed_work(dw, delay)}: runs {@code work} once
     * {@code delay} jiffies have passed. Returns false (and changes nothing)
     * when it is already pending, as the kernel does.
     */
    public boolean scheduleDelayedWork(DelayedWork work, long delay) {
        if (work.pending) {
            return false;
        }
        work.due = now + delay;
        work.sequence = sequence++;
        work.pending = true;
        queue.add(work);
        return true;
    }

    /** {@code cancel_delayed_work()}: true when it was pending. */
    public boolean cancelDelayedWork(DelayedWork work) {
        if (!work.pending) {
            return false;
        }
        queue.remove(work);
        work.pending = false;
        return true;
    }

    /** Advances the clock by {@code delta} jiffies, running what comes due on the way. */
    public void advance(long delta) {
        advanceTo(now + delta);
    }

    /** Advances the clock to {@code target} (not backwards), running every work due by then. */
    public void advanceTo(long target) {
        if (target < now) {
            throw new IllegalArgumentException("jiffies cannot go back from " + now + " to " + target);
        }
        DelayedWork next;
        while ((next = queue.peek()) != null && next.due <= target) {
            queue.poll();
            next.pending = false;
            now = Math.max(now, next.due);
            next.run();
        }
        now = target;
    }

    /** The due time of the earliest pending work, or {@link Long#MAX_VALUE}. */
    public long nextDue() {
        DelayedWork next = queue.peek();
        return next == null ? Long.MAX_VALUE : next.due;
    }

    /** The pending works in due order (for display and snapshots). */
    public List<DelayedWork> pending() {
        List<DelayedWork> all = new ArrayList<>(queue);
        all.sort(queue.comparator());
        return all;
    }

    /** {@code time_after_eq(a, b)}: a is at or after b, wrap-safe. */
    public static boolean timeAfterEq(long a, long b) {
        return a - b >= 0;
    }
}
