// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.time;

/** {@code struct delayed_work}: a function to run once its timer expires. */
public final class DelayedWork {
    private final String name;
    private final Runnable function;
    long due;
    long sequence;
    boolean pending;

    /** {@code INIT_DELAYED_WORK(&dw, function)}; {@code name} is the function's kernel name. */
    public DelayedWork(String name, Runnable function) {
        this.name = name;
        this.function = function;
    }

    public String name() {
        return name;
    }

    /** True while the work is scheduled and has not run yet. */
    public boolean isPending() {
        return pending;
    }

    /** The jiffy at which the pending work runs. */
    public long due() {
        return due;
    }

    void run() {
        function.run();
    }
}
