// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** Waits for a view that satisfies a condition (the runner publishes asynchronously). */
final class Await {
    private static final long DEADLINE_NS = 20_000_000_000L;

    private Await() {
    }

    /** The first view after {@code afterSerial} that satisfies {@code condition}. */
    static ModelView view(Runner runner, long afterSerial, Predicate<ModelView> condition, String what) {
        long start = System.nanoTime();
        while (true) {
            ModelView view = runner.latest();
            if (view != null && view.serial() > afterSerial && condition.test(view)) {
                return view;
            }
            if (System.nanoTime() - start > DEADLINE_NS) {
                fail("no view " + what + " arrived; the last: " + describe(view));
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static String describe(ModelView view) {
        return view == null ? "none" : "serial " + view.serial() + ", " + view.state() + ", position "
                + view.position() + ", error " + view.error();
    }
}
