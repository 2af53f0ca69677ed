// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GIF encoder, read back with ImageIO: loop, delays, only what changed, and exact pixels. */
class GifEncoderTest {
    private static final int W = 64;
    private static final int H = 40;

    @TempDir
    Path dir;

    /** A flat picture in a few colours, with a moving square: like the window's animation. */
    private static int[] picture(int square, int colour) {
        int[] p = new int[W * H];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0xFF000000 | (i % W < W / 2 ? 0xF0F0F0 : 0x2060A0);
        }
        for (int y = 10; y < 18; y++) {
            for (int x = square; x < square + 8; x++) {
                p[y * W + x] = 0xFF000000 | colour;
            }
        }
        return p;
    }

    @Test
    void aLoopingGifOfChangedFramesWithTheirDelays() throws IOException {
        Path file = dir.resolve("a.gif");
        List<int[]> shown = new ArrayList<>();
        try (GifEncoder gif = GifEncoder.create(file, W, H)) {
            for (int k = 0; k < 10; k++) {
                int[] p = picture(k < 5 ? 4 * k : 16, 0xE04020); // still from frame 5 on
                shown.add(p.clone());
                gif.frame(p, k * 100L);
            }
            GifEncoder.Summary summary = gif.finish(1000);
            assertThat(summary.frames()).isEqualTo(5);
            assertThat(summary.bytes()).isEqualTo(Files.size(file));
        }
        GifFile read = GifFile.read(file);
        assertThat(read.width()).isEqualTo(W);
        assertThat(read.height()).isEqualTo(H);
        assertThat(read.loopsForever()).isTrue();
        assertThat(read.frames()).extracting(GifFile.Frame::delayCs).containsExactly(10, 10, 10, 10, 60);
        assertThat(read.totalDelayCs()).isEqualTo(100);
        assertThat(read.frames()).allMatch(f -> f.disposal().equals("doNotDispose"));
        assertThat(read.frames()).noneMatch(GifFile.Frame::localPalette); // one palette for the file
        GifFile.Frame second = read.frames().get(1);
        assertThat(second.image().getWidth()).as("only the square's old and new place").isEqualTo(12);
        assertThat(second.image().getHeight()).isEqualTo(8);
        assertThat(second.left()).isEqualTo(0);
        assertThat(second.top()).isEqualTo(10);
        for (int k = 0; k < 5; k++) {
            samePixels(read.composite(k), shown.get(k), "frame " + k);
        }
        assertThat(dir.resolve("a.gif.part")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomFramesComeBackExactlyWhereTheyHaveFewColours(long seed) throws IOException {
        Random random = new Random(seed);
        int[] colours = new int[40];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        Path file = dir.resolve(seed + ".gif");
        List<int[]> frames = new ArrayList<>();
        int[] p = new int[W * H];
        Arrays.fill(p, colours[0]);
        long at = 0;
        try (GifEncoder gif = GifEncoder.create(file, W, H)) {
            for (int k = 0; k < 12; k++) {
                p = p.clone();
                int changes = random.nextInt(3) * random.nextInt(200); // often none
                for (int c = 0; c < changes; c++) {
                    p[random.nextInt(p.length)] = colours[random.nextInt(colours.length)];
                }
                frames.add(p.clone());
                gif.frame(p.clone(), at);
                at += 20 + random.nextInt(200);
            }
            gif.finish(at);
        }
        GifFile read = GifFile.read(file);
        assertThat(read.totalDelayCs()).as("seed %d", seed).isEqualTo(Math.round(at / 10.0));
        int[] last = read.composite(read.frames().size() - 1);
        samePixels(last, frames.get(frames.size() - 1), "seed " + seed + ": the last frame");
    }

    private static void samePixels(int[] actual, int[] expected, String what) {
        int first = Arrays.mismatch(actual, expected);
        assertThat(first).as("%s: first pixel that differs (at x=%d, y=%d: %08x, not %08x)", what,
                first % W, first / W, first < 0 ? 0 : actual[first], first < 0 ? 0 : expected[first]).isEqualTo(-1);
    }

    @Test
    void anUnwritablePlaceFailsAtOnceAndLeavesNothing() {
        Path missing = dir.resolve("no-such-folder").resolve("a.gif");
        assertThatThrownBy(() -> GifEncoder.create(missing, W, H)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a folder");
    }

    @Test
    void anAbandonedGifLeavesNoFile() throws IOException {
        Path file = dir.resolve("b.gif");
        try (GifEncoder gif = GifEncoder.create(file, W, H)) {
            gif.frame(picture(0, 0xFF0000), 0);
        }
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("b.gif.part")).doesNotExist();
    }
}
