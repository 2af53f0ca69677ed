// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * What a command talks to: its input ({@code run -} reads a script from it),
 * its output, its error stream, the stop signal (Ctrl-C), and whether it may
 * show progress on the error stream.
 */
record Io(InputStream in, PrintStream out, PrintStream err, StopSignal stop, boolean progress) {
    /** For tests and embedding: nothing to read, no signal handling, no progress. */
    static Io of(PrintStream out, PrintStream err) {
        return of(InputStream.nullInputStream(), out, err);
    }

    /** For tests and embedding: {@code in} to read, no signal handling, no progress. */
    static Io of(InputStream in, PrintStream out, PrintStream err) {
        return new Io(in, out, err, StopSignal.never(), false);
    }
}
