// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The real file choosers. Opening starts in the folder opened from last;
 * saving in the folder saved to last, else Documents or home: never in the
 * app's own files (a golden script opened from there is no place to save a
 * screenshot). Folders are remembered between runs.
 */
public final class FxFileDialogs implements FileDialogs {
    private static final String LAST_FOLDER = "lastFolder";
    private static final String LAST_SAVE_FOLDER = "lastSaveFolder";
    private final Preferences preferences = Preferences.userNodeForPackage(FxFileDialogs.class);

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    private Optional<Path> remember(File file, String key) {
        if (file == null) {
            return Optional.empty();
        }
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null) {
            preferences.put(key, parent.getPath());
        }
        return Optional.of(file.toPath());
    }

    private FileChooser opening(String title, String description, String pattern) {
        FileChooser chooser = chooser(title, description, pattern);
        String last = preferences.get(LAST_FOLDER, null);
        if (last != null && Files.isDirectory(Path.of(last))) {
            chooser.setInitialDirectory(new File(last));
        }
        return chooser;
    }

    @Override
    public Optional<Path> openScript(Window owner) {
        return remember(opening("Open a .pool script", "Pool scripts", "*.pool").showOpenDialog(owner), LAST_FOLDER);
    }

    @Override
    public Optional<Path> openCapture(Window owner) {
        FileChooser chooser = opening("Open a capture of a real machine", "All files", "*");
        chooser.getExtensionFilters().remove(1); // "All files" once is enough
        return remember(chooser.showOpenDialog(owner), LAST_FOLDER);
    }

    @Override
    public Optional<Path> openPreset(Window owner) {
        return remember(opening("Open a workload preset", "Workload presets", "*.workload").showOpenDialog(owner),
                LAST_FOLDER);
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
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION, file + " exists. Replace it?",
                ButtonType.YES, ButtonType.NO);
        ask.initOwner(owner);
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private Path lastSaved;

    @Override
    public Optional<Path> save(Window owner, String title, String suggestedName) {
        String extension = suggestedName.substring(suggestedName.lastIndexOf('.'));
        FileChooser chooser = chooser(title, extension.substring(1).toUpperCase(Locale.ROOT) + " files",
                "*" + extension);
        chooser.setInitialDirectory(SaveFolder.choose(preferences.get(LAST_SAVE_FOLDER, null),
                System.getProperty("user.home"), SaveFolder.appFiles()).toFile());
        chooser.setInitialFileName(suggestedName);
        Optional<Path> chosen = remember(chooser.showSaveDialog(owner), LAST_SAVE_FOLDER);
        lastSaved = chosen.orElse(null);
        return chosen;
    }
}
