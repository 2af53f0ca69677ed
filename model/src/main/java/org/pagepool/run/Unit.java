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
    POLL(Driver.POLL);

    private final int flags;

    Unit(int flags) {
        this.flags = flags;
    }

    /** The step flags that end a step of this unit. */
    public int flags() {
        return flags;
    }
}
