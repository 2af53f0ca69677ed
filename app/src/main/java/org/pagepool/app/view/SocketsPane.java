// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;

/**
 * Pages out of the pool's hands: skbs sockets hold and frames waiting on
 * other CPUs (in a live run), or the pages a script's driver holds. They
 * are still the pool's pages: {@code inflight} counts them.
 */
public final class SocketsPane extends CanvasRegion {
    private CellGrid grid;

    public SocketsPane() {
        super("sockets", "Sockets and other CPUs");
        setShortTitle("Sockets");
    }

    @Override
    protected Object shownPart(ModelView v) {
        return Arrays.asList(v.live(), v.sockets(), v.socketsTotal(), v.stack());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        PageSlots pages = view.sockets();
        g.setFont(label());
        g.setFill(palette.muted());
        String shown = view.socketsTotal() > pages.size() ? " (first " + pages.size() + " shown)" : "";
        String line;
        if (view.live()) {
            long skbs = view.stackStats().skbsHeld();
            long frames = view.stackStats().framesHeld();
            line = fitting(g, w - 2 * PAD,
                    String.format(Locale.ROOT, "%,d skbs in sockets, %,d frames on other CPUs%s", skbs, frames, shown),
                    String.format(Locale.ROOT, "%,d skbs in sockets, %,d frames on other CPUs", skbs, frames),
                    String.format(Locale.ROOT, "%,d skbs, %,d frames", skbs, frames));
        } else {
            line = fitting(g, w - 2 * PAD,
                    String.format(Locale.ROOT, "Driver: %,d pages held or detached%s", view.socketsTotal(), shown),
                    String.format(Locale.ROOT, "Driver: %,d pages held or detached", view.socketsTotal()),
                    String.format(Locale.ROOT, "Driver: %,d pages", view.socketsTotal()));
        }
        text(g, line, PAD, TITLE + 14);
        grid = new CellGrid(PAD, TITLE + 22, w - 2 * PAD, h - TITLE - 30, Math.max(pages.size(), 1));
        Color color = view.live() ? palette.skb() : palette.accent();
        boolean[] pageShown = shownSlots(pages, i -> true); // a page in flight: not yet here
        grid.paintAll(g, palette, i -> i < pages.size() && pageShown[i] ? color : palette.panel(),
                i -> i < pages.size() && pageShown[i] ? pages.attrs(i) : 0);
    }

    @Override
    protected String describeAt(double x, double y) {
        if (grid == null || view == null) {
            return null;
        }
        int i = grid.at(x, y);
        PageSlots pages = view.sockets();
        return i >= 0 && i < pages.size() ? page(pages.handle(i), pages.attrs(i)) : null;
    }

    @Override
    public Point2D locate(int pool, int handle) {
        if (grid == null || view == null) {
            return null;
        }
        int i = view.sockets().indexOf(pool, handle);
        return i >= 0 && i < grid.count ? grid.centre(i) : null;
    }
}
