// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;
import org.pagepool.nic.Driver;
import org.pagepool.nic.Wire;

/**
 * The receive side of a NIC with several RX queues, and when each queue's
 * driver acts next. One sender ({@link Arrivals}) feeds the NIC, and RSS
 * ({@link RssSpreader}) sends every packet to a queue. Each queue then sees
 * its own packets as a one-queue driver sees the wire: it counts them when
 * it asks (they land in its posted buffers, or are missed), and a queue that
 * waits for an interrupt is woken at the arrival of its next one. The
 * packets' times and queues form one sequence drawn in packet order from
 * generators of their own, so what a queue counts never depends on when
 * the others count theirs: the queues are independent until they meet in
 * something shared (the page allocator, a ptr_ring, the stack, the clock).
 *
 * <p>The link comes up when every queue has filled its RX ring once (the
 * device opens all its queues before the carrier goes on). Single-threaded,
 * but while the queues run ahead together ({@link #beginTogether} to {@link
 * #endTogether}): each queue's thread then reads what they share and writes
 * only that queue's entries (those written often in cache lines of their own).
 */
final class RxQueues {
    private static final long NEVER = Long.MAX_VALUE;
    /** Packets looked through ahead for a waiting queue's next one before the NIC looks again later. */
    private static final int MAX_LOOK = 4096;
    /** Packets drawn ahead beyond which a waiting queue's next one is found without keeping them ({@link #scan}). */
    private static final int AHEAD_CAP = 1 << 20;
    /** Packets the sender sends in the time a queue may run ahead at most ({@link #aheadHorizon}). */
    private static final long AHEAD_PACKETS = 1 << 20;
    /** Packets drawn on per call of {@link #scan}, for a queue whose next one is beyond {@link #AHEAD_CAP}. */
    private static final int SCAN_STEP = 1 << 20;

    /** Per-queue entries of the arrays queues write while they run together, 2^PAD apart: 128 bytes of ints. */
    private static final int PAD = 5;
    /** About the most packets sent early ({@link #sendEarly}) that no queue asked for yet: 1 MB listed. */
    private static final int EARLY_CAP = 1 << 17;

    private Arrivals sender;
    /** RSS's generator: one draw per packet, in packet order. */
    private final Rng rng;
    private final RssSpreader spreader;
    private final Driver[] drivers;
    private final QueueClock clock;
    /** Per queue, the arrival times of the packets sent to it that it has not counted yet: a ring each. */
    private final long[][] pending;
    /** Each list's head and size, at {@link #slot}: queues running together write their own cache lines only. */
    private final int[] pendingHead;
    private final int[] pendingSize;
    /** Per queue, packets sent to it while it was down, counted without their times ({@link Driver#stopped}). */
    private final long[] whileDown;
    /** Per queue, packets off the head of its list that its next ask takes whatever its time ({@link #countAhead}). */
    private final long[] countedAhead;
    /** Per queue, the time of the first of {@link #countedAhead}: its next packet's. */
    private final long[] countedAheadFirst;
    /** Scratch for the times of the packets {@link #sendUntil} takes in one go. */
    private final long[] run = new long[256];
    /** The simulation's clock ({@link #clockAt}): no queue that is down comes up before it. */
    private long now;
    /** Per queue, a copy of RSS's generator that draws on past those drawn ahead ({@link #scan}), or null. */
    private final Rng[] scanRng;
    /** Per queue, the number of the packet {@link #scanRng} draws next. */
    private final long[] scanAt;
    /** Per queue, the number of its next packet found by {@link #scan}: valid while not below sent + aheadSize. */
    private final long[] found;
    /** The queues of the packets not sent yet, drawn ahead in packet order: a ring that grows. */
    private int[] ahead;
    private int aheadHead;
    private int aheadSize;
    /** Per queue, the numbers of its packets among those drawn ahead, in order: a ring each. */
    private final long[][] upcoming;
    private final int[] upcomingHead;
    private final int[] upcomingSize;
    /** Packets sent since the link came up. */
    private long sent;
    /** Per queue: when its next packet arrives as last looked up, or when to look again; valid for {@link #epoch}. */
    private final long[] nextAt;
    /** Per queue: whether {@link #nextAt} is only when to look again (no packet of its was among those looked at). */
    private final boolean[] looksAgain;
    private final long[] nextEpoch;
    /** Per queue, the number of the packet up to which a waiting queue looks for its next one ({@link #lookAgain}). */
    private final long[] lookLimit;
    /** Per queue, the last time it ran ahead to ({@link #ranAheadTo}). */
    private final long[] notBefore;
    /** Per queue: whether its place in the clock is a time to look again, which another queue may make stale. */
    private final boolean[] placedToLook;
    /** Moves on whenever the sender's times change, so that every looked-up time is looked up again. */
    private long epoch = 1;
    private int queuesUp;
    /** The latest time a queue asked for its packets ({@link #countUntil}). */
    private long askedMax = Long.MIN_VALUE;
    /**
     * The sender as it stood before the first of the packets sent early
     * ({@link #sendEarly}) that no queue asked for yet, null when there are
     * none; with the number of the first of them, their queues in order
     * ({@link #earlyCount} of them), and the time the sender reached: every
     * packet and every end of a period by then was taken.
     */
    private Arrivals earlyFrom;
    private long earlyFirst;
    private byte[] earlyQueues = new byte[0];
    private int earlyCount;
    private long earlyReach;
    /** True while {@link #sendEarly} sends: lists grow rather than count ahead. */
    private boolean sendingEarly;
    /** True while the queues run on threads of their own ({@link #beginTogether}): nothing is sent or drawn. */
    private boolean together;
    /** While {@link #together}: no queue asks for the packets that come after this time. */
    private long togetherHorizon;
    /** Per queue at {@link #slot}, while {@link #together}: the latest time it asked for its packets. */
    private final long[] askedBy;
    private boolean linkUp;
    /** Set when the link came up: every queue's next time moved. */
    private boolean allMoved;

    RxQueues(Arrivals sender, Rng rng, RssSpreader spreader) {
        int n = spreader.queues();
        this.sender = sender;
        this.rng = rng;
        this.spreader = spreader;
        this.drivers = new Driver[n];
        this.clock = new QueueClock(n);
        this.pending = new long[n][8];
        this.pendingHead = new int[n << PAD];
        this.pendingSize = new int[n << PAD];
        this.whileDown = new long[n];
        this.countedAhead = new long[n];
        this.countedAheadFirst = new long[n];
        this.ahead = new int[64];
        this.upcoming = new long[n][4];
        this.upcomingHead = new int[n];
        this.upcomingSize = new int[n];
        this.nextAt = new long[n];
        this.looksAgain = new boolean[n];
        this.nextEpoch = new long[n];
        this.notBefore = new long[n];
        this.placedToLook = new boolean[n];
        this.lookLimit = new long[n];
        this.scanRng = new Rng[n];
        this.scanAt = new long[n];
        this.found = new long[n];
        Arrays.fill(found, -1);
        this.askedBy = new long[n << PAD];
    }

    private RxQueues(RxQueues o) {
        int n = o.drivers.length;
        this.sender = o.sender.copy();
        this.rng = o.rng.copy();
        this.spreader = o.spreader;
        this.drivers = new Driver[n];
        this.clock = o.clock.copy();
        // each list from its head, in the room its entries take (a burst may have grown it to thousands)
        this.pending = new long[n][];
        for (int q = 0; q < n; q++) {
            pending[q] = trimmed(o.pending[q], o.pendingHead[slot(q)], o.pendingSize[slot(q)], 8);
        }
        this.pendingHead = new int[n << PAD];
        this.pendingSize = o.pendingSize.clone();
        this.whileDown = o.whileDown.clone();
        this.countedAhead = o.countedAhead.clone();
        this.countedAheadFirst = o.countedAheadFirst.clone();
        this.now = o.now;
        this.scanRng = new Rng[n];
        for (int q = 0; q < n; q++) {
            scanRng[q] = o.scanRng[q] == null ? null : o.scanRng[q].copy();
        }
        this.scanAt = o.scanAt.clone();
        this.found = o.found.clone();
        this.ahead = o.ahead.clone();
        this.upcoming = new long[n][];
        for (int q = 0; q < n; q++) {
            upcoming[q] = trimmed(o.upcoming[q], o.upcomingHead[q], o.upcomingSize[q], 4);
        }
        this.upcomingHead = new int[n];
        this.upcomingSize = o.upcomingSize.clone();
        this.aheadHead = o.aheadHead;
        this.aheadSize = o.aheadSize;
        this.sent = o.sent;
        this.nextAt = o.nextAt.clone();
        this.looksAgain = o.looksAgain.clone();
        this.nextEpoch = o.nextEpoch.clone();
        this.notBefore = o.notBefore.clone();
        this.placedToLook = o.placedToLook.clone();
        this.lookLimit = o.lookLimit.clone();
        this.epoch = o.epoch;
        this.queuesUp = o.queuesUp;
        this.linkUp = o.linkUp;
        this.allMoved = o.allMoved;
        this.askedMax = o.askedMax;
        this.earlyFrom = o.earlyFrom == null ? null : o.earlyFrom.copy();
        this.earlyFirst = o.earlyFirst;
        this.earlyQueues = Arrays.copyOf(o.earlyQueues, o.earlyCount);
        this.earlyCount = o.earlyCount;
        this.earlyReach = o.earlyReach;
        this.askedBy = new long[n << PAD];
    }

    /** Where queue {@code q}'s entry is in the arrays the queues write while they run together. */
    private static int slot(int q) {
        return q << PAD;
    }

    /** A copy with copies of the generators; its drivers come by {@link #attach}. */
    RxQueues copy() {
        return new RxQueues(this);
    }

    int size() {
        return drivers.length;
    }

    /** Roughly the bytes this holds: the packets listed per queue and those drawn ahead. */
    long footprintBytes() {
        long bytes = 4L * ahead.length + earlyQueues.length;
        for (int q = 0; q < drivers.length; q++) {
            bytes += 8L * (pending[q].length + upcoming[q].length);
        }
        return bytes;
    }

    /** The wire queue {@code q}'s driver reads: its own packets. */
    Wire wire(int q) {
        return new QueueWire(q);
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

    // ---- the packets ------------------------------------------------------------------------------------------

    /** Sends every packet that arrives by {@code time} to its queue, in packet order. */
    private void sendUntil(long time) {
        while (sender.due() <= time && !(sendingEarly && earlyCount >= EARLY_CAP)) {
            int n = sender.takeRun(time, run);
            if (n == 0) {
                long at = sender.takeBy(time); // a period ends first
                if (at == NEVER) {
                    return; // no packet by then
                }
                send(at);
            }
            for (int i = 0; i < n; i++) {
                send(run[i]);
            }
        }
    }

    private void send(long at) {
        int q = takeQueue();
        sent++;
        long[] list = pending[q];
        int size = pendingSize[slot(q)];
        // packets sent early may be taken back, so they stay listed (the lists grow to hold them)
        if (size == list.length && (sendingEarly
                || (drivers[q] == null || !drivers[q].stopped() || fold(q) == 0) && countAhead(q) == 0)) {
            list = grown(list, pendingHead[slot(q)], size);
            pending[q] = list;
            pendingHead[slot(q)] = 0;
        }
        size = pendingSize[slot(q)];
        list[(pendingHead[slot(q)] + size) & (list.length - 1)] = at;
        pendingSize[slot(q)] = size + 1;
        if (sendingEarly) {
            if (earlyCount == earlyQueues.length) {
                earlyQueues = Arrays.copyOf(earlyQueues, Math.max(1024, 2 * earlyCount));
            }
            earlyQueues[earlyCount++] = (byte) q;
        }
    }

    /**
     * Counts the packets listed for queue {@code q}, which is down, that came
     * by the clock, without their times: it comes up again no earlier, and
     * then counts them all at once. Packets sent further ahead (a poll counts
     * those that come while it runs) stay listed, to be counted when they
     * come. Returns how many it folded.
     */
    private long fold(int q) {
        long k = takeCounted(q, now);
        whileDown[q] += k;
        return k;
    }

    /**
     * Counts the packets at the head of queue {@code q}'s full list that its
     * next ask takes whatever its time, and takes them off the list: those
     * that came by its driver's next poll step, which asks no earlier (a
     * poll's asks only move on, and it asks before it ends). Bursts far faster
     * than a queue polls (20 G packets a second on queues that poll once a
     * millisecond) would otherwise list every packet, by the hundred million.
     * Returns how many it took off.
     */
    private int countAhead(int q) {
        Driver d = drivers[q];
        if (d == null || !d.napiScheduled() || d.pool() == null) {
            return 0; // an idle queue asks when its next packet comes; a device that is down, see fold
        }
        long first = pending[q][pendingHead[slot(q)]]; // the list is full
        int k = takeListed(q, d.nextEvent());
        if (k > 0) {
            if (countedAhead[q] == 0) {
                countedAheadFirst[q] = first;
            }
            countedAhead[q] += k;
        }
        return k;
    }

    /** The packets listed or counted ahead for queue {@code q} that came by {@code time}, taken off; how many. */
    private long takeCounted(int q, long time) {
        long k = countedAhead[q];
        if (k != 0) {
            countedAhead[q] = 0;
        }
        return k + takeListed(q, time);
    }

    /** Takes the packets listed for queue {@code q} that came by {@code time} off its list; returns how many. */
    private int takeListed(int q, long time) {
        long[] times = pending[q];
        int mask = times.length - 1;
        int head = pendingHead[slot(q)];
        int size = pendingSize[slot(q)];
        int k = 0;
        if (size > 0 && times[(head + size - 1) & mask] <= time) {
            k = size; // the usual case: the queue that sent them asks
        }
        while (k < size && times[(head + k) & mask] <= time) {
            k++;
        }
        if (k > 0) {
            pendingHead[slot(q)] = (head + k) & mask;
            pendingSize[slot(q)] = size - k;
        }
        return k;
    }

    /** A ring twice as long holding {@code size} entries from {@code head} on, from 0 on. */
    private static long[] grown(long[] ring, int head, int size) {
        return resized(ring, head, size, 2 * ring.length);
    }

    /** {@link #resized} into the room the entries take, at least {@code least}. */
    private static long[] trimmed(long[] ring, int head, int size, int least) {
        return resized(ring, head, size, Math.max(least, PowersOfTwo.atLeast(size)));
    }

    /** The {@code size} entries of {@code ring} from {@code head} on, in a ring of {@code length} from 0. */
    private static long[] resized(long[] ring, int head, int size, int length) {
        long[] resized = new long[length];
        for (int i = 0; i < size; i++) {
            resized[i] = ring[(head + i) & (ring.length - 1)];
        }
        return resized;
    }

    /**
     * Sends every packet that comes by {@code time} now, before any queue
     * asks for it: queues that run together need every packet they may ask
     * for listed ({@link #beginTogether}). When a packet is sent never
     * changes what a queue counts. It changes one thing: a change of rate
     * acts from the last packet asked for, so the packets sent early that no
     * queue asked for are taken back then ({@link #takeBackEarly}). False
     * when some are left unsent: about {@value #EARLY_CAP} were sent early
     * that no queue asked for yet (the queues poll far more slowly than the
     * packets come), and no more are until they ask.
     */
    private boolean sendEarly(long time) {
        if (!linkUp || sender.due() > time) {
            return true;
        }
        askedUpTo(askedMax);
        if (earlyFrom == null) {
            earlyFrom = sender.copy();
            earlyFirst = sent;
            earlyReach = Long.MIN_VALUE;
        }
        sendingEarly = true;
        sendUntil(time);
        sendingEarly = false;
        boolean all = sender.due() > time;
        // stopped short, the last packet was the last thing taken
        earlyReach = Math.max(earlyReach, all ? time : sender.lastTaken());
        return all;
    }

    /**
     * Takes the packets sent early that come after {@code time} back to
     * where they were, drawn ahead but not sent, with the sender as it stood
     * before them: the state of the queues had the packets been sent when
     * asked for, which a change of rate at {@code time} acts on.
     */
    private void takeBackEarly(long time) {
        if (earlyFrom == null) {
            return;
        }
        if (earlyReach > time) {
            Arrivals from = earlyFrom;
            long kept = from.takeUntil(time);
            for (int i = earlyCount - 1; i >= kept; i--) {
                int q = earlyQueues[i];
                int size = --pendingSize[slot(q)]; // its last listed: the early packets are the lists' last
                long at = pending[q][(pendingHead[slot(q)] + size) & (pending[q].length - 1)];
                if (at <= time) {
                    throw new IllegalStateException("queue " + q + "'s packet at " + at + " ns, sent early, is"
                            + " not the last listed after " + time + " ns");
                }
                undrawn(q, earlyFirst + i);
            }
            sent = earlyFirst + kept;
            sender = from;
        }
        forgetEarly();
    }

    /** Packet number {@code number} of queue {@code q} goes back in front of those drawn ahead. */
    private void undrawn(int q, long number) {
        if (aheadSize == ahead.length) {
            growAhead();
        }
        aheadHead = (aheadHead - 1) & (ahead.length - 1);
        ahead[aheadHead] = q;
        aheadSize++;
        if (upcomingSize[q] == upcoming[q].length) {
            upcoming[q] = grown(upcoming[q], upcomingHead[q], upcomingSize[q]);
            upcomingHead[q] = 0;
        }
        upcomingHead[q] = (upcomingHead[q] - 1) & (upcoming[q].length - 1);
        upcoming[q][upcomingHead[q]] = number;
        upcomingSize[q]++;
    }

    /**
     * The queues asked for their packets up to {@code time}: the packets sent
     * early by then are sent as if when asked for, and {@link #earlyFrom}
     * stands where the sender would stand had they been (so the record of
     * the others stays as short as a run ahead).
     */
    private void askedUpTo(long time) {
        if (earlyFrom == null) {
            return;
        }
        if (time >= earlyReach) {
            forgetEarly();
            return;
        }
        int k = (int) earlyFrom.takeUntil(time);
        if (k > 0) {
            System.arraycopy(earlyQueues, k, earlyQueues, 0, earlyCount - k);
            earlyCount -= k;
            earlyFirst += k;
        }
    }

    private void forgetEarly() {
        earlyFrom = null;
        earlyCount = 0;
    }

    /**
     * Readies the queues to run ahead on threads of their own ({@link
     * Simulation}) to no later than {@code before}, a poll that starts
     * before then asking for packets a poll's length later at most: sends
     * every packet by then early ({@link #sendEarly}), so that a queue
     * counts its own, and finds its next one, without sending or drawing.
     * False, having changed nothing, when fewer than {@code fewest} packets
     * may come before then (not worth the threads' meeting), or when too many
     * were sent early.
     */
    boolean beginTogether(long before, long fewest) {
        long due = sender.due();
        if (!linkUp || due >= before || before - due < sender.timeFor(fewest)) {
            return false; // at the sender's rate while on, fewer come by then
        }
        long slack = 0;
        for (Driver d : drivers) {
            slack = Math.max(slack, d.config().pollNs());
        }
        long horizon = before - 1 + slack;
        if (horizon < before - 1 || !sendEarly(horizon)) {
            return false;
        }
        together = true;
        togetherHorizon = horizon;
        for (int q = 0; q < drivers.length; q++) {
            askedBy[slot(q)] = Long.MIN_VALUE;
            nextEpoch[q] = 0; // times looked up before are looked up again, after
        }
        return true;
    }

    /**
     * {@link #countUntil} while the queues run on threads of their own: every
     * packet they may ask for is listed, so nothing is sent. Writes only the
     * queue's own entries.
     */
    private long countTogether(int q, long time) {
        if (time > togetherHorizon) {
            throw new IllegalStateException("queue " + q + " asked at " + time + " ns, past " + togetherHorizon);
        }
        if (time > askedBy[slot(q)]) {
            askedBy[slot(q)] = time;
        }
        long n = whileDown[q];
        if (n != 0) {
            whileDown[q] = 0;
        }
        return n + takeCounted(q, time);
    }

    /** The queues are back on one thread: the latest time one asked, as if each had asked in turn. */
    void endTogether() {
        together = false;
        for (int q = 0; q < drivers.length; q++) {
            askedMax = Math.max(askedMax, askedBy[slot(q)]);
            nextEpoch[q] = 0;
        }
        askedUpTo(askedMax);
    }

    /** Queue {@code q}'s packets that arrived by {@code time}, taken off its list. */
    private long countUntil(int q, long time) {
        if (!linkUp) {
            return 0;
        }
        if (together) {
            return countTogether(q, time);
        }
        if (time > askedMax) {
            askedMax = time;
            if (earlyFrom != null && time >= earlyReach) {
                forgetEarly(); // every packet sent early was asked for now
            }
        }
        sendUntil(time);
        long n = whileDown[q];
        if (n != 0) {
            whileDown[q] = 0;
        }
        return n + takeCounted(q, time);
    }

    /** The queue of the next packet sent: drawn ahead already, or now. */
    private int takeQueue() {
        if (aheadSize == 0) {
            return spreader.next(rng);
        }
        int q = ahead[aheadHead];
        aheadHead = (aheadHead + 1) & (ahead.length - 1);
        aheadSize--;
        upcomingHead[q] = (upcomingHead[q] + 1) & (upcoming[q].length - 1); // this packet was its first
        upcomingSize[q]--;
        return q;
    }

    /** Draws the queue of one more packet ahead. */
    private void drawAhead() {
        if (aheadSize == ahead.length) {
            growAhead();
        }
        int q = spreader.next(rng);
        ahead[(aheadHead + aheadSize) & (ahead.length - 1)] = q;
        if (upcomingSize[q] == upcoming[q].length) {
            upcoming[q] = grown(upcoming[q], upcomingHead[q], upcomingSize[q]);
            upcomingHead[q] = 0;
        }
        upcoming[q][(upcomingHead[q] + upcomingSize[q]++) & (upcoming[q].length - 1)] = sent + aheadSize;
        aheadSize++;
    }

    private void growAhead() {
        int[] grown = new int[2 * ahead.length];
        for (int k = 0; k < aheadSize; k++) {
            grown[k] = ahead[(aheadHead + k) & (ahead.length - 1)];
        }
        ahead = grown;
        aheadHead = 0;
    }

    /** When the {@code i}-th packet not sent yet (0 the next) arrives. */
    private long timeAhead(long i) {
        long at = sender.timeAhead(i);
        // it comes after the sender's current period: work the periods out on a copy
        return at >= 0 ? at : sender.copy().skipTo(i);
    }

    /**
     * When queue {@code q}'s next packet arrives: the first on its list, or
     * the first bound for it among those not sent yet (the sender's times are
     * the ones the packets will come at). When none of those up to its
     * look's limit is, the time of the last of them, to look again then
     * ({@link #looksAgain}); past {@value #AHEAD_CAP} drawn ahead, the first
     * found by drawing on without keeping them ({@link #scan}), or the last
     * drawn so, to look again then.
     */
    private long nextArrival(int q) {
        if (!linkUp) {
            return NEVER;
        }
        if (countedAhead[q] > 0 || pendingSize[slot(q)] > 0) {
            if (looksAgain[q]) {
                looksAgain[q] = false; // written only when it changes: queues running together share the array
            }
            return countedAhead[q] > 0 ? countedAheadFirst[q] : pending[q][pendingHead[slot(q)]];
        }
        if (together) {
            return sender.due(); // every packet by the horizon was sent: its next one comes later than that
        }
        if (nextEpoch[q] == epoch) {
            return nextAt[q];
        }
        long at = NEVER;
        boolean again = false;
        if (spreader.share(q) > 0) {
            long limit = Math.max(lookLimit[q], sent + MAX_LOOK);
            while (upcomingSize[q] == 0 && sent + aheadSize < limit) {
                drawAhead();
            }
            if (upcomingSize[q] > 0) {
                at = timeAhead(upcoming[q][upcomingHead[q]] - sent);
            } else if (aheadSize >= AHEAD_CAP) {
                long k = scan(q);
                again = k < 0;
                at = timeAhead((again ? scanAt[q] - 1 : k) - sent);
            } else {
                at = timeAhead(aheadSize - 1);
                again = true;
            }
        }
        nextAt[q] = at;
        looksAgain[q] = again;
        nextEpoch[q] = epoch;
        return at;
    }

    /**
     * Queue {@code q}'s next packet beyond those drawn ahead, for a queue so
     * rare that {@value #AHEAD_CAP} others are drawn ahead already: RSS's
     * draws go on with a copy of its generator, the packets' queues are not
     * kept, and the packet's number is what the real draws will give it. Its
     * number, or -1 when not among the next {@value #SCAN_STEP} (the drawing
     * goes on from there when asked again: the queue looks again then).
     * Nothing is sent, so where the sender stands never depends on how far
     * anyone looked.
     */
    private long scan(int q) {
        long from = sent + aheadSize;
        if (found[q] >= from) {
            return found[q]; // its first beyond those drawn ahead: none of the draws before it was its
        }
        if (scanRng[q] == null || scanAt[q] < from) {
            scanRng[q] = rng.copy(); // RSS's generator stands at packet sent + aheadSize
            scanAt[q] = from;
        }
        Rng r = scanRng[q];
        long n = scanAt[q];
        for (int i = 0; i < SCAN_STEP; i++, n++) {
            if (spreader.next(r) == q) {
                scanAt[q] = n + 1;
                found[q] = n;
                return n;
            }
        }
        scanAt[q] = n;
        return -1;
    }

    /**
     * True when queue {@code q}'s next event is only the NIC looking again
     * for its next packet: no step of its driver, nothing changes but where
     * the looking starts ({@link #lookAgain}).
     */
    boolean looksAgain(int q) {
        // a packet another queue sent it since is after the packets looked through, so not before that time
        long t = nextAt[q];
        return looksAgain[q] && nextEpoch[q] == epoch && drivers[q].awaitsPacket() && drivers[q].nextEvent() == t
                && drivers[q].tx().nextCompletion() != t;
    }

    /**
     * The NIC looks again for queue {@code q}'s next packet, further than
     * those it looked through. It sends nothing, so that the sender's state
     * stays that of the packets counted: a change of rate then acts from the
     * time it is made, whenever and however far the NIC looked. Past
     * {@value #AHEAD_CAP} packets drawn ahead, it draws on without keeping
     * them ({@link #scan}).
     */
    void lookAgain(int q) {
        if (aheadSize < AHEAD_CAP) {
            lookLimit[q] = sent + aheadSize + MAX_LOOK;
        }
        nextEpoch[q] = 0;
        refresh(q);
    }

    /**
     * Brings queue {@code q}'s place in the clock up to date when it is not a
     * step of its driver: the NIC looks again for its next packet, or another
     * queue sent it that packet since it was placed (its place was then when
     * to look again, and the packet comes no earlier). True when it moved.
     */
    boolean settle(int q) {
        if (!placedToLook[q]) {
            return false; // a step of its driver: only a time to look again goes stale
        }
        if (looksAgain(q)) {
            lookAgain(q);
            return true;
        }
        long was = clock.time(q);
        refresh(q);
        return clock.time(q) != was;
    }

    /**
     * How far past {@code from} a queue may run ahead of the others
     * ({@link Simulation#runAhead}): as long as the sender takes to send
     * {@value #AHEAD_PACKETS} packets. A queue that runs ahead sends every
     * queue's packets up to its time, and the others list theirs until they
     * count them; at 20 G packets a second in bursts a jiffy's would be 20
     * million. At the shipped presets' rates it is more than a jiffy.
     */
    long aheadHorizon(long from) {
        long span = sender.timeFor(AHEAD_PACKETS);
        return span >= NEVER - from ? NEVER : from + span;
    }

    /** The simulation's clock moved on to {@code t}. */
    void clockAt(long t) {
        now = t;
    }

    /** The sender's rate or bursts change at {@code now}: packets from then on come at other times. */
    void trafficChanged(WorkloadParams params, long now) {
        if (linkUp) {
            sendUntil(now);
            takeBackEarly(Math.max(now, askedMax));
        }
        sender.configure(params, now);
        epoch++;
    }

    private void queueUp(long time) {
        if (++queuesUp == drivers.length) {
            linkUp = true;
            sender.linkUp(time);
            epoch++;
            allMoved = true;
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

    /** True when the last step may have moved other queues in time: the link came up. */
    boolean othersMoved() {
        return allMoved;
    }

    /** Looks at queue {@code q} again after its driver ran or changed. */
    void refresh(int q) {
        long next = drivers[q].nextEvent();
        placedToLook[q] = looksAgain[q] && next == nextAt[q] && nextEpoch[q] == epoch;
        clock.set(q, Math.max(next, notBefore[q]));
    }

    /**
     * Queue {@code q} ran ahead to {@code t}: its next step, due then or
     * earlier, runs at {@code t}, as it would right after that step in turn
     * (the simulation's clock stays behind while queues run ahead).
     */
    void ranAheadTo(int q, long t) {
        notBefore[q] = Math.max(notBefore[q], t);
    }

    /** The earliest time queue {@code q}'s next step may run at ({@link #ranAheadTo}). */
    long notBefore(int q) {
        return notBefore[q];
    }

    void refreshAll() {
        allMoved = false;
        for (int q = 0; q < drivers.length; q++) {
            refresh(q);
        }
    }

    /** A queue's view of the wire: its own packets, counted when it asks. */
    private final class QueueWire implements Wire {
        private final int q;

        QueueWire(int q) {
            this.q = q;
        }

        @Override
        public long arrivalsUntil(long time) {
            long n = countUntil(q, time);
            if (n > 0 && nextEpoch[q] != 0) {
                nextEpoch[q] = 0;
            }
            return n;
        }

        @Override
        public long nextArrival() {
            return RxQueues.this.nextArrival(q);
        }

        @Override
        public boolean nextIsPacket() {
            return !(looksAgain[q] && nextEpoch[q] == epoch);
        }

        @Override
        public void linkUp(long time) {
            queueUp(time);
        }
    }
}
