// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The heap guard turns after a collection that leaves the tenured heap above
 * its share, through the JVM's notice or when asked, and leaves the JVM's
 * threshold as it found it. (A test JVM's live data is a small share of its
 * heap: a guard at a tiny share turns, one at 90 % does not.)
 */
class HeapGuardTest {
    /** Bounds the wait for the JVM's notification thread; not a timing assertion. */
    private static final long NOTICE_DEADLINE_NS = 20_000_000_000L;
    /** Live data that survives the collection into the tenured pool. */
    private static byte[] ballast;

    @Test
    void aGuardAtATinyShareTurnsAfterACollection() {
        ballast = new byte[1 << 20];
        try (HeapGuard guard = HeapGuard.start(1e-9)) {
            System.gc();
            assertThat(guard.checkNow()).isTrue();
            assertThat(guard.low()).isTrue();
            assertThat(guard.describe()).matches("\\d+ MB of the \\d+ MB heap in use after a collection");
        }
        assertThat(ballast).hasSize(1 << 20);
    }

    @Test
    void theJvmsNoticeTurnsTheGuardWithoutAsking() {
        ballast = new byte[1 << 20];
        try (HeapGuard guard = HeapGuard.start(1e-9)) {
            long start = System.nanoTime();
            System.gc();
            while (!guard.low() && System.nanoTime() - start < NOTICE_DEADLINE_NS) {
                LockSupport.parkNanos(1_000_000L);
                System.gc(); // a notice comes after a collection
            }
            assertThat(guard.low()).as("turned by the notification").isTrue();
        }
    }

    @Test
    void aGuardAtNinetyPercentStaysQuietWhileTheHeapHasRoom() {
        try (HeapGuard guard = HeapGuard.start()) {
            System.gc();
            assertThat(guard.checkNow()).isFalse();
            assertThat(guard.low()).isFalse();
        }
    }

    @Test
    void closingTheLastGuardSwitchesTheThresholdOffAndTheLowestOpenOneWins() {
        MemoryPoolMXBean tenured = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.isCollectionUsageThresholdSupported() && p.getUsage().getMax() > 0)
                .max((a, b) -> Long.compare(a.getUsage().getMax(), b.getUsage().getMax())).orElseThrow();
        long max = tenured.getUsage().getMax();
        HeapGuard high = HeapGuard.start(0.9);
        HeapGuard lower = HeapGuard.start(0.5);
        assertThat(tenured.getCollectionUsageThreshold()).isEqualTo((long) (max * 0.5));
        lower.close();
        assertThat(tenured.getCollectionUsageThreshold()).isEqualTo((long) (max * 0.9));
        high.close();
        assertThat(tenured.getCollectionUsageThreshold()).isZero();
        high.close(); // twice is harmless
        assertThat(tenured.getCollectionUsageThreshold()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> HeapGuard.start(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeapGuard.start(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeapGuard.start(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
