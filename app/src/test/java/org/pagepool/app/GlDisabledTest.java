// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The app renders in software from the start when GTK's GDK_GL names "disable" among its flags, as GTK reads them. */
class GlDisabledTest {
    @ParameterizedTest(name = "GDK_GL=\"{0}\": {1}")
    @CsvSource(value = {"disable, true", "DISABLE, true", "software-draw:disable, true", "always;disable, true",
        "'always disable', true", "'always\tdisable', true", "always, false", "disabled, false", "'', false",
        "NULL, false", "all, true", "'all,disable', false"},
            nullValues = "NULL")
    void gdkGlDisableTurnsOpenGlOff(String gdkGl, boolean off) {
        assertThat(Launcher.glDisabled(gdkGl)).isEqualTo(off);
    }
}
