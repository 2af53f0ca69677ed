// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

/**
 * Where a page is. The kernel does not record this; the model does, so that
 * every page movement can be shown, checked and named in error messages.
 */
public enum Place {
    /** Free in the buddy allocator. */
    BUDDY("buddy", false),
    /** In a pool's alloc cache array ({@code pool->alloc.cache}). */
    ALLOC_CACHE("cache", false),
    /** In a pool's ptr_ring. */
    PTR_RING("ring", false),
    /** Given to the driver by the pool and not given back (a script's "held" page). */
    DRIVER("driver", true),
    /** On an RX descriptor of the simulated NIC (held by the driver). */
    RX_DESCRIPTOR("rx", true),
    /** On the simulated NIC's TX ring, waiting for its completion (held by the driver). */
    TX_RING("tx", true),
    /** Attached to an skb on its way up the stack, or queued on a socket (held by the driver's pool). */
    SKB("skb", true),
    /** An xdp_frame redirected to another CPU, not yet freed there. */
    REMOTE_CPU("remote", true),
    /** Released by the pool ({@code page_pool_release_page}); other references keep it alive. */
    DETACHED("detached", false);

    private static final Place[] BY_ORDINAL = values();
    /**
     * The driver-side places are one run of ordinals, from this one on
     * (checked as the class loads), so that one unsigned compare tells them:
     * the guard of every put reads it.
     */
    public static final int FIRST_DRIVER_SIDE = DRIVER.ordinal();
    /** How many places are driver-side. */
    public static final int DRIVER_SIDE_PLACES = driverSideRun();

    private final String word;
    private final boolean driverSide;

    Place(String word, boolean driverSide) {
        this.word = word;
        this.driverSide = driverSide;
    }

    /** The short word the script trace uses for this place. */
    public String word() {
        return word;
    }

    /** True for the places where a page is the pool's but out in the driver's hands. */
    public boolean isDriverSide() {
        return driverSide;
    }

    /** The place with this {@link #ordinal()}. */
    public static Place ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    /** {@code ofOrdinal(ordinal).isDriverSide()} without touching an enum constant: one unsigned compare. */
    public static boolean isDriverSide(int ordinal) {
        return Integer.compareUnsigned(ordinal - FIRST_DRIVER_SIDE, DRIVER_SIDE_PLACES) < 0;
    }

    private static int driverSideRun() {
        int run = 0;
        for (Place p : BY_ORDINAL) {
            run += p.driverSide ? 1 : 0;
        }
        for (Place p : BY_ORDINAL) {
            int offset = p.ordinal() - FIRST_DRIVER_SIDE;
            if (p.driverSide != (offset >= 0 && offset < run)) {
                throw new ExceptionInInitializerError("the driver-side places must follow DRIVER, in one run");
            }
        }
        return run;
    }
}
