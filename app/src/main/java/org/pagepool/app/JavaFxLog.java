// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * JavaFX's own log. JavaFX warns at every start that it was loaded from the
 * class path, which is how a single runnable jar loads it; the warning asks
 * nothing of the user and would stand before the app's one-line messages on
 * standard error, so it is left out. Every other JavaFX message stays.
 */
final class JavaFxLog {
    /** Held here: a logger nobody references may be collected, and its filter with it. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration: classes were loaded from";

    private JavaFxLog() {
    }

    /** Installs the filter; call before JavaFX starts. */
    static void leaveOutClassPathWarning() {
        JAVAFX.setFilter(filter());
    }

    static Filter filter() {
        return rec -> rec.getMessage() == null || !rec.getMessage().startsWith(CLASS_PATH_WARNING);
    }
}
