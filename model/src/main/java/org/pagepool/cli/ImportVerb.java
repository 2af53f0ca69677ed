// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import PATH...}: the verb's command line; {@link ImportCommand} reads the captures and reports. */
@Command(name = "import", sortOptions = false,
        description = {"Read what a real machine reported about its page pools and report each pool.",
            "Reads tracepoint text, dmesg, ethtool -S samples and netlink dumps: files or a capture directory.",
            "Exit status: 0; 2 on an error (error: FILE:LINE: message)."})
final class ImportVerb implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "capture files or directories (- reads one file from standard input)")
    List<String> names;

    @Option(names = "--json", description = "the report as JSON")
    boolean json;

    @Option(names = "--simulate", paramLabel = "OUT.workload",
            description = "also write a workload preset derived from the capture, with what it estimated and"
                    + " what it defaulted in its comments")
    String simulate;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    ImportVerb(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!names.contains(StandardInputCopy.ARGUMENT)) {
            return run(null);
        }
        try (StandardInputCopy stdin = new StandardInputCopy(io.in())) {
            return run(stdin);
        } catch (IOException e) {
            io.err().println("error: " + StandardInputCopy.cannotRead(e));
            return 2;
        }
    }

    /** Reads the captures; {@code -} among them is {@code stdin}'s copy (null when not given). */
    private int run(StandardInputCopy stdin) {
        List<Path> paths = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (String given : names) {
            if (given.isEmpty()) { // Path.of("") is the working directory, which was never asked for
                io.err().println("error: import: a PATH is empty (import PATH...)");
                return 2;
            }
            boolean isStdin = given.equals(StandardInputCopy.ARGUMENT);
            String name = isStdin ? StandardInputCopy.NAME : given;
            try {
                Path path = isStdin ? stdin.path() : Path.of(given);
                if (read.stream().noneMatch(before -> SamePath.same(before, name))) { // a file given twice is one
                    paths.add(path);
                    read.add(name);
                }
            } catch (InvalidPathException e) {
                io.err().println("error: " + OutputFile.shown(given) + ": cannot open: not a valid file name");
                return 2;
            }
        }
        String problem = simulateProblem(read);
        if (problem != null) {
            io.err().println("error: import: " + problem);
            return 2;
        }
        return ImportCommand.run(paths, read, json, simulate, io.out(), io.err());
    }

    /** What is wrong with {@code --simulate}'s file, or null. */
    private String simulateProblem(List<String> inputs) {
        if (simulate == null) {
            return null;
        }
        if (simulate.isEmpty()) {
            return "--simulate needs a file name (--simulate=OUT.workload)";
        }
        if (StandardInputCopy.ARGUMENT.equals(simulate)) {
            return "--simulate - : standard output carries the report; give the preset a file name";
        }
        for (String input : inputs) {
            if (SamePath.same(simulate, input)) {
                return overwrites(simulate);
            }
        }
        return null;
    }

    /** The refusal of a {@code --simulate} file that is a capture file the import reads. */
    static String overwrites(String simulate) {
        return "--simulate " + OutputFile.shown(simulate) + " is a capture file it reads: it would be overwritten"
                + " (write the preset to another file)";
    }
}
