// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.List;

/**
 * What one script line did: the kernel lines it printed, its result and the
 * state after it; or why the run stopped there. Immutable.
 *
 * @param result the result word(s) of the trace line; null when the line failed
 * @param error  a run-time error or failed expect (without the file:line prefix); null when it ran
 */
public record StepResult(int line, String word, List<String> kernelMessages, String result, State state,
                         Outcome outcome, String error) {

    /** How a step ended. */
    public enum Outcome {
        /** The line ran. */
        OK,
        /** An {@code expect} did not hold: the run stops, exit status 1. */
        EXPECT_FAILED,
        /** A run-time error: the run stops, exit status 2. */
        ERROR
    }

    public StepResult {
        kernelMessages = List.copyOf(kernelMessages);
    }

    /** {@code <line> <word> -> <result> | <state>}; only for a step that ran. */
    public String traceLine() {
        return line + " " + word + " -> " + result + " | " + state.format();
    }
}
