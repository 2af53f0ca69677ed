// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export lands whole in a file, and never in place of a folder or a device (the move would replace it). */
class ExportsTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenWholeAndReplacedWhole() throws IOException {
        Path file = dir.resolve("out.csv");
        Exports.writeText(file, "a\n");
        Exports.writeText(file, "b\n");
        assertThat(Files.readString(file)).isEqualTo("b\n");
        assertThat(dir.resolve("out.csv.part")).doesNotExist();
    }

    @Test
    void anEmptyFolderInTheWayIsRefusedAndStays() {
        Path folder = dir.resolve("shot.png");
        assertThat(folder.toFile().mkdir()).isTrue();
        assertThatThrownBy(() -> Exports.writeText(folder, "x")).isInstanceOf(IOException.class)
                .hasMessageContaining("is there and is not a file");
        assertThat(folder).isDirectory();
        assertThat(dir.resolve("shot.png.part")).doesNotExist();
    }

    @Test
    void aMissingFolderIsNamed() {
        Path file = dir.resolve("no").resolve("out.csv");
        assertThatThrownBy(() -> Exports.writeText(file, "x")).hasMessage(dir.resolve("no") + " is not a folder");
    }

    @Test
    void aFolderThatTakesNoNewFilesIsNotCalledMissing() {
        // creating a file in /proc fails with "no such file" although /proc is there
        String inAFolderThatExists = dir.resolve("out.png.part").toString();
        assertThat(Exports.reason(new NoSuchFileException(inAFolderThatExists)))
                .isEqualTo("the folder " + dir.toAbsolutePath() + " takes no new files");
        assertThat(Exports.reason(new NoSuchFileException(dir.resolve("no").resolve("out.png").toString())))
                .isEqualTo("the folder does not exist");
    }
}
