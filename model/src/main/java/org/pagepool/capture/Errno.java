// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/** What {@code page_pool_create()}'s errors mean (v5.14 {@code page_pool_init()}). */
final class Errno {
    private Errno() {
    }

    static String explain(int errno) {
        switch (-Math.abs(errno)) {
            case -7:
                return "E2BIG: pool_size above 32768";
            case -12:
                return "ENOMEM: no memory for the pool or its ptr_ring";
            case -22:
                return "EINVAL: unknown flags, a DMA direction other than FROM_DEVICE or BIDIRECTIONAL, "
                        + "or DMA sync without DMA map or max_len";
            default:
                return "not one page_pool_init() returns in v5.14";
        }
    }
}
