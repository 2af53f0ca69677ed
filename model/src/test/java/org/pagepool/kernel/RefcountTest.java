// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** refcount_t as v5.14 lib/refcount.c misbehaves: saturate at INT_MIN/2 and WARN_ONCE per kind. */
class RefcountTest {

    private static final String UNDERFLOW = "refcount_t: underflow; use-after-free.";
    private static final String ADD_ON_ZERO = "refcount_t: addition on 0; use-after-free.";
    private static final String SATURATED = "refcount_t: saturated; leaking memory.";

    private final Kernel kernel = new Kernel();

    @Test
    void saturationValueIsIntMinHalf() {
        assertThat(Refcount.REFCOUNT_SATURATED).isEqualTo(Integer.MIN_VALUE / 2);
        assertThat(Integer.toUnsignedLong(Refcount.REFCOUNT_SATURATED)).isEqualTo(3221225472L);
    }

    @Test
    void decAndTestIsTrueOnlyWhenTheLastReferenceGoes() {
        Refcount ref = new Refcount(kernel, 2);

        assertThat(ref.decAndTest()).isFalse();
        assertThat(ref.read()).isEqualTo(1);
        assertThat(ref.decAndTest()).isTrue();
        assertThat(ref.read()).isZero();
        assertThat(kernel.log().total()).isZero();
    }

    @Test
    void incCountsUpQuietly() {
        Refcount ref = new Refcount(kernel, 1);

        ref.inc();

        assertThat(ref.read()).isEqualTo(2);
        assertThat(kernel.log().total()).isZero();
    }

    @Test
    void decAndTestOnZeroSaturatesAndWarnsUnderflowOnce() {
        Refcount ref = new Refcount(kernel, 0);

        assertThat(ref.decAndTest()).isFalse();
        assertThat(ref.read()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(kernel.log().recent()).containsExactly(UNDERFLOW);

        // on the saturated count: underflow again, but WARN_ONCE stays quiet
        assertThat(ref.decAndTest()).isFalse();
        assertThat(ref.read()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(kernel.log().total()).isEqualTo(1);
    }

    @Test
    void incOnZeroSaturatesAndWarnsAdditionOnZero() {
        Refcount ref = new Refcount(kernel, 0);

        ref.inc();

        assertThat(ref.read()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(kernel.log().recent()).containsExactly(ADD_ON_ZERO);
    }

    @Test
    void incOnSaturatedWarnsLeakingMemoryAndStaysSaturated() {
        Refcount ref = new Refcount(kernel, 0);
        ref.decAndTest(); // saturated, underflow warned

        ref.inc();
        ref.inc();

        assertThat(ref.read()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(kernel.log().recent()).containsExactly(UNDERFLOW, SATURATED);
    }

    @Test
    void incPastIntMaxSaturates() {
        Refcount ref = new Refcount(kernel, Integer.MAX_VALUE);

        ref.inc();

        assertThat(ref.read()).isEqualTo(Refcount.REFCOUNT_SATURATED);
        assertThat(kernel.log().recent()).containsExactly(SATURATED);
    }

    @Test
    void eachKindWarnsOncePerKernelWhicheverRefcountMisbehaves() {
        Refcount a = new Refcount(kernel, 0);
        Refcount b = new Refcount(kernel, 0);
        Refcount c = new Refcount(kernel, 0);
        Refcount d = new Refcount(kernel, 0);

        a.decAndTest();
        b.decAndTest();
        c.inc();
        d.inc();
        a.inc();
        b.inc();

        assertThat(kernel.log().recent()).containsExactly(UNDERFLOW, ADD_ON_ZERO, SATURATED);
        assertThat(kernel.log().total()).isEqualTo(3);

        // another kernel warns afresh
        Kernel other = new Kernel();
        new Refcount(other, 0).decAndTest();
        assertThat(other.log().recent()).containsExactly(UNDERFLOW);
    }

    @Test
    void destroyTwiceSequenceOfGolden14() {
        Refcount users = new Refcount(kernel, 1);

        assertThat(users.decAndTest()).as("the last user").isTrue();
        assertThat(users.decAndTest()).as("destroy again").isFalse();
        users.inc(); // xdp_reg on the saturated count
        assertThat(users.decAndTest()).isFalse();

        assertThat(Integer.toUnsignedLong(users.read())).isEqualTo(3221225472L);
        assertThat(kernel.log().recent()).containsExactly(UNDERFLOW, SATURATED);
    }
}
