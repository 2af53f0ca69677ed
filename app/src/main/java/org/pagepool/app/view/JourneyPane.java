// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import org.pagepool.run.FlowRates;
import org.pagepool.run.ModelView;
import org.pagepool.trace.PageMove;
import org.pagepool.trace.Place;

/**
 * The page's journey, left to right: the device, the alloc cache, the
 * ptr_ring, the buddy allocator; below them the sockets and other CPUs that
 * hold pages outside the pool. Tokens and flows fly in a layer above.
 */
public final class JourneyPane extends StackPane {
    private final DevicePane device = new DevicePane();
    private final AllocCachePane cache = new AllocCachePane();
    private final PtrRingPane ring = new PtrRingPane();
    private final BuddyPane buddy = new BuddyPane();
    private final SocketsPane sockets = new SocketsPane();
    private final List<CanvasRegion> regions = List.of(device, cache, ring, buddy, sockets);
    private final JourneyOverlay overlay = new JourneyOverlay();
    /** The window's flow rates: updated here once per view, read by the arrows and the charts. */
    private final FlowRates rates = new FlowRates();
    private boolean live = true;

    public JourneyPane() {
        setId("journey");
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        double[] widths = {30, 15, 28, 27};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(w);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(72);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(28);
        grid.getRowConstraints().addAll(top, bottom);
        grid.add(device, 0, 0);
        grid.add(cache, 1, 0);
        grid.add(ring, 2, 0);
        grid.add(buddy, 3, 0, 1, 2);
        grid.add(sockets, 0, 1, 3, 1);
        for (CanvasRegion r : regions) {
            r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            r.setInFlight(overlay::inFlight); // a page flying above is drawn there, not in its slot
        }
        getChildren().addAll(grid, overlay);
        overlay.setRates(rates);
        mapPlaces();
    }

    private void mapPlaces() {
        overlay.region(Place.BUDDY, buddy);
        overlay.region(Place.ALLOC_CACHE, cache);
        overlay.region(Place.PTR_RING, ring);
        overlay.region(Place.RX_DESCRIPTOR, device);
        overlay.region(Place.TX_RING, device);
        overlay.region(Place.SKB, sockets);
        overlay.region(Place.REMOTE_CPU, sockets);
        overlay.region(Place.DETACHED, sockets);
        overlay.region(Place.DRIVER, live ? device : sockets); // a script's driver has no NIC
    }

    /** Shows a new view, and flies tokens for the page moves that led to it. */
    public void show(ModelView view, List<PageMove> moves, long now) {
        if (view.live() != live) {
            live = view.live();
            mapPlaces();
        }
        List<Point2D> from = new ArrayList<>(moves.size());
        for (int i = 0; i < moves.size(); i++) {
            from.add(overlay.from(moves.get(i), i)); // where the page was, in the view before
        }
        for (CanvasRegion r : regions) {
            r.show(view);
        }
        for (int i = 0; i < moves.size(); i++) {
            overlay.launch(moves.get(i), from.get(i), now, i);
        }
        rates.update(view);
    }

    /** The flow rates, as of the last view shown. */
    public FlowRates flowRates() {
        return rates;
    }

    /** Draws what changed, once per pulse. */
    public void draw(long now, boolean flows) {
        overlay.setShowFlows(flows);
        boolean landed = overlay.land(now); // pages that took off or landed change what the regions show
        for (CanvasRegion r : regions) {
            if (landed) {
                r.markDirty();
            }
            r.redrawIfDirty();
        }
        overlay.draw(now);
    }

    public void setPalette(Palette palette) {
        for (CanvasRegion r : regions) {
            r.setPalette(palette);
        }
        overlay.setPalette(palette);
    }

    /** The presentation scale (1 = 100 %): every region and the layer above honour it. */
    public void setScale(double scale) {
        for (CanvasRegion r : regions) {
            r.setScale(scale);
        }
        overlay.setScale(scale);
    }

    public JourneyOverlay overlay() {
        return overlay;
    }

    public List<CanvasRegion> regions() {
        return regions;
    }
}
