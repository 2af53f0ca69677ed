// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.scene.paint.Color;
import org.pagepool.trace.Place;

/**
 * The colours the canvases draw with, one set per theme. A page's colour says
 * where it is; a red mark says pfmemalloc, a dark dot DMA-mapped. The same
 * roles are named in the theme's CSS for the controls.
 */
public record Palette(String name, Color background, Color panel, Color text, Color muted, Color grid, Color empty,
                      Color cache, Color ring, Color stale, Color descriptor, Color packet, Color tx, Color skb,
                      Color remote, Color detached, Color buddy, Color pfmemalloc, Color mapped, Color accent,
                      Color warning, double lineWidth) {

    public static final Palette LIGHT = new Palette("light", Color.web("#f7f8fa"), Color.web("#ffffff"),
            Color.web("#1d2430"), Color.web("#5c6675"), Color.web("#d7dce3"), Color.web("#eef1f5"),
            Color.web("#2e9d5b"), Color.web("#2f6fd6"), Color.web("#a8c0ea"), Color.web("#0f9aa8"),
            Color.web("#e0a100"), Color.web("#8a5cd1"), Color.web("#e0732b"), Color.web("#c94f8f"),
            Color.web("#8b94a3"), Color.web("#5b6b80"), Color.web("#d62828"), Color.web("#1d2430"),
            Color.web("#2f6fd6"), Color.web("#d62828"), 1.0);

    public static final Palette DARK = new Palette("dark", Color.web("#15181e"), Color.web("#1d2129"),
            Color.web("#e6e9ef"), Color.web("#9aa3b2"), Color.web("#333946"), Color.web("#262b35"),
            Color.web("#3fc57a"), Color.web("#5b94f0"), Color.web("#3a4f75"), Color.web("#2ec4d4"),
            Color.web("#ffc233"), Color.web("#a785e8"), Color.web("#f08c48"), Color.web("#e070aa"),
            Color.web("#7d8696"), Color.web("#8fa3bd"), Color.web("#ff5a5a"), Color.web("#e6e9ef"),
            Color.web("#5b94f0"), Color.web("#ff5a5a"), 1.0);

    /** High contrast: black ground, saturated fills, thicker lines; reads on a washed-out projector. */
    public static final Palette CONTRAST = new Palette("contrast", Color.BLACK, Color.BLACK, Color.WHITE,
            Color.web("#e0e0e0"), Color.web("#808080"), Color.web("#202020"), Color.web("#00ff66"),
            Color.web("#33aaff"), Color.web("#6f6f6f"), Color.web("#00ffff"), Color.YELLOW, Color.web("#cc88ff"),
            Color.web("#ff9900"), Color.web("#ff66cc"), Color.web("#bbbbbb"), Color.WHITE, Color.web("#ff2020"),
            Color.WHITE, Color.YELLOW, Color.web("#ff2020"), 2.0);

    public static Palette named(String name) {
        switch (name) {
            case "dark": return DARK;
            case "contrast": return CONTRAST;
            default: return LIGHT;
        }
    }

    /** The colour of a page at {@code place}. */
    public Color of(Place place) {
        switch (place) {
            case ALLOC_CACHE: return cache;
            case PTR_RING: return ring;
            case RX_DESCRIPTOR: return descriptor;
            case TX_RING: return tx;
            case SKB: return skb;
            case REMOTE_CPU: return remote;
            case DETACHED: return detached;
            case BUDDY: return buddy;
            default: return accent;
        }
    }
}
