// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a save dialog opens and the name it offers. */
class SaveFolderTest {
    @TempDir
    Path home;

    @Test
    void theFolderSavedToLastWhenItStillExists() throws Exception {
        Path shots = Files.createDirectories(home.resolve("shots"));
        assertThat(SaveFolder.choose(shots.toString(), home.toString(), home.resolve("app"))).isEqualTo(shots);
    }

    @Test
    void neverInsideTheAppsOwnFiles() throws Exception {
        Path app = Files.createDirectories(home.resolve("pagepool"));
        Path golden = Files.createDirectories(app.resolve("model/src/test/resources/golden"));
        assertThat(SaveFolder.choose(golden.toString(), home.toString(), app)).isEqualTo(home);
        Path documents = Files.createDirectories(home.resolve("Documents"));
        assertThat(SaveFolder.choose(golden.toString(), home.toString(), app)).isEqualTo(documents);
    }

    @Test
    void documentsOrHomeWhenNothingWasSavedOrTheFolderIsGone() throws Exception {
        assertThat(SaveFolder.choose(null, home.toString(), null)).isEqualTo(home);
        assertThat(SaveFolder.choose(home.resolve("gone").toString(), home.toString(), null)).isEqualTo(home);
    }

    @Test
    void aNameSaysWhatAndWhen() {
        assertThat(SaveFolder.suggestedName("assets/scenarios/05-slow-socket.workload", 120_000_000L, true, 0, ".png"))
                .isEqualTo("05-slow-socket-120ms.png");
        assertThat(SaveFolder.suggestedName("05-slow-socket.workload", 300_000L, true, 0, ".csv"))
                .isEqualTo("05-slow-socket-300us.csv");
        assertThat(SaveFolder.suggestedName("/tmp/x/02-ring-path.pool", 0, false, 12, ".txt"))
                .isEqualTo("02-ring-path-line12.txt");
        assertThat(SaveFolder.suggestedName("C:\\runs\\my run?.pool", 0, false, 3, ".pool"))
                .isEqualTo("my_run_-line3.pool");
    }
}
