// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The presets that ship in the repository's assets folder, and the test-only ones. */
final class Presets {
    /** The issue asks for at least this many presets. */
    static final int AT_LEAST = 12;

    private Presets() {
    }

    /** The shipped presets, sorted by name; fails when fewer than {@value #AT_LEAST} are found. */
    static List<Path> files() {
        Path dir = Path.of("..", "assets", "scenarios");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(PresetFiles.EXTENSION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
        if (files.size() < AT_LEAST) {
            throw new AssertionError("expected at least " + AT_LEAST + " presets in " + dir.toAbsolutePath()
                    + ", found " + files.size());
        }
        return files;
    }

    /**
     * A step budget of {@code base} steps of the story, plus, for a NIC with
     * several queues, the steps of every queue's first RX fill (one
     * allocation a descriptor, and the polls around them).
     */
    static long steps(Preset preset, long base) {
        int queues = preset.params().getInt(Param.QUEUES);
        return queues == 1 ? base : base + 2L * queues * preset.params().getInt(Param.RX_RING);
    }

    /** A shipped preset, parsed. */
    static Preset load(Path file) {
        try {
            return PresetFiles.load(file, file.getFileName().toString());
        } catch (PresetFiles.BadPreset e) {
            throw new AssertionError(e.located());
        }
    }

    /** A test-only preset file from src/test/resources/presets. */
    static Path testPreset(String name) {
        return Path.of("src", "test", "resources", "presets", name);
    }
}
