// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.pagepool.app.files.FileTargets;

/**
 * Writes an animated GIF with the JDK's ImageIO writer, frame by frame, as
 * small as a window's animation allows: one palette for the whole file
 * ({@link GifPalette}), a frame only where something changed (an unchanged
 * frame lengthens the one before), and of a changed frame only the
 * rectangle that changed, drawn over the last (disposal "doNotDispose").
 * Plays in a loop. The file appears whole at {@link #finish} (written
 * beside it, then moved into place) or not at all.
 *
 * <p>One thread at a time (the window hands frames to an encoder thread;
 * the headless export calls it on the FX thread).
 */
public final class GifEncoder implements AutoCloseable {
    private final Path file;
    private final Path partial;
    private final int width;
    private final int height;
    private final ImageOutputStream out;
    private final ImageWriter writer;
    private GifPalette palette;
    /** The last frame's pixels, and its palette indices (what the GIF shows once it is written). */
    private int[] lastArgb;
    private byte[] lastIndices;
    /** The frame waiting for its delay: its rectangle and when it began (ms from the start). */
    private int heldX;
    private int heldY;
    private int heldW;
    private int heldH;
    private long heldAtMs = -1;
    private int written;
    private boolean finished;

    /** What was written. */
    public record Summary(Path file, int frames, long millis, long bytes) {
    }

    private GifEncoder(Path file, int width, int height) throws IOException {
        this.file = file;
        this.width = width;
        this.height = height;
        FileTargets.check(file);
        partial = file.resolveSibling(file.getFileName() + ".part");
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        writer = writers.next();
        RandomAccessFile raf = new RandomAccessFile(partial.toFile(), "rw");
        raf.setLength(0);
        out = new FileImageOutputStream(raf);
        writer.setOutput(out);
    }

    /**
     * A GIF of {@code width} x {@code height} pixels to be written to
     * {@code file}; fails at once if it cannot be written there.
     */
    public static GifEncoder create(Path file, int width, int height) throws IOException {
        if (width < 1 || height < 1 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("a GIF is 1 to 65535 pixels each way, not " + width + "x" + height);
        }
        return new GifEncoder(file, width, height);
    }

    /**
     * The next frame, shown from {@code atMs} milliseconds after the start
     * (later than the frame before): {@code width * height} pixels, row by
     * row, as 0xAARRGGBB (alpha is ignored). The array is the encoder's
     * from now on.
     */
    public void frame(int[] argb, long atMs) throws IOException {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for a " + width + "x" + height + " GIF");
        }
        if (finished) {
            throw new IllegalStateException("the GIF is finished");
        }
        if (palette == null) {
            palette = GifPalette.of(argb);
            writer.prepareWriteSequence(null);
            lastIndices = new byte[argb.length];
            for (int i = 0; i < argb.length; i++) {
                lastIndices[i] = palette.index(argb[i]);
            }
            lastArgb = argb;
            hold(0, 0, width, height, atMs);
            return;
        }
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                if (argb[i] != lastArgb[i] && palette.index(argb[i]) != lastIndices[i]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        if (maxX < 0) {
            lastArgb = argb;
            return; // nothing changed: the frame shown goes on a little longer
        }
        if (centiseconds(atMs) == centiseconds(heldAtMs)) {
            // sooner than a GIF can tell apart: the held frame takes this one's pixels
            take(argb, minX, minY, maxX, maxY);
            minX = Math.min(minX, heldX);
            minY = Math.min(minY, heldY);
            maxX = Math.max(maxX, heldX + heldW - 1);
            maxY = Math.max(maxY, heldY + heldH - 1);
            hold(minX, minY, maxX - minX + 1, maxY - minY + 1, heldAtMs);
            return;
        }
        writeHeld(atMs);
        take(argb, minX, minY, maxX, maxY);
        hold(minX, minY, maxX - minX + 1, maxY - minY + 1, atMs);
    }

    /** The new frame's pixels become the ones shown (inside the rectangle that changed). */
    private void take(int[] argb, int minX, int minY, int maxX, int maxY) {
        for (int y = minY; y <= maxY; y++) {
            for (int i = y * width + minX; i <= y * width + maxX; i++) {
                lastIndices[i] = palette.index(argb[i]);
            }
        }
        lastArgb = argb;
    }

    private void hold(int x, int y, int w, int h, long atMs) {
        heldX = x;
        heldY = y;
        heldW = w;
        heldH = h;
        heldAtMs = atMs;
    }

    /**
     * Ends the GIF at {@code endMs} (the last frame shows until then), moves
     * it into place and says what was written.
     */
    public Summary finish(long endMs) throws IOException {
        if (palette == null) {
            throw new IOException("no frames to write");
        }
        writeHeld(Math.max(endMs, heldAtMs + 10));
        writer.endWriteSequence();
        out.close();
        finished = true;
        writer.dispose();
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return new Summary(file, written, Math.max(endMs, heldAtMs), Files.size(file));
    }

    private static long centiseconds(long ms) {
        return Math.round(ms / 10.0);
    }

    /** Writes the held frame's rectangle, shown until {@code untilMs}. */
    private void writeHeld(long untilMs) throws IOException {
        BufferedImage image = new BufferedImage(heldW, heldH, BufferedImage.TYPE_BYTE_INDEXED,
                palette.colourModel());
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < heldH; y++) {
            System.arraycopy(lastIndices, (heldY + y) * width + heldX, target, y * heldW, heldW);
        }
        int delay = (int) Math.min(65535, centiseconds(untilMs) - centiseconds(heldAtMs));
        writer.writeToSequence(new IIOImage(image, null, metadata(image, delay)), null);
        written++;
    }

    private IIOMetadata metadata(BufferedImage image, int delayCs) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(heldX));
        descriptor.setAttribute("imageTopPosition", Integer.toString(heldY));
        descriptor.setAttribute("imageWidth", Integer.toString(heldW));
        descriptor.setAttribute("imageHeight", Integer.toString(heldH));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCs));
        control.setAttribute("transparentColorIndex", "0");
        if (written == 0) { // the first frame carries the loop: NETSCAPE2.0, 0 = for ever
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** Abandons an unfinished GIF: nothing is left behind. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
        } catch (IOException e) {
            // the partial file goes anyway
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // nothing more to do
        }
        writer.dispose();
    }
}
