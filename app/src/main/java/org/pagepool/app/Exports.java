// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.pagepool.app.files.FileTargets;

/**
 * Writing the app's exports: the file appears whole or not at all (written
 * beside it, then moved into place), and a failure is a message in words,
 * never a lost run.
 */
public final class Exports {
    private Exports() {
    }

    /** Writes text lines (each ended by '\n') to {@code file}. */
    public static void writeLines(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        writeText(file, text.toString());
    }

    public static void writeText(Path file, String text) throws IOException {
        FileTargets.check(file);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A failure as a person reads it: which file, and why. */
    static String describe(Path file, IOException e) {
        return "cannot write " + file + ": " + reason(e) + " (nothing was lost: try another place)";
    }

    /** Why writing failed, in words (a file system error's message is only the file's name). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            // a folder that exists can still refuse new files with this error (/proc, /sys)
            Path parent = missing.getFile() == null ? null : Path.of(missing.getFile()).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent) ? "the folder " + parent + " takes no new files"
                    : "the folder does not exist";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
