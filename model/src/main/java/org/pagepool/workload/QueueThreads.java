// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Threads that run a NIC's queues ahead together ({@link Simulation#runQueuesOn}):
 * the simulation's own thread and helpers, which take the queues one by one
 * until none is left. Each queue's work reads what they share and writes its
 * own state only, so which thread runs it, and when, changes nothing. The
 * phaser orders the work between the phases: what the simulation's thread
 * wrote before {@link #runAll} is seen by the helpers, and what they wrote by
 * the simulation's thread when it returns. The helpers are daemon threads,
 * waiting on the phaser between phases; they live as long as the process,
 * so the simulations share them ({@link #of}), one at a time.
 */
final class QueueThreads {
    /** The threads made so far, by their number, for every simulation to use. */
    private static final Map<Integer, QueueThreads> SHARED = new HashMap<>();

    private final Phaser phaser;
    private final AtomicInteger next = new AtomicInteger();
    private final int threads;
    /** The phase's work and its number of queues: written before the phase starts, read in it. */
    private IntConsumer work;
    private int queues;
    /** The failure of the lowest queue that failed in a phase, thrown by {@link #runAll} when it ends. */
    private final Object failures = new Object();
    private Throwable failure;
    private int failedQueue;

    QueueThreads(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("threads: " + threads + " (at least 2; one runs them in turn)");
        }
        this.threads = threads;
        this.phaser = new Phaser(threads);
        for (int i = 1; i < threads; i++) {
            Thread helper = new Thread(this::help, "pagepool-queues-" + i);
            helper.setDaemon(true);
            helper.start();
        }
    }

    /** {@code threads} threads in all (at least 2), made once and shared. */
    static synchronized QueueThreads of(int threads) {
        return SHARED.computeIfAbsent(threads, QueueThreads::new);
    }

    int threads() {
        return threads;
    }

    /** Runs {@code work} for every queue 0..{@code count - 1} on these threads, and returns when all ran. */
    synchronized void runAll(int count, IntConsumer work) {
        this.work = work;
        this.queues = count;
        next.set(0);
        synchronized (failures) {
            failure = null;
        }
        phaser.arriveAndAwaitAdvance(); // the helpers start
        take();
        phaser.arriveAndAwaitAdvance(); // every queue ran
        this.work = null;
        Throwable failed;
        synchronized (failures) {
            failed = failure;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    private void help() {
        while (true) {
            phaser.arriveAndAwaitAdvance();
            take();
            phaser.arriveAndAwaitAdvance();
        }
    }

    private void take() {
        int q;
        while ((q = next.getAndIncrement()) < queues) {
            try {
                work.accept(q);
            } catch (RuntimeException | Error e) {
                failed(q, e); // a helper that died would leave the phase waiting for it
            }
        }
    }

    /** Keeps the failure of the lowest queue, so that the same one is thrown whichever thread met it. */
    private void failed(int q, Throwable e) {
        synchronized (failures) {
            if (failure == null || q < failedQueue) {
                failure = e;
                failedQueue = q;
            }
        }
    }
}
