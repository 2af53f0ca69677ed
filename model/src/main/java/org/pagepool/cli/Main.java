// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The headless command line, on picocli: {@code run FILE.pool} prints a
 * script's trace, {@code workload ...} runs a preset. Errors are one line on
 * standard error ({@code error: FILE:LINE: message}, {@code error: VERB: ...}
 * for the command line itself) and exit status 2, never a stack trace; a
 * failed {@code expect} exits 1. A write to standard output that failed is an
 * error too ({@code error: stdout: No space left on device}).
 */
@Command(name = "java -jar pagepool-model.jar", sortOptions = false,
        description = "PagePool model: the Linux v5.14 page_pool allocator, in Java.",
        synopsisSubcommandLabel = "(run | workload | import | help)",
        footer = {"", "Run 'java -jar pagepool-model.jar VERB --help' for a verb's options."})
public final class Main implements Callable<Integer> {
    private final Io io;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    private Main(Io io) {
        this.io = io;
    }

    /** The command line and its verbs: a new verb is one line here (and its class). */
    static CommandLine commandLine(Io io) {
        CommandLine line = new CommandLine(new Main(io));
        line.addSubcommand(new RunVerb(io));
        line.addSubcommand(new WorkloadVerb(io));
        line.addSubcommand(new ImportVerb(io));
        line.addSubcommand(new CommandLine.HelpCommand());
        line.setExpandAtFiles(false); // "@file" is a file name, not a list of arguments
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.setOut(new PrintWriter(io.out(), true));
        line.setErr(new PrintWriter(io.err(), true));
        line.setParameterExceptionHandler((e, args) -> {
            io.err().println("error: " + UsageErrors.message(e));
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // a bug: one line, as main() says it of an Error (thrown on, picocli would print the stack trace)
            io.out().flush();
            io.err().println("error: internal error: " + e);
            return 2;
        });
        return line;
    }

    /** Without a verb: the usage, on standard error, and exit status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(io.err(), CommandLine.Help.Ansi.OFF);
        return 2;
    }

    public static void main(String[] args) {
        Stdout out = Stdout.system();
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        StopSignal stop = StopSignal.onShutdown();
        int status;
        try {
            status = run(args, new Io(System.in, out, err, stop, Progress.stderrIsTerminal()));
        } catch (RuntimeException | Error e) {
            out.flush();
            err.println("error: internal error: " + e);
            status = 2;
        }
        stop.finished();
        System.exit(status);
    }

    /** Runs one command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Io.of(out, err));
    }

    static int run(String[] args, Io io) {
        int status = commandLine(io).execute(args);
        if (io.out().checkError()) { // flushes, and tells whether any write failed
            io.err().println("error: stdout: " + Stdout.reason(io.out()));
            return 2;
        }
        return status;
    }
}
