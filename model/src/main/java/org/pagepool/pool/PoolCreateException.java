// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

/** {@code page_pool_create()} returned {@code ERR_PTR(-errno)}. */
public final class PoolCreateException extends Exception {
    private static final long serialVersionUID = 1L;

    public static final int EINVAL = 22;
    public static final int E2BIG = 7;
    public static final int ENOMEM = 12;

    private final int errno;

    PoolCreateException(int errno) {
        super("page_pool_create() gave up with errno -" + errno, null, false, false);
        this.errno = errno;
    }

    /** The positive errno (22 for EINVAL). */
    public int errno() {
        return errno;
    }

    /** The errno's symbolic name. */
    public String errnoName() {
        switch (errno) {
            case EINVAL: return "EINVAL";
            case E2BIG: return "E2BIG";
            case ENOMEM: return "ENOMEM";
            default: return "E" + errno;
        }
    }
}
