// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import org.pagepool.nic.Driver;
import org.pagepool.nic.Wire;

/**
 * The receive side of a NIC with several RX queues, and when each queue's
 * driver acts next. One sender (the {@link Traffic}) feeds the NIC; RSS
 * ({@link RssSpreader}) sends every packet to a queue, and the NIC places it
 * at once in that queue's RX ring (or misses it) and raises the queue's
 * interrupt if it was waiting. Arrivals are counted whenever a driver asks
 * for packets, and at every arrival while some queue waits for an
 * interrupt, so no queue learns of a packet late.
 *
 * <p>The link comes up when every queue has filled its RX ring once (the
 * device opens all its queues before the carrier goes on). Single-threaded.
 */
final class RxQueues {
    private static final long NEVER = Long.MAX_VALUE;

    private final Traffic traffic;
    private final Rng rng;
    private final RssSpreader spreader;
    private final Driver[] drivers;
    private final QueueClock clock;
    /** Queues a delivery or a change may have moved in time, to look at again. */
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;
    private final boolean[] waiting;
    private int waitingCount;
    private final long[] arrived;
    private final int[] arrivedQueues;
    private int queuesUp;
    private boolean linkUp;
    /** Packets each queue received from the sender (placed or missed): what RSS gave it. */
    private final long[] spread;

    RxQueues(Traffic traffic, Rng rng, RssSpreader spreader) {
        int n = spreader.queues();
        this.traffic = traffic;
        this.rng = rng;
        this.spreader = spreader;
        this.drivers = new Driver[n];
        this.clock = new QueueClock(n);
        this.touched = new int[n];
        this.isTouched = new boolean[n];
        this.waiting = new boolean[n];
        this.arrived = new long[n];
        this.arrivedQueues = new int[n];
        this.spread = new long[n];
    }

    private RxQueues(RxQueues o, Traffic traffic) {
        int n = o.drivers.length;
        this.traffic = traffic;
        this.rng = o.rng.copy();
        this.spreader = o.spreader;
        this.drivers = new Driver[n];
        this.clock = o.clock.copy();
        this.touched = o.touched.clone();
        this.isTouched = o.isTouched.clone();
        this.touchedCount = o.touchedCount;
        this.waiting = o.waiting.clone();
        this.waitingCount = o.waitingCount;
        this.arrived = new long[n];
        this.arrivedQueues = new int[n];
        this.queuesUp = o.queuesUp;
        this.linkUp = o.linkUp;
        this.spread = o.spread.clone();
    }

    /** A copy reading the copied traffic, with its own copy of the RSS generator; its drivers come by {@link #attach}. */
    RxQueues copy(Traffic copiedTraffic) {
        return new RxQueues(this, copiedTraffic);
    }

    int size() {
        return drivers.length;
    }

    /** The wire queue {@code q}'s driver reads: arrivals come to it through the NIC. */
    Wire wire(int q) {
        return new QueueWire();
    }

    /** Queue {@code q}'s driver, once it exists. */
    void attach(int q, Driver driver) {
        drivers[q] = driver;
        refresh(q);
    }

    Driver driver(int q) {
        return drivers[q];
    }

    double share(int q) {
        return spreader.share(q);
    }

    /** Packets RSS has sent to queue {@code q} since the link came up. */
    long spread(int q) {
        return spread[q];
    }

    // ---- arrivals ---------------------------------------------------------------------------------------------

    /** The sender's packets up to {@code time}, each to its queue's RX ring. */
    void countUntil(long time) {
        if (!linkUp) {
            return;
        }
        long n = traffic.arrivalsUntil(time);
        if (n == 1) {
            deliver(spreader.next(rng), 1, time); // the common case at an arrival
            return;
        }
        int queues = 0;
        for (long i = 0; i < n; i++) {
            int q = spreader.next(rng);
            if (arrived[q]++ == 0) {
                arrivedQueues[queues++] = q;
            }
        }
        // deliveries in queue order, whatever order the packets came in
        java.util.Arrays.sort(arrivedQueues, 0, queues);
        for (int i = 0; i < queues; i++) {
            int q = arrivedQueues[i];
            deliver(q, arrived[q], time);
            arrived[q] = 0;
        }
    }

    private void deliver(int q, long packets, long time) {
        spread[q] += packets;
        drivers[q].deliver(packets, time);
        touch(q);
    }

    /** When the NIC must count next: at the next arrival while some queue waits for an interrupt. */
    long wakeTime() {
        return waitingCount > 0 && linkUp ? traffic.nextArrival() : NEVER;
    }

    private void queueUp(long time) {
        if (++queuesUp == drivers.length) {
            linkUp = true;
            traffic.linkUp(time);
        }
    }

    // ---- when the queues act ----------------------------------------------------------------------------------

    /** The queue whose driver acts first. */
    int first() {
        return clock.first();
    }

    /** When queue {@code q}'s driver acts next ({@link Driver#nextEvent}). */
    long time(int q) {
        return clock.time(q);
    }

    /** Looks at queue {@code q} again after its driver ran or changed. */
    void refresh(int q) {
        Driver d = drivers[q];
        clock.set(q, d.nextEvent());
        boolean w = d.awaitsPacket();
        if (w != waiting[q]) {
            waiting[q] = w;
            waitingCount += w ? 1 : -1;
        }
    }

    /** Looks again at every queue a delivery touched. */
    void refreshTouched() {
        for (int i = 0; i < touchedCount; i++) {
            int q = touched[i];
            isTouched[q] = false;
            refresh(q);
        }
        touchedCount = 0;
    }

    void refreshAll() {
        for (int q = 0; q < drivers.length; q++) {
            refresh(q);
        }
    }

    private void touch(int q) {
        if (!isTouched[q]) {
            isTouched[q] = true;
            touched[touchedCount++] = q;
        }
    }

    /** A queue's view of the wire: the NIC delivers its packets, so a driver asking only makes the NIC count. */
    private final class QueueWire implements Wire {
        @Override
        public long arrivalsUntil(long time) {
            countUntil(time);
            return 0; // delivered through Driver.deliver
        }

        @Override
        public long nextArrival() {
            return NEVER; // the NIC raises the interrupt when a packet lands
        }

        @Override
        public void linkUp(long time) {
            queueUp(time);
        }
    }
}
