// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The headless command line: {@code run FILE.pool} prints a script's trace.
 * Errors are one line on standard error and exit status 2, never a stack trace.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "PagePool model: the Linux v5.14 page_pool allocator, in Java.",
            "",
            "usage: java -jar pagepool-model.jar run FILE.pool",
            "         run a .pool script and print its trace (exit 0; 1 when an expect fails; 2 on an error)",
            "       java -jar pagepool-model.jar workload --preset FILE [--packets N | --seconds S] [--seed S]",
            "                 [--record OUT.pool] [--csv OUT.csv --every MS]",
            "         run a workload preset headless, as fast as possible, and print its counters;",
            "         --record writes the pool calls as a .pool script, --csv the counters every MS simulated ms",
            "       java -jar pagepool-model.jar --help",
            "         show this help",
            "");

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, out, err);
        } catch (RuntimeException | Error e) {
            out.flush();
            err.println("error: internal error: " + e);
            status = 2;
        }
        out.flush();
        System.exit(status);
    }

    /** Runs one command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String verb = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (verb) {
            case "--help":
            case "-h":
            case "help":
                out.print(USAGE);
                return 0;
            case "run":
                return RunCommand.run(rest, out, err);
            case "workload":
                return WorkloadCommand.run(rest, out, err);
            case "import": return ImportCommand.run(rest, out, err);
            default:
                err.println("error: unknown command \"" + verb + "\" (try --help)");
                return 2;
        }
    }
}
