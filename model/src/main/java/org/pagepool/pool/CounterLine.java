// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pool;

import java.util.List;

/** Counters as one line of {@code name=value} pairs, as the trace and the command line print them. */
public final class CounterLine {
    private CounterLine() {
    }

    public static String format(List<String> names, long[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(names.get(i)).append('=').append(values[i]);
        }
        return line.toString();
    }
}
