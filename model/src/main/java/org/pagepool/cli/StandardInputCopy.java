// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What standard input (or a pipe given by name) brought, in a temporary file
 * for a command that reads its input by path or twice ({@code run -} checks a
 * script whole before it runs it; {@code import -} reads a file's head to tell
 * its format, then the file). Messages name standard input {@value #NAME}, as
 * compilers do. Deleted on close.
 */
final class StandardInputCopy implements AutoCloseable {
    /** The name a file argument gives standard input. */
    static final String ARGUMENT = "-";
    static final String NAME = "<stdin>";

    private final Path path;

    /** Reads {@code in} to its end into a new temporary file. */
    StandardInputCopy(InputStream in) throws IOException {
        path = Files.createTempFile("pagepool-stdin", ".txt");
        try {
            Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The message of a failure to read standard input. */
    static String cannotRead(IOException e) {
        return NAME + ": cannot read: " + e.getMessage();
    }

    @Override
    public void close() {
        path.toFile().delete(); // a temporary file: nothing to report when it is gone already
    }
}
