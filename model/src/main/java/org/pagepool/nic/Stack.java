// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

/** Where the driver hands the frames it does not free itself. */
public interface Stack {
    /**
     * XDP_PASS: an skb marked for recycling goes up the stack from {@code cpu}.
     *
     * @return true when this made a kernel call (a clone's {@code get_page})
     */
    boolean receiveSkb(int page, long now, int cpu);

    /** XDP_REDIRECT: the frame goes to another CPU, which frees it later. */
    void redirect(int page, long now);

    /** When the stack next frees an skb or a frame it was handed (ns), {@link Long#MAX_VALUE} for never. */
    long nextTime();
}
