// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.List;
import org.pagepool.pool.CounterLine;

/**
 * The network stack's counters at one moment.
 *
 * @param skbs       skbs that went up to a socket (XDP_PASS, and the frames a cpumap CPU passed up)
 * @param clones     of those, cloned: their page got a second reference
 * @param redirected frames sent to another CPU (XDP_REDIRECT)
 * @param framesPassed of the frames freed there, those the cpumap CPU passed up as skbs: in v5.14 their pages
 *                   left the pool
 * @param remoteFrees skbs and frames returned into their pool's ring from another CPU than NAPI's (not a clone's or a
 *                   cpumap skb's put_page())
 * @param skbsHeld   skbs and clones sockets hold now
 * @param framesHeld frames waiting on the other CPU now
 */
public record StackStats(long skbs, long skbsFreed, long clones, long clonesFreed, long redirected, long framesFreed,
                         long framesPassed, long remoteFrees, int skbsHeld, int framesHeld) {

    public static final List<String> NAMES = List.of("skbs", "skbs_freed", "skb_clones", "clones_freed",
            "redirected", "redirected_freed", "redirected_passed", "remote_frees", "skbs_held", "frames_held");

    /** No stack (a script's kernel). */
    public static final StackStats ZERO = new StackStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long[] values() {
        return new long[] {skbs, skbsFreed, clones, clonesFreed, redirected, framesFreed, framesPassed, remoteFrees,
            skbsHeld, framesHeld};
    }

    public String format() {
        return CounterLine.format(NAMES, values());
    }
}
