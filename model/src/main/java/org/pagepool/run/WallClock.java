// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

/**
 * Where the runner reads wall time, to pace simulated time against it:
 * {@link #SYSTEM} in the app, a {@link ManualClock} when a test or a tool
 * drives a {@link SyncRunner}.
 */
@FunctionalInterface
public interface WallClock {
    WallClock SYSTEM = System::nanoTime;

    /** Wall time in nanoseconds from an arbitrary origin, as {@link System#nanoTime()}. */
    long nanoTime();
}
