// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the app may write a file it finishes beside and then moves into place (exports, GIFs, screenshots). */
public final class FileTargets {
    private FileTargets() {
    }

    /**
     * Refuses a place the finished file could not take: a missing folder, or
     * something there that is not a file (a folder or a device would be
     * replaced by the move into place).
     */
    public static void check(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException(parent + " is not a folder");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IOException(file + " is there and is not a file (a folder or a device): give a file name");
        }
    }
}
