// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.view;

import java.util.List;

/**
 * A script being stepped through: its text, the line that ran last (0
 * before the first), the next one, and the trace so far. Immutable.
 *
 * @param trace every output line so far, kernel messages ({@code ! }) included
 * @param error the error or failed expect that stopped it, or null
 */
public record ScriptView(String file, List<String> source, int lastLine, int nextLine, List<String> trace,
                         String error) {
    /** The simulated time a script line stands for: at speed 1 a script plays two lines a second. */
    public static final long LINE_NS = 500_000_000L;

    public ScriptView {
        source = List.copyOf(source);
        trace = List.copyOf(trace);
    }

    /** The trace line of the line that ran last, or "" before the first. */
    public String lastTraceLine() {
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (!trace.get(i).startsWith("! ")) {
                return trace.get(i);
            }
        }
        return "";
    }
}
