// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections of this JVM while it listens, each as a span on
 * the {@link System#nanoTime} clock (to a millisecond), so that a slow frame
 * can be matched with a collection that stopped the threads during it. The
 * JVM tells from a thread of its own; any thread may read.
 */
final class GcPauses implements NotificationListener {
    /** A collection from {@code startNs} to {@code endNs} ({@link System#nanoTime}). */
    record Pause(String name, long startNs, long endNs) {
        long millis() {
            return (endNs - startNs) / 1_000_000;
        }
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    /** Starts listening to every collector that tells. */
    void listen() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Stops listening. */
    void stop() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        }
        emitters.clear();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        // the collection's times are milliseconds since the JVM started: place them on the nanoTime clock
        long nowNs = System.nanoTime();
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long endNs = nowNs - (uptimeMs - gc.getEndTime()) * 1_000_000L;
        synchronized (pauses) {
            pauses.add(new Pause(info.getGcName(), endNs - gc.getDuration() * 1_000_000L, endNs));
        }
    }

    /** The collections that ended after {@code fromNs}. */
    List<Pause> since(long fromNs) {
        synchronized (pauses) {
            return pauses.stream().filter(p -> p.endNs() > fromNs).toList();
        }
    }
}
