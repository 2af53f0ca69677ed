// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.kernel;

/**
 * {@code refcount_t} with the v5.14 lib/refcount.c behaviour on misuse: the
 * count saturates at {@link #REFCOUNT_SATURATED} and stays there, and each
 * kind of misuse warns once per kernel.
 */
public final class Refcount {
    /** {@code REFCOUNT_SATURATED}: INT_MIN / 2. */
    public static final int REFCOUNT_SATURATED = Integer.MIN_VALUE / 2;

    private final Kernel kernel;
    private int refs;

    /** {@code refcount_set(r, initial)}. */
    public Refcount(Kernel kernel, int initial) {
        this.kernel = kernel;
        this.refs = initial;
    }

    /** The same count, in a copied kernel. */
    public Refcount copy(Kernel copiedKernel) {
        return new Refcount(copiedKernel, refs);
    }

    /** {@code refcount_read()}. */
    public int read() {
        return refs;
    }

    /** {@code refcount_inc()}. */
    public void inc() {
        int old = refs;
        refs = old + 1;
        if (old == 0) {
            warnSaturate(Misuse.ADD_UAF);
        } else if (old < 0 || old + 1 < 0) {
            warnSaturate(Misuse.ADD_OVF);
        }
    }

    /** {@code refcount_dec_and_test()}: true when this dropped the last reference. */
    public boolean decAndTest() {
        int old = refs;
        refs = old - 1;
        if (old == 1) {
            return true;
        }
        if (old < 0 || old - 1 < 0) {
            warnSaturate(Misuse.SUB_UAF);
        }
        return false;
    }

    /** {@code refcount_warn_saturate()}. */
    private void warnSaturate(Misuse misuse) {
        refs = REFCOUNT_SATURATED;
        kernel.warnOnce(misuse.name(), "refcount_t: " + misuse.message + ".");
    }

    /** The {@code enum refcount_saturation_type} cases page_pool can reach. */
    private enum Misuse {
        ADD_OVF("saturated; leaking memory"),
        ADD_UAF("addition on 0; use-after-free"),
        SUB_UAF("underflow; use-after-free");

        private final String message;

        Misuse(String message) {
            this.message = message;
        }
    }
}
