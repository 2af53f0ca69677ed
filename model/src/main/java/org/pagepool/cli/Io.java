// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;

/**
 * What a command talks to: its output, its error stream, the stop signal
 * (Ctrl-C), and whether it may show progress on the error stream.
 */
record Io(PrintStream out, PrintStream err, StopSignal stop, boolean progress) {
    /** For tests and embedding: no signal handling, no progress. */
    static Io of(PrintStream out, PrintStream err) {
        return new Io(out, err, StopSignal.never(), false);
    }
}
