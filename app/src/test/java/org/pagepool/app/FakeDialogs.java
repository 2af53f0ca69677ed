// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Window;

/** File dialogs that answer with the paths a test queued (a native chooser cannot run headless). */
final class FakeDialogs implements FileDialogs {
    final Deque<Path> answers = new ArrayDeque<>();
    int asked;
    boolean overwrite = true;
    int overwriteAsked;
    /** The name the last save dialog offered. */
    String suggested;

    @Override
    public Optional<Path> openScript(Window owner) {
        asked++;
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openCapture(Window owner) {
        asked++;
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openPreset(Window owner) {
        asked++;
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public boolean confirmOverwrite(Window owner, Path file) {
        overwriteAsked++;
        return overwrite;
    }

    @Override
    public Optional<Path> save(Window owner, String title, String suggestedName) {
        asked++;
        suggested = suggestedName;
        return Optional.ofNullable(answers.poll());
    }
}
