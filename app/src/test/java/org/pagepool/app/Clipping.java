// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import org.pagepool.app.view.CanvasRegion;
import org.pagepool.app.view.DrawnText;

/**
 * Finds text the window cuts off: a label JavaFX shortened with an ellipsis
 * (its rendered text differs from its text), or a canvas text drawn past its
 * region's edge. Only what can be seen counts. FX thread only.
 */
final class Clipping {
    private Clipping() {
    }

    /** Every text cut off under {@code root}, described for a failure message. */
    static List<String> in(Parent root) {
        List<String> found = new ArrayList<>();
        visit(root, found);
        return found;
    }

    private static void visit(Node node, List<String> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String shown = rendered(labeled);
            String expected = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "")
                    : labeled.getText();
            if (shown != null && !shown.equals(expected)) {
                found.add(describe(labeled) + " shows \"" + shown + "\" for \"" + labeled.getText() + "\"");
            }
            Bounds inScene = labeled.localToScene(labeled.getLayoutBounds());
            if (!scrolls(labeled) && (inScene.getMaxX() > node.getScene().getWidth() + 0.5
                    || inScene.getMaxY() > node.getScene().getHeight() + 0.5)) {
                found.add(describe(labeled) + " \"" + labeled.getText() + "\" reaches past the window, to "
                        + Math.round(inScene.getMaxX()) + "," + Math.round(inScene.getMaxY()));
            }
        }
        if (node instanceof CanvasRegion region) {
            for (DrawnText text : region.drawnTexts()) {
                Bounds b = text.bounds();
                if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > region.getWidth() + 0.5
                        || b.getMaxY() > region.getHeight() + 0.5) {
                    found.add(describe(region) + ": \"" + text.text() + "\" at " + box(b) + " past "
                            + Math.round(region.getWidth()) + "x" + Math.round(region.getHeight()));
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, found);
            }
        }
    }

    /** Whether the node is inside something that scrolls or overflows by design (out of sight is no cut there). */
    private static boolean scrolls(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane || n instanceof VirtualFlow<?>
                    || n.getStyleClass().contains("tab-header-area")) { // tabs that overflow go in its menu
                return true;
            }
        }
        return false;
    }

    /** The text a label's skin draws (with an ellipsis where it was cut), or null before it has a skin. */
    private static String rendered(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                path.insert(0, "#" + n.getId() + (path.length() > 0 ? " " : ""));
                break;
            }
        }
        return path + node.getClass().getSimpleName();
    }

    private static String box(Bounds b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(),
                b.getHeight());
    }
}
