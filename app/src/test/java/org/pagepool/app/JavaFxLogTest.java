// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Only JavaFX's class-path warning is left out of its log. */
class JavaFxLogTest {
    private final Filter filter = JavaFxLog.filter();

    @Test
    void theClassPathWarningIsLeftOut() {
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @5f3f7cad'"))).isFalse();
    }

    @Test
    void everyOtherMessageStays() {
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "Could not find stylesheet: x.css"))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.SEVERE, null))).isTrue();
    }
}
