// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's headless screenshot command, as a user runs it: a JVM of its
 * own through {@link Launcher}, which runs the preset to {@code --run-for}
 * (in seeks of growing length, so that a terminal could show progress),
 * writes the PNG and exits; a place the PNG cannot go is one line on stderr
 * and exit status 2.
 */
class HeadlessScreenshotProcessTest {
    /** Not a timing: a safety net so that a hang fails the build instead of stopping it. */
    private static final long SAFETY_NET_MINUTES = 3;

    @TempDir
    Path dir;

    private record Outcome(int exit, String stdout, String stderr) {
    }

    private Outcome app(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(Arrays.asList(args));
        File out = dir.resolve("stdout.txt").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out)
                .redirectError(err).start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(SAFETY_NET_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the app ended").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void aRunToATimeWritesTheWindowAsAPngOfTheSizeAskedFor() throws Exception {
        Path shot = dir.resolve("shot.png");
        Outcome o = app("--headless", "--preset", "01-xdp-drop", "--run-for", "0.02", "--size", "1024x600",
                "--screenshot", shot.toString());
        assertThat(o.exit()).as(o.stderr()).isZero();
        assertThat(o.stdout()).isEqualTo("wrote " + shot + "\n");
        assertThat(o.stderr()).as("nothing but the PNG's line: no JavaFX warnings, no progress off a terminal")
                .isEmpty();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void aFolderThatIsNotThereIsOneLineOnStderr() throws Exception {
        Path shot = dir.resolve("no-such-folder").resolve("shot.png");
        Outcome o = app("--headless", "--preset", "01-xdp-drop", "--run-for", "0.001", "--screenshot",
                shot.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stdout()).isEmpty();
        assertThat(o.stderr().lines().filter(l -> l.startsWith("error: ")).toList())
                .containsExactly("error: " + shot + ": cannot write: " + shot.getParent() + " is not a folder");
    }
}
