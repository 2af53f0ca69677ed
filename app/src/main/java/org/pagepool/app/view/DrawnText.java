// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import javafx.geometry.Bounds;

/**
 * A text a region drew on its canvas and the box it covers, in the canvas's
 * pixels: what labels laid over the regions must keep clear of, and what
 * must lie inside the region for nothing to be cut off.
 */
public record DrawnText(String text, Bounds bounds) {
}
