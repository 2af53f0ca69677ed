// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * An early signal that the Java heap is running out, so a long run can stop
 * and say so (naming its file and what to change) before an
 * {@link OutOfMemoryError} ends it somewhere at random. It watches the
 * tenured heap pool (the one with the largest maximum: {@code G1 Old Gen},
 * {@code Tenured Gen}, {@code PS Old Gen}) through the JVM's collection-usage
 * threshold: after a garbage collection leaves that pool above the given
 * share of its maximum, {@link #low()} turns true and stays true.
 *
 * <p>Usage after a collection, not the current usage: garbage that a
 * collection would free does not count. The JVM's notification thread sets
 * the flag; {@link #low()} is one volatile read, cheap enough to check after
 * every command of a script. Several guards may be open at once; the JVM's
 * threshold is the lowest any of them asked for, and is switched off when
 * the last one closes. Where the JVM has no such pool, a guard never turns.
 * Thread-safe.
 */
public final class HeapGuard implements AutoCloseable {
    /** The share of the tenured pool's maximum that counts as nearly full. */
    public static final double NEARLY_FULL = 0.9;

    private static final List<HeapGuard> OPEN = new ArrayList<>();

    private final MemoryPoolMXBean pool;
    private final long thresholdBytes;
    private final NotificationListener listener = this::onNotification;
    private volatile boolean low;
    private volatile long usedAfterCollection;
    /** The JVM's count of collections above the threshold at the last {@link #rearm()}: older notices are stale. */
    private volatile long staleUpTo;

    private HeapGuard(MemoryPoolMXBean pool, long thresholdBytes) {
        this.pool = pool;
        this.thresholdBytes = thresholdBytes;
    }

    /** A guard that turns when a collection leaves the tenured pool {@value #NEARLY_FULL} full. */
    public static HeapGuard start() {
        return start(NEARLY_FULL);
    }

    /** A guard that turns at {@code share} (above 0, at most 1) of the tenured pool's maximum. */
    public static HeapGuard start(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share of the heap must be above 0 and at most 1: " + share);
        }
        MemoryPoolMXBean tenured = tenuredPool();
        if (tenured == null) {
            return new HeapGuard(null, Long.MAX_VALUE);
        }
        HeapGuard guard = new HeapGuard(tenured, Math.max(1, (long) (tenured.getUsage().getMax() * share)));
        guard.open();
        return guard;
    }

    /** True once a collection left the tenured heap above the threshold. */
    public boolean low() {
        return low;
    }

    /**
     * Forgets that it turned, once the caller let go of what filled the heap:
     * the next collection that leaves the heap above the share turns it again.
     */
    public void rearm() {
        if (pool != null) {
            staleUpTo = pool.getCollectionUsageThresholdCount(); // a notice may still be on its way from before
        }
        low = false;
    }

    /** Looks at the usage after the most recent collection now, rather than waiting for the JVM's notice. */
    public boolean checkNow() {
        if (pool != null && !low) {
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null && after.getUsed() >= thresholdBytes) {
                usedAfterCollection = after.getUsed();
                low = true;
            }
        }
        return low;
    }

    /** The largest heap this JVM may use, in bytes. */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** What a message says about the heap, e.g. {@code 231 MB of the 256 MB heap in use after a collection}. */
    public String describe() {
        long max = pool == null ? maxHeapBytes() : pool.getUsage().getMax();
        return String.format(Locale.ROOT, "%d MB of the %d MB heap in use after a collection",
                usedAfterCollection >> 20, max >> 20);
    }

    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        synchronized (OPEN) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // closed before
            }
            if (OPEN.remove(this)) {
                pool.setCollectionUsageThreshold(lowestThreshold());
            }
        }
    }

    private void open() {
        NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        synchronized (OPEN) {
            OPEN.add(this);
            emitter.addNotificationListener(listener, null, null);
            pool.setCollectionUsageThreshold(lowestThreshold());
        }
        checkNow(); // already full when it starts
    }

    /** The JVM's threshold: the lowest any open guard wants, 0 (off) when none is open. */
    private static long lowestThreshold() {
        long lowest = 0;
        for (HeapGuard guard : OPEN) {
            lowest = lowest == 0 ? guard.thresholdBytes : Math.min(lowest, guard.thresholdBytes);
        }
        return lowest;
    }

    private void onNotification(Notification notification, Object handback) {
        if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            return;
        }
        MemoryNotificationInfo info = MemoryNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getPoolName().equals(pool.getName()) && info.getUsage().getUsed() >= thresholdBytes
                && info.getCount() > staleUpTo) {
            usedAfterCollection = info.getUsage().getUsed();
            low = true;
        }
    }

    /** The heap pool with the largest maximum that can report its usage after a collection. */
    private static MemoryPoolMXBean tenuredPool() {
        MemoryPoolMXBean best = null;
        for (MemoryPoolMXBean candidate : ManagementFactory.getMemoryPoolMXBeans()) {
            if (candidate.getType() == MemoryType.HEAP && candidate.isCollectionUsageThresholdSupported()
                    && candidate.getUsage().getMax() > 0
                    && (best == null || candidate.getUsage().getMax() > best.getUsage().getMax())) {
                best = candidate;
            }
        }
        return best;
    }
}
