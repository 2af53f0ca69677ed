// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.pagepool.view.ModelView;

/**
 * Waits for a condition on the threaded {@link Runner}, which publishes asynchronously. The deadline is
 * generous: a test waits for what happens, never for a time. (Tests of the core use {@link SyncRunner}.)
 */
final class Await {
    private static final long DEADLINE_NS = 60_000_000_000L;

    private Await() {
    }

    /** The first view after {@code afterSerial} that satisfies {@code condition}. */
    static ModelView view(Runner runner, long afterSerial, Predicate<ModelView> condition, String what) {
        ModelView[] found = new ModelView[1];
        until(() -> {
            ModelView view = runner.latest();
            found[0] = view;
            return view != null && view.serial() > afterSerial && condition.test(view);
        }, what + " (the last view: " + describe(runner.latest()) + ")");
        return found[0];
    }

    /** Returns as soon as {@code condition} holds. */
    static void until(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > DEADLINE_NS) {
                fail("gave up waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static String describe(ModelView view) {
        return view == null ? "none" : "serial " + view.serial() + ", " + view.state() + ", position "
                + view.position() + ", error " + view.error();
    }
}
