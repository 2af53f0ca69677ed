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

    StackCounters copy() {
        StackCounters c = new StackCounters();
        c.skbs = skbs;
        c.skbsFreed = skbsFreed;
        c.clones = clones;
        c.clonesFreed = clonesFreed;
        c.redirected = redirected;
        c.framesFreed = framesFreed;
        return c;
    }

    StackStats snapshot(int skbsHeld, int framesHeld) {
        return new StackStats(skbs, skbsFreed, clones, clonesFreed, redirected, framesFreed, skbsHeld, framesHeld);
    }
}
