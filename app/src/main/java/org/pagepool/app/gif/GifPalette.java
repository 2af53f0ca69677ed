// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 256 colours of a GIF, chosen from its first frame: the window is
 * drawn in a few flat colours, so the first frame's most frequent ones
 * (up to {@value #POPULAR}) cover nearly every pixel exactly, and a coarse
 * cube catches what appears only later (anti-aliased edges, a warning's
 * red). A colour first seen later takes a free entry while there is one
 * (entries are only added, so indices stay valid); after that it maps to
 * the nearest entry. Lookups are remembered. One thread only (the encoder's).
 */
final class GifPalette {
    static final int POPULAR = 229;
    private static final int[] CUBE_LEVELS = {0, 128, 255};

    private final int[] rgb = new int[256];
    private int size;
    private final Map<Integer, Byte> nearest = new HashMap<>();
    /** Bumped when an entry is added: a frame written after it carries its own colour table. */
    private int version;

    private GifPalette(List<Integer> colours) {
        for (int c : colours) {
            nearest.put(c, (byte) size);
            rgb[size++] = c;
        }
    }

    /** The palette for a GIF that starts with {@code argb}. */
    static GifPalette of(int[] argb) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int p : argb) {
            counts.computeIfAbsent(p & 0xFFFFFF, k -> new int[1])[0]++;
        }
        List<Map.Entry<Integer, int[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < byCount.size() && i < POPULAR; i++) {
            colours.add(byCount.get(i).getKey());
        }
        for (int r : CUBE_LEVELS) {
            for (int g : CUBE_LEVELS) {
                for (int b : CUBE_LEVELS) {
                    int c = r << 16 | g << 8 | b;
                    if (!colours.contains(c)) {
                        colours.add(c);
                    }
                }
            }
        }
        return new GifPalette(colours);
    }

    /** The palette entry for a pixel: its own colour where the palette has it, else the nearest. */
    byte index(int argb) {
        int c = argb & 0xFFFFFF;
        Byte known = nearest.get(c);
        if (known != null) {
            return known;
        }
        if (size < rgb.length) {
            byte added = (byte) size;
            rgb[size++] = c;
            version++;
            nearest.put(c, added);
            return added;
        }
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long d = distance(c, rgb[i]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        byte b = (byte) best;
        nearest.put(c, b);
        return b;
    }

    /** Squared distance, weighted as the eye weighs red, green and blue. */
    private static long distance(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return 3L * dr * dr + 6L * dg * dg + (long) db * db;
    }

    /** The colour of entry {@code i}, as 0xRRGGBB. */
    int colour(int i) {
        return rgb[i];
    }

    int size() {
        return size;
    }

    int version() {
        return version;
    }

    /** The palette as an image colour model (256 entries, unused ones black). */
    IndexColorModel colourModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
