// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The app renders in software from the start when GTK's GDK_GL names
 * "disable" among its flags, as GLib reads them, unless the command line
 * chose a pipeline; otherwise JavaFX chooses.
 */
class GlDisabledTest {
    @ParameterizedTest(name = "GDK_GL=\"{0}\": {1}")
    @CsvSource(value = {"disable, true", "DISABLE, true", "software-draw:disable, true", "always;disable, true",
        "'always disable', true", "'always\tdisable', true", "always, false", "disabled, false", "'', false",
        "NULL, false", "all, true", "'all,disable', false"},
            nullValues = "NULL")
    void gdkGlDisableTurnsOpenGlOff(String gdkGl, boolean off) {
        assertThat(Launcher.glDisabled(gdkGl)).isEqualTo(off);
    }

    @Test
    void gdkGlDisableChoosesTheSoftwarePipeline() throws Exception {
        Properties props = new Properties();
        Launcher.renderer(AppOptions.parse(new String[0]), "disable", props);
        assertThat(props.getProperty("prism.order")).isEqualTo("sw");
        assertThat(props.getProperty("glass.platform")).as("a window, not headless").isNull();
    }

    @Test
    void withoutGdkGlJavaFxChooses() throws Exception {
        Properties props = new Properties();
        Launcher.renderer(AppOptions.parse(new String[0]), null, props);
        assertThat(props.getProperty("prism.order")).isNull();
    }

    @Test
    void aPipelineTheCommandLineChoseStays() throws Exception {
        Properties props = new Properties();
        props.setProperty("prism.order", "es2");
        Launcher.renderer(AppOptions.parse(new String[0]), "disable", props);
        assertThat(props.getProperty("prism.order")).isEqualTo("es2");
    }
}
