// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether two paths name the same file: real paths (links followed) where the
 * file exists, the real folder and the name where only the folder does, the
 * normalised absolute form otherwise.
 */
final class SamePath {
    private SamePath() {
    }

    /** The path a file is known by, as far as the file system can tell. */
    static Path identity(String given) {
        Path path = Path.of(given).toAbsolutePath();
        try {
            return path.toRealPath();
        } catch (IOException e) {
            // not there (yet)
        }
        Path normal = path.normalize();
        Path parent = normal.getParent();
        if (parent != null && normal.getFileName() != null) {
            try {
                return parent.toRealPath().resolve(normal.getFileName());
            } catch (IOException e) {
                // no such folder either
            }
        }
        return normal;
    }

    /** True when {@code a} and {@code b} are the same file, or will be once written. */
    static boolean same(String a, String b) {
        try {
            Path x = identity(a);
            Path y = identity(b);
            if (x.equals(y)) {
                return true;
            }
            return Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (InvalidPathException | IOException e) {
            return false; // an invalid name is reported when it is opened
        }
    }
}
