// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C and SIGTERM as a flag a run loop checks between batches. The JVM
 * runs shutdown hooks and then halts, so the hook raises the flag and waits
 * until the command has finished its files and printed its summary
 * ({@link #finished()}); a command that never looks at the flag (one that
 * did not call {@link #watch()}) is not waited for.
 */
final class StopSignal implements BooleanSupplier {
    /** How long the hook waits for a run to wrap up: a safety net, a run ends within one batch. */
    private static final long WRAP_UP_SECONDS = 30;

    private final BooleanSupplier requested;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean raised;
    private volatile boolean watched;

    private StopSignal(BooleanSupplier requested) {
        this.requested = requested;
    }

    /** A signal raised by the JVM's shutdown (Ctrl-C, SIGTERM). */
    static StopSignal onShutdown() {
        StopSignal signal = new StopSignal(() -> false);
        Runtime.getRuntime().addShutdownHook(new Thread(signal::shutdown, "pagepool-stop"));
        return signal;
    }

    /** A signal raised when {@code condition} says so (tests), or never. */
    static StopSignal when(BooleanSupplier condition) {
        return new StopSignal(condition);
    }

    static StopSignal never() {
        return when(() -> false);
    }

    /** True once a stop was asked for. Called by the run loop only. */
    @Override
    public boolean getAsBoolean() {
        return raised || requested.getAsBoolean();
    }

    /** The command will look at the flag and wrap up: the hook waits for it. */
    void watch() {
        watched = true;
    }

    /** The command's output is complete (called before {@code System.exit}). */
    void finished() {
        done.countDown();
    }

    private void shutdown() {
        raised = true;
        if (watched) {
            try {
                done.await(WRAP_UP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
