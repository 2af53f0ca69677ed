// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pagepool.mm.Buddy.allocator;

import org.junit.jupiter.api.Test;

/** spec "fail alloc=N": the next N allocation calls fail; a bulk is one call; put_page is not one. */
class AllocFailureInjectionTest {

    @Test
    void singleCallsFailThenSucceed() {
        PageAllocator mm = allocator(16);
        mm.failNextAllocCalls(2);

        assertThat(mm.allocPagesNode(0, 0)).isZero();
        assertThat(mm.pendingAllocFailures()).isEqualTo(1);
        assertThat(mm.allocPagesNode(0, 3)).isZero();
        assertThat(mm.pendingAllocFailures()).isZero();
        assertThat(mm.freePages()).isEqualTo(16);

        assertThat(mm.allocPagesNode(0, 0)).isNotZero();
    }

    @Test
    void oneBulkCallUsesUpOneFailureAndFillsNothing() {
        PageAllocator mm = allocator(256);
        mm.failNextAllocCalls(1);
        int[] array = new int[64];

        assertThat(mm.allocPagesBulkArray(0, 64, array)).isZero();
        assertThat(array).containsOnly(PageRef.NULL);
        assertThat(mm.freePages()).isEqualTo(256);

        assertThat(mm.allocPagesBulkArray(0, 64, array)).as("the next bulk works").isEqualTo(64);
    }

    @Test
    void putPageDoesNotConsumeAFailure() {
        PageAllocator mm = allocator(16);
        int page = mm.allocPagesNode(0, 0);
        mm.failNextAllocCalls(1);

        mm.putPage(page);

        assertThat(mm.pendingAllocFailures()).isEqualTo(1);
    }

    @Test
    void settingTheCounterReplacesIt() {
        PageAllocator mm = allocator(16);
        mm.failNextAllocCalls(5);
        mm.failNextAllocCalls(1);

        assertThat(mm.pendingAllocFailures()).isEqualTo(1);
        assertThat(mm.allocPagesNode(0, 0)).isZero();
        assertThat(mm.allocPagesNode(0, 0)).isNotZero();
    }
}
