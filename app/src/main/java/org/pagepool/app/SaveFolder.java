// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where a save dialog opens, and the name it offers. */
final class SaveFolder {
    private SaveFolder() {
    }

    /**
     * The folder saved to last if it still exists and is not among the app's
     * own files; else the user's Documents folder, else home.
     */
    static Path choose(String lastSaved, String home, Path appFiles) {
        if (lastSaved != null) {
            Path last = Path.of(lastSaved).toAbsolutePath().normalize();
            if (Files.isDirectory(last) && (appFiles == null || !last.startsWith(appFiles))) {
                return last;
            }
        }
        Path documents = Path.of(home, "Documents");
        return Files.isDirectory(documents) ? documents : Path.of(home);
    }

    /**
     * The app's own files: the folder of the running jar (or classes), and,
     * in a source checkout, the checkout (the topmost folder above it with a
     * pom.xml). Null when it cannot be told.
     */
    static Path appFiles() {
        try {
            Path code = Path.of(SaveFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.toAbsolutePath().normalize().getParent();
            for (Path p = root; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("pom.xml"))) {
                    root = p;
                }
            }
            return root;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /**
     * A name for what the window shows now: the preset or script, the moment,
     * and the extension, e.g. {@code 05-slow-socket-120ms.png}.
     */
    static String suggestedName(String source, long timeNs, boolean live, long position, String extension) {
        String file = source == null ? "pagepool" : source.substring(
                Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        String base = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty()) {
            base = "pagepool";
        }
        String when = live ? moment(timeNs) : "line" + position;
        return base + "-" + when + extension;
    }

    private static String moment(long ns) {
        if (ns % 1_000_000 == 0 || ns >= 10_000_000) {
            return (ns / 1_000_000) + "ms";
        }
        return String.format(Locale.ROOT, "%dus", ns / 1_000);
    }
}
