// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.Arrays;
import org.pagepool.mm.MemMap;
import org.pagepool.nic.Driver;
import org.pagepool.nic.RxRing;
import org.pagepool.nic.TxRing;

/**
 * The NIC at one moment: RX descriptors (empty, posted, completed), the TX
 * ring in completion order, where NAPI runs and whether it is polling.
 * Immutable.
 *
 * @param rxState each descriptor's {@link RxRing.Slot} ordinal
 */
public record DeviceView(PageSlots rx, byte[] rxState, int swHead, int hwHead, int refillIndex, PageSlots tx,
                         int txSize, int irqCpu, int irqNode, boolean napiScheduled, boolean inPoll) {

    public DeviceView {
        rxState = rxState.clone();
    }

    @Override
    public byte[] rxState() {
        return rxState.clone();
    }

    private static final RxRing.Slot[] SLOTS = RxRing.Slot.values(); // values() copies: once, not per slot

    /** Descriptor {@code i}'s state. */
    public RxRing.Slot rxSlot(int i) {
        return SLOTS[rxState[i]];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceView d && rx.equals(d.rx) && Arrays.equals(rxState, d.rxState)
                && swHead == d.swHead && hwHead == d.hwHead && refillIndex == d.refillIndex && tx.equals(d.tx)
                && txSize == d.txSize && irqCpu == d.irqCpu && irqNode == d.irqNode
                && napiScheduled == d.napiScheduled && inPoll == d.inPoll;
    }

    @Override
    public int hashCode() {
        return 31 * rx.hashCode() + Arrays.hashCode(rxState);
    }

    public static DeviceView of(Driver driver, MemMap memmap) {
        RxRing rx = driver.rx();
        byte[] state = new byte[rx.size()];
        for (int i = 0; i < state.length; i++) {
            state[i] = (byte) rx.slot(i).ordinal();
        }
        TxRing tx = driver.tx();
        return new DeviceView(PageSlots.of(memmap, rx::page, rx.size()), state, rx.swHead(), rx.hwHead(),
                rx.refillIndex(), PageSlots.of(memmap, tx::inFlight, tx.count()), tx.size(), driver.config().irqCpu(),
                driver.config().irqNode(), driver.napiScheduled(), driver.inPoll());
    }
}
