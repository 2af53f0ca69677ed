// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. A {@link PrintStream}
 * swallows errors; {@link Main} asks {@link #checkError()} once the command
 * is done and reports {@code error: stdout: REASON} with exit status 2.
 */
final class Stdout extends PrintStream {
    private final FailureRecorder recorder;

    private Stdout(FailureRecorder recorder) {
        super(new BufferedOutputStream(recorder, 1 << 16), false, StandardCharsets.UTF_8);
        this.recorder = recorder;
    }

    /** The process's standard output, buffered. */
    static Stdout system() {
        return over(new FileOutputStream(FileDescriptor.out));
    }

    /** Any stream as standard output (tests). */
    static Stdout over(OutputStream out) {
        return new Stdout(new FailureRecorder(out));
    }

    /** Why a write failed, when one did; "write error" when a stream gave no reason. */
    static String reason(PrintStream out) {
        if (out instanceof Stdout stdout && stdout.recorder.failure() != null) {
            return FailureRecorder.reason(stdout.recorder.failure());
        }
        return "write error";
    }
}
