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

    /** A script that is not a file, read once into a temporary copy for the two passes; messages name it. */
    private int fromStream(Path path) {
        try (InputStream in = Files.newInputStream(path); StandardInputCopy copy = new StandardInputCopy(in)) {
            io.stop().watch();
            return RunCommand.run(copy.path(), file, io.out(), io.err(), io.stop());
        } catch (IOException e) {
            io.err().println("error: " + OutputFile.shown(file) + ": cannot read: " + e.getMessage());
            return 2;
        }
    }

    /**
     * {@code run -}: the script is checked whole before anything runs and then run as it is read
     * again ({@link RunCommand}), so standard input is kept in a temporary file for the two passes.
     */
    private int fromStandardInput() {
        try (StandardInputCopy copy = new StandardInputCopy(io.in())) {
            io.stop().watch();
            return RunCommand.run(copy.path(), StandardInputCopy.NAME, io.out(), io.err(), io.stop());
        } catch (IOException e) {
            io.err().println("error: " + StandardInputCopy.cannotRead(e));
            return 2;
        }
    }
}
