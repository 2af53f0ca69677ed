// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

/** The NIC's and the driver's counters (mutable; {@link #snapshot()} copies them). */
public final class NicCounters {
    long rxPackets;
    long rxMissed;
    long polls;
    long drop;
    long tx;
    long redirect;
    long pass;
    long txCompleted;
    long txFull;
    long leaked;
    long refillFailed;
    long reloads;

    NicCounters copy() {
        NicCounters c = new NicCounters();
        c.rxPackets = rxPackets;
        c.rxMissed = rxMissed;
        c.polls = polls;
        c.drop = drop;
        c.tx = tx;
        c.redirect = redirect;
        c.pass = pass;
        c.txCompleted = txCompleted;
        c.txFull = txFull;
        c.leaked = leaked;
        c.refillFailed = refillFailed;
        c.reloads = reloads;
        return c;
    }

    public NicStats snapshot() {
        return new NicStats(rxPackets, rxMissed, polls, drop, tx, redirect, pass, txCompleted, txFull,
                leaked, refillFailed, reloads);
    }
}
