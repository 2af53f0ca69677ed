// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Where the app asks for files. The window uses {@link FxFileDialogs};
 * tests answer with paths of their own (a native chooser cannot be driven
 * headless).
 */
public interface FileDialogs {
    /** A {@code .pool} script to open, or empty when the user cancelled. */
    Optional<Path> openScript(Window owner);

    /** A capture of a real machine to import (a file; any file of a capture directory stands for it), or empty. */
    Optional<Path> openCapture(Window owner);

    /** A workload preset to open, or empty. */
    Optional<Path> openPreset(Window owner);

    /**
     * Where to save something, or empty; the dialog offers {@code suggestedName}
     * (e.g. {@code 05-slow-socket-120ms.png}, its extension the file type).
     */
    Optional<Path> save(Window owner, String title, String suggestedName);

    /** Whether {@code file}, which exists, may be replaced. */
    boolean confirmOverwrite(Window owner, Path file);
}
