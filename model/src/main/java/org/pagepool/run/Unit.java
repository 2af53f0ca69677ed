// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import org.pagepool.nic.Driver;

/** How far a step (or a step back) goes. In a script every unit is one line. */
public enum Unit {
    /** One call into the page pool (or the page refcount API). */
    KERNEL_CALL(Driver.KERNEL_CALL),
    /** Until NAPI has run the XDP program on one more packet. */
    PACKET(Driver.PACKET),
    /** Until a NAPI poll ends. */
    POLL(Driver.POLL),
    /**
     * This queue only: until the focused queue's driver makes its next
     * kernel call; the other queues run on meanwhile, in true order.
     */
    QUEUE_CALL(Driver.KERNEL_CALL);

    private final int flags;

    Unit(int flags) {
        this.flags = flags;
    }

    /** True for the unit that follows one queue. */
    public boolean oneQueue() {
        return this == QUEUE_CALL;
    }

    /** The step flags that end a step of this unit. */
    public int flags() {
        return flags;
    }
}
