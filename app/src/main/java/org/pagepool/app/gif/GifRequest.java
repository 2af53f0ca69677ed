// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

/**
 * What {@code --gif} asks for: the animation from simulated time
 * {@code fromNs} on, watched at {@code speed} (simulated seconds per
 * second, NaN for the preset's own), for {@code lengthNs} of the GIF's own
 * time, at {@code fps} frames a second, showing {@code region}.
 */
public record GifRequest(String file, long lengthNs, int fps, GifRegion region, double speed, long fromNs) {
    public static final int DEFAULT_FPS = 10;
    public static final int MAX_FPS = 50;
    /** The longest GIF: ten minutes. */
    public static final double MAX_SECONDS = 600;
}
