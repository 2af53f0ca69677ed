// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import java.util.List;
import org.pagepool.pool.CounterLine;

/**
 * The NIC and driver counters at one moment.
 *
 * @param rxPackets    packets the NIC placed in a posted buffer
 * @param rxMissed     packets the NIC dropped because no buffer was posted (ethtool's rx_missed)
 * @param polls        NAPI polls
 * @param txFull       XDP_TX frames dropped because the TX ring was full
 * @param leaked       pages the buggy driver freed with put_page() behind the pool's back
 * @param refillFailed RX refills that found no page (the descriptor stays empty)
 */
public record NicStats(long rxPackets, long rxMissed, long polls, long drop, long tx, long redirect, long pass,
                       long txCompleted, long txFull, long leaked, long refillFailed, long reloads) {

    public static final List<String> NAMES = List.of("rx_packets", "rx_missed", "napi_polls", "xdp_drop", "xdp_tx",
            "xdp_redirect", "xdp_pass", "tx_completed", "tx_full", "leaked", "refill_failed",
            "reloads");

    public long[] values() {
        return new long[] {rxPackets, rxMissed, polls, drop, tx, redirect, pass, txCompleted, txFull, leaked,
                refillFailed, reloads};
    }

    /** Packets NAPI handled (every verdict, XDP_TX frames the full TX ring dropped included). */
    public long processed() {
        return drop + tx + txFull + redirect + pass;
    }

    /** Every NIC counter 0. */
    public static final NicStats ZERO = new NicStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Counter by counter sum (several queues at once). */
    public NicStats plus(NicStats o) {
        return new NicStats(rxPackets + o.rxPackets, rxMissed + o.rxMissed, polls + o.polls, drop + o.drop,
                tx + o.tx, redirect + o.redirect, pass + o.pass, txCompleted + o.txCompleted, txFull + o.txFull,
                leaked + o.leaked, refillFailed + o.refillFailed, reloads + o.reloads);
    }

    public String format() {
        return CounterLine.format(NAMES, values());
    }
}
