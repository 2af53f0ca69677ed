// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

/** A line of a {@code .pool} script that does not follow the format: nothing of the script runs. */
public final class ScriptSyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ScriptSyntaxError(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The 1-based line number, 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
