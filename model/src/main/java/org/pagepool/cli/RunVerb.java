// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

    @Parameters(paramLabel = "FILE.pool", arity = "1", description = "the script (- reads it from standard input)")
    String file;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    RunVerb(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (file.equals(StandardInputCopy.ARGUMENT)) {
            return fromStandardInput();
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            io.err().println("error: " + OutputFile.shown(file) + ": cannot open: not a valid file name");
            return 2;
        }
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            return fromStream(path); // a pipe or a FIFO (/dev/stdin, <(...)): it can be read only once
        }
        io.stop().watch(); // a Ctrl-C waits for the trace to end at a whole line
        return RunCommand.run(path, file, io.out(), io.err(), io.stop());
    }

    /** A pipe or FIFO named as the script: read once, as standard input is; messages name it as given. */
    private int fromStream(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return runCopyOf(in, file);
        } catch (IOException e) {
            io.err().println("error: " + OutputFile.shown(file) + ": cannot read: " + e.getMessage());
            return 2;
        }
    }

    /** {@code run -}: standard input, named {@value StandardInputCopy#NAME} in messages. */
    private int fromStandardInput() {
        try {
            return runCopyOf(io.in(), StandardInputCopy.NAME);
        } catch (IOException e) {
            io.err().println("error: " + StandardInputCopy.cannotRead(e));
            return 2;
        }
    }

    /**
     * The script is checked whole before anything runs and then run as it is read again
     * ({@link RunCommand}), so input that can be read only once is kept in a temporary file for the
     * two passes.
     */
    private int runCopyOf(InputStream in, String name) throws IOException {
        try (StandardInputCopy copy = new StandardInputCopy(in)) {
            io.stop().watch();
            return RunCommand.run(copy.path(), name, io.out(), io.err(), io.stop());
        }
    }
}
