// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import org.pagepool.capture.Capture;

/**
 * One pool's life on the capture's timeline (immutable, ns since the capture
 * began): alive from {@code fromNs} to {@code destroyedNs} (or the end), then
 * its shutdown until {@code shutdownEndNs}: the kernel freed it then, or, when
 * {@code stalled}, it was still waiting for pages when the capture ended.
 *
 * @param label       the pool's name
 * @param fromNs      created or first seen (0 when no source gave a time)
 * @param destroyedNs destroyed or detached, or NO_TIME while it lived to the end
 * @param shutdownEndNs freed, or the capture's end; NO_TIME without a shutdown
 * @param stalled     the shutdown had not finished by the end
 * @param leaks       pages leaked
 */
public record LifetimeBar(String label, long fromNs, long destroyedNs, long shutdownEndNs, boolean stalled,
                          int leaks) {
    static LifetimeBar of(CapturedPool pool, long lengthNs) {
        long born = pool.bornNs() == Capture.NO_TIME ? 0 : Math.max(0, pool.bornNs());
        long destroyed = pool.destroyedNs() == Capture.NO_TIME ? Capture.NO_TIME : Math.max(born, pool.destroyedNs());
        long freed = pool.freedNs();
        long end = destroyed == Capture.NO_TIME ? Capture.NO_TIME : freed == Capture.NO_TIME ? lengthNs : freed;
        boolean stalled = pool.stall() != null || destroyed != Capture.NO_TIME && freed == Capture.NO_TIME;
        return new LifetimeBar(pool.label(), born, destroyed, end, stalled, pool.leakCount());
    }

    /** Where the pool's alive part ends: its destruction, or the capture's end. */
    long aliveUntil(long lengthNs) {
        return destroyedNs == Capture.NO_TIME ? lengthNs : destroyedNs;
    }
}
