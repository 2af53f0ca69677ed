// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;
import org.pagepool.script.Script;
import org.pagepool.script.ScriptFiles;
import org.pagepool.script.ScriptRunner;
import org.pagepool.script.ScriptSyntaxError;
import org.pagepool.script.StepResult;

/** {@code run FILE.pool}: the script's trace on stdout, errors on stderr, exit 0, 1 or 2 as the spec says. */
final class RunCommand {
    private RunCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println(args.length == 0 ? "error: run needs a script: run FILE.pool"
                    : "error: run takes one script, not " + args.length + " arguments");
            return 2;
        }
        return run(java.nio.file.Path.of(args[0]), args[0], out, err);
    }

    /** Runs the script at {@code path}; messages name it {@code file}, the path as the user gave it. */
    static int run(java.nio.file.Path path, String file, PrintStream out, PrintStream err) {
        Script script;
        try {
            script = ScriptFiles.load(path, file);
        } catch (ScriptFiles.UnreadableFile e) {
            err.println("error: " + file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
            return 2;
        } catch (ScriptSyntaxError e) {
            err.println("error: " + file + ":" + e.line() + ": " + e.getMessage());
            return 2;
        }
        ScriptRunner runner = new ScriptRunner(script);
        StringBuilder buffer = new StringBuilder(1 << 16);
        while (runner.hasNext()) {
            StepResult step;
            int line = runner.peek().line();
            try {
                step = runner.step();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // a bug in the model: keep the trace so far, then say where it broke
                out.append(buffer);
                out.flush();
                err.println("error: " + file + ":" + line + ": internal error in the model: " + e);
                return 2;
            }
            for (String message : step.kernelMessages()) {
                buffer.append("! ").append(message).append('\n');
            }
            if (step.outcome() != StepResult.Outcome.OK) {
                out.append(buffer);
                out.flush();
                boolean expect = step.outcome() == StepResult.Outcome.EXPECT_FAILED;
                err.println((expect ? "expect failed: " : "error: ") + file + ":" + step.line() + ": "
                        + step.error());
                return expect ? 1 : 2;
            }
            buffer.append(step.traceLine()).append('\n');
            if (buffer.length() > 1 << 16) {
                out.append(buffer);
                buffer.setLength(0);
            }
        }
        out.append(buffer);
        out.flush();
        return 0;
    }
}
