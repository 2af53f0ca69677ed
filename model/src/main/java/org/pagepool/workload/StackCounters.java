// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/** What the simulated network stack did with the frames the driver gave it (mutable). */
final class StackCounters {
    long skbs;
    long skbsFreed;
    long clones;
    long clonesFreed;
    long redirected;
    long framesFreed;
    /** Of those, the frames a cpumap CPU passed up the stack as skbs (counted in {@link #skbs} too). */
    long framesPassed;
    /** skbs and frames returned into their pool's ring from a CPU other than the one NAPI ran on. */
    long remoteFrees;

    StackCounters copy() {
        StackCounters c = new StackCounters();
        c.skbs = skbs;
        c.skbsFreed = skbsFreed;
        c.clones = clones;
        c.clonesFreed = clonesFreed;
        c.redirected = redirected;
        c.framesFreed = framesFreed;
        c.framesPassed = framesPassed;
        c.remoteFrees = remoteFrees;
        return c;
    }

    StackStats snapshot(int skbsHeld, int framesHeld) {
        return new StackStats(skbs, skbsFreed, clones, clonesFreed, redirected, framesFreed, framesPassed, remoteFrees,
                skbsHeld, framesHeld);
    }
}
