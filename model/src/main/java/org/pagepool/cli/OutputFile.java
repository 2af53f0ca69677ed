// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.pagepool.text.Tokens;

/**
 * A file the command writes whole or not at all: the text goes to a
 * temporary file beside the target, renamed onto it by {@link #commit()}, so
 * a failed or cut-short run leaves the target as it was. (A target that is a
 * device or a pipe, such as {@code /dev/stdout}, is written directly.)
 * Every failure names the path as the user gave it.
 */
final class OutputFile implements AutoCloseable {
    private final String shown;
    private final Path target;
    /** Null when writing straight to the target. */
    private final Path temp;
    private final FailureRecorder recorder;
    private final Writer writer;
    private boolean closed;

    /** A failure to write, as a message: {@code PATH: cannot write: REASON}. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private OutputFile(String shown, Path target, Path temp, OutputStream stream) {
        this.shown = shown;
        this.target = target;
        this.temp = temp;
        this.recorder = new FailureRecorder(stream);
        this.writer = new BufferedWriter(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The path as the user gave it, as messages name it. */
    String shownName() {
        return shown;
    }

    /** Opens {@code pathAsGiven} for writing; nothing is changed at the target until {@link #commit()}. */
    static OutputFile create(String pathAsGiven) throws Failed {
        String shown = shown(pathAsGiven);
        Path given;
        try {
            given = Path.of(pathAsGiven);
        } catch (InvalidPathException e) {
            throw new Failed(shown + ": cannot write: not a valid file name");
        }
        Path target = SamePath.identity(pathAsGiven);
        if (Files.isDirectory(target)) {
            throw new Failed(shown + ": cannot write: Is a directory");
        }
        if (pathAsGiven.endsWith("/")) { // Path.of drops the slash: out.csv/ would be written as a file
            throw new Failed(shown + ": cannot write: Not a directory");
        }
        try {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                return new OutputFile(shown, target, null, Files.newOutputStream(target));
            }
            Path temp = tempBeside(target, given);
            return new OutputFile(shown, target, temp, Files.newOutputStream(temp));
        } catch (IOException e) {
            throw new Failed(shown + ": cannot write: " + reason(e));
        }
    }

    /** Where the text goes; buffered. Its errors are kept for {@link #failure()}. */
    Writer writer() {
        return writer;
    }

    /** The first write error, or null. */
    IOException failure() {
        return recorder.failure();
    }

    /** {@code PATH: cannot write: REASON} for the first write error. */
    String failureMessage() {
        return shown + ": cannot write: " + (failure() == null ? "write error" : reason(failure()));
    }

    /** Writes out what is buffered and puts the file in place of the target. */
    void commit() throws Failed {
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            deleteTemp();
            throw new Failed(shown + ": cannot write: " + reason(e));
        }
        if (temp == null) {
            return;
        }
        try {
            keepPermissions();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteTemp();
            throw new Failed(shown + ": cannot write: " + reason(e));
        }
    }

    /** Drops what was written: the target stays as it was. */
    void abandon() {
        if (!closed) {
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                // abandoned anyway
            }
        }
        deleteTemp();
    }

    @Override
    public void close() {
        abandon();
    }

    private void deleteTemp() {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // nothing better to do: a stray temporary file is the lesser harm
            }
        }
    }

    /** A replaced file keeps its mode; a new one gets the default (the temporary file was created with it). */
    private void keepPermissions() {
        try {
            if (Files.isRegularFile(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without POSIX modes
        }
    }

    /** A new, hidden file in the target's folder, created with the default mode (so umask applies). */
    private static Path tempBeside(Path target, Path given) throws IOException {
        Path dir = target.getParent() != null ? target.getParent() : given.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        while (true) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** The system's reason, without the temporary file's name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : "cannot write";
        }
        return FailureRecorder.reason(e);
    }

    /** A file name as a message shows it: control characters escaped. */
    static String shown(String file) {
        StringBuilder out = new StringBuilder(file.length());
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? Tokens.escape(c) : String.valueOf(c));
        }
        return out.toString();
    }
}
