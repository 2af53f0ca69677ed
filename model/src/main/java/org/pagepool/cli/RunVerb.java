// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run FILE.pool}: the verb's command line; {@link RunCommand} runs the script. */
@Command(name = "run", sortOptions = false,
        description = {"Run a .pool script and print its trace, one line per command.",
            "Exit status: 0; 1 when an expect line fails; 2 on an error (error: FILE:LINE: message)."})
final class RunVerb implements Callable<Integer> {
    private final Io io;

    /** The name {@code run -} gives standard input in its messages, as compilers do. */
    static final String STDIN_NAME = "<stdin>";

    @Parameters(paramLabel = "FILE.pool", arity = "1", description = "the script (- reads it from standard input)")
    String file;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    RunVerb(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (file.equals("-")) {
            return fromStandardInput();
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            io.err().println("error: " + OutputFile.shown(file) + ": cannot open: not a valid file name");
            return 2;
        }
        io.stop().watch(); // a Ctrl-C waits for the trace to end at a whole line
        return RunCommand.run(path, file, io.out(), io.err(), io.stop());
    }

    /**
     * {@code run -}: the script is checked whole before anything runs and then run as it is read
     * again ({@link RunCommand}), so standard input is kept in a temporary file for the two passes.
     */
    private int fromStandardInput() {
        Path copy = null;
        try {
            copy = Files.createTempFile("pagepool-stdin", ".pool");
            Files.copy(io.in(), copy, StandardCopyOption.REPLACE_EXISTING);
            io.stop().watch();
            return RunCommand.run(copy, STDIN_NAME, io.out(), io.err(), io.stop());
        } catch (IOException e) {
            io.err().println("error: " + STDIN_NAME + ": cannot read: " + e.getMessage());
            return 2;
        } finally {
            if (copy != null) {
                copy.toFile().delete(); // a temporary file: nothing to report if it is gone already
            }
        }
    }
}
