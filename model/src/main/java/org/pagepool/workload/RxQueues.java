// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import org.pagepool.nic.Driver;
import org.pagepool.nic.Wire;

/**
 * The receive side of a NIC with several RX queues, and when each queue's
 * driver acts next. One sender (the {@link Traffic}) feeds the NIC; RSS
 * ({@link RssSpreader}) sends every packet to a queue, and the NIC places it
 * in that queue's RX ring (or misses it) and raises the queue's interrupt if
 * it was waiting. As with one queue, arrivals are counted when a driver asks
 * for packets (all queues' at once); besides, the NIC draws the queues of
 * the coming packets ahead (in packet order, so the draws are the same
 * whenever they happen) and counts at the arrival of the first one bound
 * for a queue that waits for an interrupt, so no waiting queue learns of a
 * packet late and no count happens for packets nobody waits for.
 *
 * <p>The link comes up when every queue has filled its RX ring once (the
 * device opens all its queues before the carrier goes on). Single-threaded.
 */
final class RxQueues {
    private static final long NEVER = Long.MAX_VALUE;
    /** How far ahead the NIC looks for a packet bound for a waiting queue before it counts anyway. */
    private static final int LOOKAHEAD = 64;
    private static final long UNKNOWN = Long.MIN_VALUE;

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
    /** The queues of the next packets to be counted, drawn ahead, in packet order: a ring of {@link #LOOKAHEAD}. */
    private final int[] ahead;
    private int aheadHead;
    private int aheadSize;
    /** Packets counted since the link came up: the number of the next packet to count. */
    private long counted;
    /** The number of the first coming packet bound for a waiting queue (or the last looked at), -1 for unknown. */
    private long wakePacket = -1;
    /** When packet {@link #wakePacket} arrives, {@link #UNKNOWN} when it must be worked out again. */
    private long wake = UNKNOWN;
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
        this.ahead = new int[LOOKAHEAD];
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
        this.ahead = o.ahead.clone();
        this.aheadHead = o.aheadHead;
        this.aheadSize = o.aheadSize;
        this.wake = o.wake;
        this.counted = o.counted;
        this.wakePacket = o.wakePacket;
        this.queuesUp = o.queuesUp;
        this.linkUp = o.linkUp;
        this.spread = o.spread.clone();
    }

    /**
     * A copy reading the copied traffic, with its own copy of the RSS generator; its drivers come by
     * {@link #attach}.
     */
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
        wake = UNKNOWN; // the arrival times count from here now (also when a wake-up came early and found none)
        if (n == 0) {
            return;
        }
        counted += n;
        if (counted > wakePacket) {
            wakePacket = -1; // the packet the NIC waited for is counted: look again
        }
        if (n == 1) {
            deliver(nextQueue(), 1, time); // the common case at an arrival
            return;
        }
        int queues = 0;
        for (long i = 0; i < n; i++) {
            int q = nextQueue();
            if (arrived[q]++ == 0) {
                arrivedQueues[queues++] = q;
            }
        }
        // the queues' deliveries are independent of each other: their order does not matter
        for (int i = 0; i < queues; i++) {
            int q = arrivedQueues[i];
            deliver(q, arrived[q], time);
            arrived[q] = 0;
        }
    }

    /** The queue of the next packet counted: drawn ahead already, or now. */
    private int nextQueue() {
        if (aheadSize == 0) {
            return spreader.next(rng);
        }
        int q = ahead[aheadHead];
        aheadHead = (aheadHead + 1) & (LOOKAHEAD - 1);
        aheadSize--;
        return q;
    }

    /** The queue of the {@code i}-th packet not yet counted (0 the next), drawing ahead as far as needed. */
    private int queueAhead(int i) {
        while (aheadSize <= i) {
            ahead[(aheadHead + aheadSize) & (LOOKAHEAD - 1)] = spreader.next(rng);
            aheadSize++;
        }
        return ahead[(aheadHead + i) & (LOOKAHEAD - 1)];
    }

    private void deliver(int q, long packets, long time) {
        spread[q] += packets;
        if (drivers[q].deliver(packets, time)) {
            touch(q); // only a raised interrupt moves a queue in time or ends its wait
        }
    }

    /**
     * When the NIC must count next: at the arrival of the first packet bound
     * for a queue that waits for an interrupt (or, when none is among the
     * next {@value #LOOKAHEAD}, at the last of them, to look further).
     */
    long wakeTime() {
        if (wake == UNKNOWN) {
            if (waitingCount == 0 || !linkUp) {
                wake = NEVER;
            } else {
                if (wakePacket < 0) {
                    wakePacket = counted + firstForWaiting();
                }
                wake = traffic.arrivalTime(wakePacket - counted + 1);
            }
        }
        return wake;
    }

    /** The index among the coming packets of the first one bound for a waiting queue, or the last looked at. */
    private int firstForWaiting() {
        for (int i = 0; i < LOOKAHEAD - 1; i++) {
            if (waiting[queueAhead(i)]) {
                return i;
            }
        }
        return LOOKAHEAD - 1;
    }

    /** Queue {@code q} now waits for an interrupt: its first coming packet may come before the one awaited. */
    private void startsWaiting(int q) {
        if (wakePacket >= 0) {
            int until = (int) (wakePacket - counted);
            for (int i = 0; i < until; i++) {
                if (queueAhead(i) == q) {
                    wakePacket = counted + i;
                    break;
                }
            }
        }
        wake = UNKNOWN;
    }

    /** Queue {@code q} no longer waits: if the NIC waited for its packet, it looks again. */
    private void stopsWaiting(int q) {
        if (wakePacket >= 0 && wakePacket - counted < aheadSize && queueAhead((int) (wakePacket - counted)) == q) {
            wakePacket = -1;
        }
        wake = UNKNOWN;
    }

    /** The sender's rate or bursts changed: arrivals come at other times. */
    void trafficChanged() {
        wake = UNKNOWN;
    }

    private void queueUp(long time) {
        if (++queuesUp == drivers.length) {
            linkUp = true;
            traffic.linkUp(time);
            wake = UNKNOWN;
            wakePacket = -1;
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

    /** When the first queue other than {@code q} acts ({@link QueueClock#firstExcept}). */
    long firstExcept(int q) {
        return clock.firstExcept(q);
    }

    /**
     * True when queue {@code q}'s last step may have moved another queue or
     * the NIC's wake-up: it delivered packets that raised an interrupt, or it
     * starts or stops waiting for one. Otherwise only its own time moved (a
     * delivery to a queue whose interrupt is off moves neither its time nor
     * its wait; the NIC's wake-up is asked again before every step).
     */
    boolean changedBy(int q) {
        return touchedCount > 0 || drivers[q].awaitsPacket() != waiting[q];
    }

    /** Looks at queue {@code q} again after its driver ran or changed. */
    void refresh(int q) {
        Driver d = drivers[q];
        clock.set(q, d.nextEvent());
        boolean w = d.awaitsPacket();
        if (w != waiting[q]) {
            waiting[q] = w;
            waitingCount += w ? 1 : -1;
            if (w) {
                startsWaiting(q);
            } else {
                stopsWaiting(q);
            }
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
