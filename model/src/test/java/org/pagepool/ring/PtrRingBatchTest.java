// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.ring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ptr_ring_init(): batch = 2 * 64 / 8 = 16, or 1 when 16 > size / 2. */
class PtrRingBatchTest {

    @ParameterizedTest(name = "size {0} -> batch {1}")
    @CsvSource({
        "1, 1", "2, 1", "4, 1", "8, 1", "31, 1",
        "32, 16", "33, 16", "64, 16", "1024, 16", "32768, 16"
    })
    void batchDependsOnTheSize(int size, int batch) {
        assertThat(new PtrRing(size).batch()).isEqualTo(batch);
        assertThat(PtrRing.DEFAULT_BATCH).isEqualTo(16);
    }
}
