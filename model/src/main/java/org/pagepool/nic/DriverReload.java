// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.nic;

import org.pagepool.mm.PageRef;
import org.pagepool.pool.PagePoolParams;

/**
 * A driver's reload or unload ({@code ip link set down/up}, {@code ethtool -G},
 * a new XDP program): what was asked for, and the teardown that carries it
 * out at the next poll boundary, one step of at most one pool call at a
 * time: every RX descriptor's page back to the pool, every TX frame back to
 * its owner, the XDP memory model's reference and the driver's own
 * {@code page_pool_destroy()}, then the new pool and rings (none for an
 * unload). Single-threaded, owned by its {@link Driver}.
 */
final class DriverReload {
    private enum Stage { TEARDOWN_RX, TEARDOWN_TX, DESTROY_XDP, DESTROY, CREATE }

    private boolean pending;
    /** The pool to create, or null for an unload. */
    private PagePoolParams nextPool;
    private int nextRx;
    private int nextTx;
    /** Where the teardown is, null when none runs. */
    private Stage stage;
    private int index;

    DriverReload() {
    }

    private DriverReload(DriverReload o) {
        pending = o.pending;
        nextPool = o.nextPool;
        nextRx = o.nextRx;
        nextTx = o.nextTx;
        stage = o.stage;
        index = o.index;
    }

    DriverReload copy() {
        return new DriverReload(this);
    }

    /** Asks for a reload into a pool of {@code params} and rings of the given sizes; null params unload. */
    void request(PagePoolParams params, int rxRing, int txRing) {
        pending = true;
        nextPool = params;
        nextRx = rxRing;
        nextTx = txRing;
    }

    /** True while a reload was asked for and has not started. */
    boolean pending() {
        return pending;
    }

    /** Starts the teardown: from the rings when the device has a pool, else straight to creating one. */
    void start(boolean hasPool) {
        pending = false;
        index = 0;
        stage = hasPool ? Stage.TEARDOWN_RX : Stage.CREATE;
    }

    /** Runs the teardown's next step on {@code driver}; returns the {@link Driver} flags of what happened. */
    int step(Driver driver) {
        switch (stage) {
            case TEARDOWN_RX:
                RxRing rx = driver.rx();
                while (index < rx.size()) {
                    int page = rx.drain(index++);
                    if (page != PageRef.NULL) {
                        driver.returnPage(page, driver.pool());
                        return Driver.KERNEL_CALL;
                    }
                }
                stage = Stage.TEARDOWN_TX;
                return 0;
            case TEARDOWN_TX:
                if (driver.tx().count() > 0) {
                    int page = driver.tx().dequeue();
                    driver.returnPage(page, driver.owner(page));
                    return Driver.KERNEL_CALL;
                }
                stage = Stage.DESTROY_XDP;
                return 0;
            case DESTROY_XDP:
                driver.destroyPool(false); // xdp_rxq_info_unreg(): the memory model lets go
                stage = Stage.DESTROY;
                return Driver.KERNEL_CALL;
            case DESTROY:
                driver.destroyPool(true); // the driver's own page_pool_destroy()
                stage = Stage.CREATE;
                return Driver.KERNEL_CALL;
            default:
                stage = null;
                if (nextPool == null) {
                    driver.down(true);
                    return 0;
                }
                driver.reopen(nextPool, nextRx, nextTx);
                return Driver.KERNEL_CALL;
        }
    }
}
