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
import org.pagepool.view.FlowRates;
import org.pagepool.view.ModelView;
import org.pagepool.view.PoolView;
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
    private final QueueTilesPane tiles = new QueueTilesPane();
    private final List<CanvasRegion> regions = List.of(device, cache, ring, buddy, sockets, tiles);
    private final GridPane grid = new GridPane();
    private final RowConstraints top = new RowConstraints();
    private final RowConstraints bottom = new RowConstraints();
    /** Whether the tiles are laid out (a NIC of several queues). */
    private boolean many = true;
    private final JourneyOverlay overlay = new JourneyOverlay();
    /** The window's flow rates: updated here once per view, read by the arrows and the charts. */
    private final FlowRates rates = new FlowRates();
    private boolean live = true;

    public JourneyPane() {
        setId("journey");
        grid.setHgap(6);
        grid.setVgap(6);
        double[] widths = {30, 15, 28, 27};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(w);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        grid.getRowConstraints().addAll(top, bottom);
        layOut(false);
        for (CanvasRegion r : regions) {
            r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            r.setInFlight(overlay::inFlight); // a page flying above is drawn there, not in its slot
        }
        getChildren().addAll(grid, overlay);
        overlay.setRates(rates);
        mapPlaces();
    }

    /**
     * One queue: the sockets under the device, cache and ring. Several: the
     * queues' tiles take the place under the device and the cache, and the
     * bottom row grows so that 64 tiles fit.
     */
    private void layOut(boolean severalQueues) {
        if (severalQueues == many) {
            return;
        }
        many = severalQueues;
        grid.getChildren().clear();
        top.setPercentHeight(many ? 62 : 72);
        bottom.setPercentHeight(many ? 38 : 28);
        grid.add(device, 0, 0);
        grid.add(cache, 1, 0);
        grid.add(ring, 2, 0);
        grid.add(buddy, 3, 0, 1, 2);
        if (many) {
            grid.add(tiles, 0, 1, 2, 1);
            grid.add(sockets, 2, 1, 1, 1);
        } else {
            grid.add(sockets, 0, 1, 3, 1);
        }
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

    /** Shows a new view, and flies tokens for the page moves that led to it (the focused queue's only). */
    public void show(ModelView view, List<PageMove> allMoves, long now) {
        List<PageMove> moves = view.queues().many() ? focusedMoves(view, allMoves) : allMoves;
        if (view.live() != live) {
            live = view.live();
            mapPlaces();
        }
        layOut(view.queues().many());
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
        overlay.flowsChanged();
    }

    /**
     * The moves of pages the focused queue's pools hold (and of pages no pool
     * holds): the regions show that queue, and another queue's page would
     * fly between places it never was.
     */
    static List<PageMove> focusedMoves(ModelView view, List<PageMove> moves) {
        List<PoolView> pools = view.pools().list();
        List<PageMove> kept = new ArrayList<>(moves.size());
        for (PageMove move : moves) {
            if (move.pool() == 0 || isShown(pools, move.pool())) {
                kept.add(move);
            }
        }
        return kept;
    }

    private static boolean isShown(List<PoolView> pools, int id) {
        for (PoolView pool : pools) {
            if (pool.id() == id) {
                return true;
            }
        }
        return false;
    }

    /** The flow rates, as of the last view shown. */
    public FlowRates flowRates() {
        return rates;
    }

    /** Draws what changed, once per pulse. */
    public void draw(long now, boolean flows) {
        overlay.setShowFlows(flows);
        boolean landed = overlay.land(now); // pages that took off or landed change what the regions show
        boolean redrew = false;
        for (CanvasRegion r : regions) {
            if (r.getParent() != null) { // the tiles are out of the layout for one queue
                if (landed) {
                    r.markDirty();
                }
                redrew |= r.redrawIfDirty();
            }
        }
        if (redrew) {
            overlay.flowsChanged(); // the regions' texts may have moved: the labels keep off them
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

    /** The queues' tiles (laid out only for a NIC of several queues). */
    public QueueTilesPane tiles() {
        return tiles;
    }

    public JourneyOverlay overlay() {
        return overlay;
    }

    /** The regions laid out now (the queues' tiles only for a NIC of several queues). */
    public List<CanvasRegion> regions() {
        return regions.stream().filter(r -> r.getParent() != null).toList();
    }
}
