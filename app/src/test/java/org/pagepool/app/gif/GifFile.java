// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** A GIF read back with ImageIO, for the tests: its screen, its loop, and each frame as it is drawn. */
public record GifFile(int width, int height, boolean loopsForever, List<Frame> frames) {

    /** One frame: its rectangle on the screen, its delay and its disposal. */
    public record Frame(int left, int top, BufferedImage image, int delayCs, String disposal, boolean localPalette) {
    }

    public static GifFile read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata()
                    .getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = child(stream, "LogicalScreenDescriptor");
            int n = reader.getNumImages(true);
            List<Frame> frames = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode meta = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode descriptor = child(meta, "ImageDescriptor");
                IIOMetadataNode control = child(meta, "GraphicControlExtension");
                IIOMetadataNode apps = child(meta, "ApplicationExtensions");
                if (apps != null) {
                    for (Node a = apps.getFirstChild(); a != null; a = a.getNextSibling()) {
                        byte[] data = (byte[]) ((IIOMetadataNode) a).getUserObject();
                        loops |= "NETSCAPE".equals(((IIOMetadataNode) a).getAttribute("applicationID"))
                                && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0;
                    }
                }
                frames.add(new Frame(Integer.parseInt(descriptor.getAttribute("imageLeftPosition")),
                        Integer.parseInt(descriptor.getAttribute("imageTopPosition")), reader.read(i),
                        Integer.parseInt(control.getAttribute("delayTime")), control.getAttribute("disposalMethod"),
                        child(meta, "LocalColorTable") != null));
            }
            return new GifFile(Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
                    Integer.parseInt(screen.getAttribute("logicalScreenHeight")), loops, frames);
        }
    }

    /** The whole picture after frames 0..k have been drawn over each other (ARGB, row by row). */
    public int[] composite(int k) {
        int[] screen = new int[width * height];
        for (int i = 0; i <= k; i++) {
            Frame f = frames.get(i);
            BufferedImage img = f.image();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    screen[(f.top() + y) * width + f.left() + x] = img.getRGB(x, y);
                }
            }
        }
        return screen;
    }

    /** The sum of the frames' delays, in centiseconds. */
    public int totalDelayCs() {
        return frames.stream().mapToInt(Frame::delayCs).sum();
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals(name)) {
                return (IIOMetadataNode) c;
            }
        }
        return null;
    }
}
