// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

/**
 * Input that cannot be read: a file that cannot be opened, or a line that is
 * not what its format says it must be. Carries the file as the user named it
 * and the line (0 when the problem is not on one line).
 */
public final class CaptureException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;

    public CaptureException(String file, long line, String message) {
        super(message, null, false, false);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The line number, 1 for the first line; 0 when the message is about the whole file. */
    public long line() {
        return line;
    }

    /** {@code file:line: message}, or {@code file: message} without a line; control characters in the name escaped. */
    public String located() {
        return Show.fileName(file) + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
