// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pagepool.mm.HeapGuard;
import org.pagepool.script.Command;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptFiles;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.ScriptSyntaxError;
import org.pagepool.script.StepResult;

/** {@code run FILE.pool}: the script's trace on stdout, errors on stderr, exit 0, 1 or 2 as the spec says. */
final class RunCommand {
    /** The exit status of a run stopped by Ctrl-C (as the shell reports a SIGINT). */
    static final int INTERRUPTED = 130;

    private RunCommand() {
    }

    /**
     * Runs the script at {@code path}; messages name it {@code file}, the path
     * as the user gave it. The spec wants the whole script parsed before
     * anything runs, and memory must not grow with the script's length: so
     * one streaming pass checks every line, and a second parses and runs.
     */
    static int run(Path path, String file, PrintStream out, PrintStream err) {
        return run(path, file, out, err, () -> false);
    }

    /** As {@link #run(Path, String, PrintStream, PrintStream)}, ending at a whole line when {@code stop} says so. */
    static int run(Path path, String file, PrintStream out, PrintStream err, BooleanSupplier stop) {
        if (file.isEmpty()) {
            err.println("error: no script file was given (run FILE.pool)");
            return 2;
        }
        try {
            ScriptFiles.check(path);
        } catch (ScriptFiles.UnreadableFile e) {
            return unreadable(file, e, err);
        } catch (ScriptSyntaxError e) {
            err.println("error: " + file + ":" + e.line() + ": " + e.getMessage());
            return 2;
        }
        try (HeapGuard heap = HeapGuard.start()) {
            return runChecked(path, file, out, err, heap, stop);
        }
    }

    private static int runChecked(Path path, String file, PrintStream out, PrintStream err, HeapGuard heap,
                                  BooleanSupplier stop) {
        TraceWriter trace = new TraceWriter(file, out, err, heap, stop);
        try {
            ScriptFiles.forEachCommand(path, trace::run);
        } catch (ScriptFiles.UnreadableFile e) {
            trace.flush();
            return unreadable(file, e, err);
        } catch (ScriptSyntaxError e) {
            // the file changed between the two passes
            trace.flush();
            err.println("error: " + file + ":" + e.line() + ": " + e.getMessage());
            return 2;
        }
        trace.flush();
        return trace.exitStatus();
    }

    private static int unreadable(String file, ScriptFiles.UnreadableFile e, PrintStream err) {
        err.println("error: " + file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
        return 2;
    }

    /** Runs commands as they are read and prints the trace, buffered; the first error stops it. */
    private static final class TraceWriter {
        private final String file;
        private final PrintStream out;
        private final PrintStream err;
        private final HeapGuard heap;
        private final BooleanSupplier stop;
        private ScriptRunner runner = new ScriptRunner(new Script("", List.of(), List.of()));
        private final StringBuilder buffer = new StringBuilder(1 << 16);
        private int exitStatus;

        TraceWriter(String file, PrintStream out, PrintStream err, HeapGuard heap, BooleanSupplier stop) {
            this.file = file;
            this.out = out;
            this.err = err;
            this.heap = heap;
            this.stop = stop;
            runner.printMessagesTo(this::message);
        }

        /** A kernel line, printed as it comes: a step may print millions. */
        private void message(String text) {
            buffer.append("! ").append(text).append('\n');
            if (buffer.length() > 1 << 16) {
                out.append(buffer);
                buffer.setLength(0);
            }
        }

        boolean run(Command command) {
            StepResult step;
            try {
                step = runner.run(command);
            } catch (OutOfMemoryError e) {
                runner = null; // let the model go before printing
                return outOfHeap(command.line(), "ran out of Java heap while running this line");
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in the model: keep the trace so far, then say where it broke
                flush();
                err.println("error: " + file + ":" + command.line() + ": internal error in the model: " + e);
                exitStatus = 2;
                return false;
            }
            if (step.outcome() != StepResult.Outcome.OK) {
                flush();
                boolean expect = step.outcome() == StepResult.Outcome.EXPECT_FAILED;
                err.println((expect ? "expect failed: " : "error: ") + file + ":" + step.line() + ": "
                        + step.error());
                exitStatus = expect ? 1 : 2;
                return false;
            }
            buffer.append(step.traceLine()).append('\n');
            if (buffer.length() > 1 << 16) {
                out.append(buffer);
                buffer.setLength(0);
            }
            if (stop.getAsBoolean()) {
                // Ctrl-C or SIGTERM: the trace so far, whole lines, and where it stopped
                flush();
                err.println("stopped when interrupted, after " + file + ":" + command.line());
                exitStatus = INTERRUPTED;
                return false;
            }
            if (heap.low()) {
                // stop while there is room to say so, not minutes later in a thrashing collector
                return outOfHeap(command.line(), "has filled the Java heap (" + heap.describe() + ") after this line");
            }
            return true;
        }

        private boolean outOfHeap(int line, String what) {
            flush();
            err.println("error: " + file + ":" + line + ": the model " + what + ": give the script"
                    + " fewer pages (memory pages=...) or Java a larger heap (java -Xmx" + suggestedHeapMb()
                    + "m -jar ...); the trace above is complete up to here");
            exitStatus = 2;
            return false;
        }

        private static long suggestedHeapMb() {
            return Math.max(512, (HeapGuard.maxHeapBytes() >> 20) * 2);
        }

        void flush() {
            out.append(buffer);
            buffer.setLength(0);
            out.flush();
        }

        int exitStatus() {
            return exitStatus;
        }
    }
}
