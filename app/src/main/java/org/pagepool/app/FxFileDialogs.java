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

    /**
     * The native save dialog has already asked about replacing an existing
     * file, so the answer is yes; only a path that did not come from it asks.
     */
    @Override
    public boolean confirmOverwrite(Window owner, Path file) {
        if (file.equals(lastSaved)) {
            return true;
        }
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, file + " exists. Replace it?",
                javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        ask.initOwner(owner);
        return ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
    }

    private Path lastSaved;

    @Override
    public Optional<Path> save(Window owner, String title, String extension) {
        FileChooser chooser = chooser(title, extension.substring(1).toUpperCase(java.util.Locale.ROOT) + " files",
                "*" + extension);
        Optional<Path> chosen = remember(chooser.showSaveDialog(owner));
        lastSaved = chosen.orElse(null);
        return chosen;
    }
}
