// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({"12, 12", "0.5, 0.5", "2e6, 2000000", "2E+6, 2000000", "1.5e-3, 0.0015", "007, 7", "0, 0"})
    void acceptsTheDocumentedForms(String text, double value) throws Exception {
        assertThat(Numbers.number(text, false)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1f", "0x1p-3", "0x10", "NaN", "Infinity", "+1", ".5", "5.", "1e", "1e+", "1_000",
        " 1", "1 ", "", "-", "1.2.3", "١٢"})
    void refusesEverythingElse(String text) {
        assertThatThrownBy(() -> Numbers.number(text, true)).isInstanceOf(Numbers.BadNumber.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void aMinusSignOnlyWhereAllowedEvenForZero() throws Exception {
        assertThat(Numbers.number("-3", true)).isEqualTo(-3);
        assertThatThrownBy(() -> Numbers.number("-0", false)).hasMessageContaining("no minus sign");
    }

    @Test
    void overflowAndUnderflowAreRefusedNotRounded() throws Exception {
        assertThatThrownBy(() -> Numbers.number("1e400", false)).hasMessageContaining("too large");
        assertThatThrownBy(() -> Numbers.number("1e-400", false)).hasMessageContaining("too small");
        assertThat(Numbers.number("0e-400", false)).isZero();
        assertThat(Numbers.number("0.000", false)).isZero();
    }

    @Test
    void aHugeTextIsRefusedAtOnceAndQuotedShort() {
        String megabyte = "1".repeat(1 << 20) + "x";
        assertThatThrownBy(() -> Numbers.number(megabyte, false))
                .hasMessageContaining("1048577 characters").hasMessageContaining("…")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(120));
    }

    @ParameterizedTest
    @CsvSource({"10M, 10000000", "2k, 2000", "2K, 2000", "1.5G, 1500000000", "7, 7"})
    void quantitiesTakeAMultiplier(String text, double value) throws Exception {
        assertThat(Numbers.quantity(text, false)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"130s, 130e9", "2.5ms, 2500000", "100 ms, 100000000", "5us, 5000", "5µs, 5000", "7ns, 7",
        "2min, 120e9", "1e3ms, 1e9"})
    void timesNeedAUnit(String text, double ns) throws Exception {
        assertThat(Numbers.timeNs(text)).isEqualTo(ns);
    }

    @Test
    void aTimeWithoutAUnitOrWithAnUnknownOneSaysWhichUnitsThereAre() {
        assertThatThrownBy(() -> Numbers.timeNs("100")).hasMessageContaining("needs a unit")
                .hasMessageContaining(Numbers.UNIT_NAMES);
        assertThatThrownBy(() -> Numbers.timeNs("100 minutes")).hasMessageContaining("unknown time unit \"minutes\"")
                .hasMessageContaining(Numbers.UNIT_NAMES);
        assertThatThrownBy(() -> Numbers.timeNs("ms")).hasMessageContaining("not a time");
        assertThatThrownBy(() -> Numbers.timeNs("-5ms")).hasMessageContaining("no minus sign");
        assertThatThrownBy(() -> Numbers.timeNs("1d")).hasMessageContaining("unknown time unit \"d\"");
    }

    @ParameterizedTest
    @CsvSource({"ns, true", "us, true", "µs, true", "ms, true", "s, true", "min, true", "m, false", "sec, false",
        "minutes, false", "MS, false"})
    void theTimeUnitsAreKnownByName(String unit, boolean known) {
        assertThat(Numbers.isTimeUnit(unit)).isEqualTo(known);
    }

    @ParameterizedTest
    @CsvSource({"0, 0ns", "7, 7ns", "1500, 1500ns", "2000, 2us", "1000000, 1ms", "1000000000, 1s", "90000000000, 90s",
        "120000000000, 2min", "1000000000000000, 1000000s"})
    void aTimeIsWrittenInTheLargestWholeUnit(long ns, String text) {
        assertThat(Numbers.formatTime(ns)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"42, true", "-7, true", "0, true", "123456789012345678, true", "-123456789012345678, true",
        "1234567890123456789, false", "'', false", "-, false", "4.2, false", "1e3, false", "+5, false", "12k, false",
        "' 1', false"})
    void aSeedIsAWholeNumberOfAtMost18Digits(String text, boolean seed) {
        assertThat(Numbers.isSeed(text)).as(text).isEqualTo(seed);
    }
}
