// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.pagepool.app.files.FileTargets;

/** The window as a PNG, without javafx-swing: pixels copied through a PixelReader. */
public final class Screenshots {
    private Screenshots() {
    }

    /** The scene's pixels as an image (FX thread). */
    public static BufferedImage capture(Scene scene) {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            pixels.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** Writes the scene as a PNG (FX thread); the file is complete or not there. */
    public static void write(Scene scene, Path file) throws IOException {
        BufferedImage image = capture(scene);
        FileTargets.check(file);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        // a stream of our own: ImageIO.write(File) prints the stack trace of a file it cannot create
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("no PNG writer");
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
