// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real file choosers, starting in the folder used last (remembered between runs). */
public final class FxFileDialogs implements FileDialogs {
    private static final String LAST_FOLDER = "lastFolder";
    private final Preferences preferences = Preferences.userNodeForPackage(FxFileDialogs.class);

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        String last = preferences.get(LAST_FOLDER, null);
        if (last != null && Files.isDirectory(Path.of(last))) {
            chooser.setInitialDirectory(new File(last));
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null) {
            preferences.put(LAST_FOLDER, parent.getPath());
        }
        return Optional.of(file.toPath());
    }

    @Override
    public Optional<Path> openScript(Window owner) {
        return remember(chooser("Open a .pool script", "Pool scripts", "*.pool").showOpenDialog(owner));
    }

    @Override
    public Optional<Path> openPreset(Window owner) {
        return remember(chooser("Open a workload preset", "Workload presets", "*.workload").showOpenDialog(owner));
    }

    @Override
    public Optional<Path> save(Window owner, String title, String extension) {
        FileChooser chooser = chooser(title, extension.substring(1).toUpperCase() + " files", "*" + extension);
        return remember(chooser.showSaveDialog(owner));
    }
}
