// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dragged onto the window: the window accepts a drag that carries
 * files and hands them over when they are dropped. What they are is decided
 * by {@link #kindOf}: one {@code .pool} script or {@code .workload} preset
 * opens as its menu does; anything else (trace, dmesg, ethtool or netlink
 * files, a capture directory) is read as one capture. FX thread only.
 */
final class FileDrop {
    /** What a drop opens. */
    enum Kind { CAPTURE, SCRIPT, PRESET }

    private FileDrop() {
    }

    /** Lets {@code scene} take dropped files and give them to {@code dropped}. */
    static void install(Scene scene, Consumer<List<Path>> dropped) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean files = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (files) {
                dropped.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    /** A lone script or preset by its name's ending; everything else is a capture. */
    static Kind kindOf(List<Path> files) {
        if (files.size() != 1 || Files.isDirectory(files.get(0))) {
            return Kind.CAPTURE;
        }
        String name = String.valueOf(files.get(0).getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".pool") ? Kind.SCRIPT : name.endsWith(".workload") ? Kind.PRESET : Kind.CAPTURE;
    }
}
