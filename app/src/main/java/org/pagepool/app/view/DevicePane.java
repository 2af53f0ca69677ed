// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.view;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import org.pagepool.nic.RxRing;
import org.pagepool.view.DeviceView;
import org.pagepool.view.ModelView;
import org.pagepool.view.PageSlots;

/**
 * The device: the RX descriptor ring (empty, a posted page waiting for a
 * packet, a received packet waiting for NAPI), the TX ring, where NAPI runs
 * and how many packets the NIC missed for want of a posted page.
 */
public final class DevicePane extends CanvasRegion {
    private CellGrid rxGrid;
    private CellGrid txGrid;

    public DevicePane() {
        super("device", "Device: NIC rings");
        setShortTitle("Device");
    }

    @Override
    protected Object shownPart(ModelView v) {
        return Arrays.asList(v.device(), v.focusedNic(), v.queues().focus());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        DeviceView d = view.device();
        g.setFont(label());
        if (d == null) {
            g.setFill(palette.muted());
            wrapped(g, "A script drives the pool directly: no NIC. Its pages are under Driver.", PAD, TITLE + 18,
                    w - 2 * PAD);
            rxGrid = null;
            txGrid = null;
            return;
        }
        g.setFill(palette.muted());
        String napi = d.inPoll() ? "NAPI polling" : d.napiScheduled() ? "NAPI scheduled" : "IRQ armed";
        // several queues: the one in focus is named first
        String queue = view.queues().many() ? "queue " + view.queues().focus() + " · " : "";
        text(g, fitting(g, w - 2 * PAD,
                String.format(Locale.ROOT, "%sIRQ on CPU %d (node %d) · %s", queue, d.irqCpu(), d.irqNode(), napi),
                String.format(Locale.ROOT, "%sCPU %d (node %d) · %s", queue, d.irqCpu(), d.irqNode(), napi),
                String.format(Locale.ROOT, "%sCPU %d · %s", queue, d.irqCpu(), napi), queue + napi), PAD, TITLE + 14);
        g.setFont(small());
        var nic = view.focusedNic();
        double footerTop = footer(g, w, h, List.of(
                new Span("received " + JourneyOverlay.human(nic.rxPackets()), palette.muted()),
                new Span("rx_missed " + JourneyOverlay.human(nic.rxMissed()),
                        nic.rxMissed() > 0 ? palette.warning() : palette.muted()),
                new Span("XDP drop " + JourneyOverlay.human(nic.drop()), palette.muted()),
                new Span("tx " + JourneyOverlay.human(nic.tx()), palette.muted()),
                new Span("redirect " + JourneyOverlay.human(nic.redirect()), palette.muted()),
                new Span("pass " + JourneyOverlay.human(nic.pass()), palette.muted())));
        g.setFont(label());
        double top = TITLE + 22;
        double available = footerTop - 4 - top;
        double rxHeight = available * 0.62;
        g.setFill(palette.text());
        text(g, "RX descriptors (" + d.rx().size() + ")", PAD, top + 10);
        rxGrid = new CellGrid(PAD, top + 16, w - 2 * PAD, rxHeight - 20, d.rx().size());
        PageSlots rx = d.rx();
        boolean[] rxShown = shownSlots(rx, i -> d.rxSlot(i) != RxRing.Slot.EMPTY); // a page in flight: not yet here
        rxGrid.paintAll(g, palette, i -> {
            RxRing.Slot slot = d.rxSlot(i);
            return slot == RxRing.Slot.EMPTY || !rxShown[i] ? palette.empty()
                    : slot == RxRing.Slot.COMPLETED ? palette.packet() : palette.descriptor();
        }, i -> rxShown[i] ? rx.attrs(i) : 0);
        double txTop = top + rxHeight + 6;
        g.setFill(palette.text());
        text(g, fitting(g, w - 2 * PAD, "TX ring (" + d.tx().size() + " in flight of " + d.txSize() + ")",
                "TX ring (" + d.tx().size() + " / " + d.txSize() + ")"), PAD, txTop + 10);
        txGrid = new CellGrid(PAD, txTop + 16, w - 2 * PAD, available - rxHeight - 22, d.txSize());
        PageSlots tx = d.tx();
        boolean[] txShown = shownSlots(tx, i -> true);
        txGrid.paintAll(g, palette, i -> i < tx.size() && txShown[i] ? palette.tx() : palette.empty(),
                i -> i < tx.size() && txShown[i] ? tx.attrs(i) : 0);
    }

    @Override
    protected String describeAt(double x, double y) {
        if (view == null || view.device() == null) {
            return null;
        }
        DeviceView d = view.device();
        if (rxGrid != null) {
            int i = rxGrid.at(x, y);
            if (i >= 0) {
                String state = d.rxSlot(i) == RxRing.Slot.EMPTY ? "empty (no page posted)"
                        : d.rxSlot(i) == RxRing.Slot.POSTED ? "a posted page waiting for a packet"
                        : "a received packet waiting for NAPI";
                int handle = d.rx().handle(i);
                return "RX descriptor " + i + ": " + state + (handle != 0 ? "\n" + page(handle, d.rx().attrs(i)) : "");
            }
        }
        if (txGrid != null) {
            int i = txGrid.at(x, y);
            if (i >= 0 && i < d.tx().size()) {
                return "TX frame " + i + " waiting for its completion\n" + page(d.tx().handle(i), d.tx().attrs(i));
            }
        }
        return null;
    }

    @Override
    public Point2D locate(int pool, int handle) {
        if (view == null || view.device() == null || rxGrid == null) {
            return null;
        }
        int i = view.device().rx().indexOf(pool, handle);
        if (i >= 0 && i < rxGrid.count) {
            return rxGrid.centre(i);
        }
        i = view.device().tx().indexOf(pool, handle);
        return i >= 0 && txGrid != null && i < txGrid.count ? txGrid.centre(i) : null;
    }
}
