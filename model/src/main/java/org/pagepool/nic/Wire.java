// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

/** The network cable: when packets arrive at the NIC. */
public interface Wire {
    /** Packets that arrived after the last count, up to {@code time} (ns). */
    long arrivalsUntil(long time);

    /** When the next packet arrives (ns), {@link Long#MAX_VALUE} for never. */
    long nextArrival();

    /**
     * False when the last {@link #nextArrival} was not a packet's arrival
     * but when the NIC looks again for one (a queue of a NIC of several,
     * whose next packet is far ahead).
     */
    default boolean nextIsPacket() {
        return true;
    }

    /**
     * The interface came up at {@code time}: what the peer sent before then
     * never reached the NIC (its link was down), so it is neither received
     * nor missed.
     */
    void linkUp(long time);
}
