// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

/** A wall clock that moves only when told to: for tests and tools. One thread only. */
public final class ManualClock implements WallClock {
    private long now;

    @Override
    public long nanoTime() {
        return now;
    }

    /** Lets {@code ns} of wall time pass. */
    public void advance(long ns) {
        if (ns < 0) {
            throw new IllegalArgumentException("a clock does not go back: " + ns + " ns");
        }
        now += ns;
    }
}
