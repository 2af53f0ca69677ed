// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Locale;

/**
 * What to change in a preset whose run filled the Java heap, for the
 * command line's message and the window's: usually the pages it holds
 * (memory, the RX rings filled when the queues open, the skbs sockets keep),
 * but on a NIC of several queues also the packets listed for queues that
 * have not counted them yet, which bursts far faster than the queues poll
 * can pile up by the million.
 */
public final class HeapAdvice {
    private HeapAdvice() {
    }

    /**
     * {@code give the preset ...}, for a run with {@code params} whose queues
     * had {@code listedBytes} of packets listed when the heap filled.
     */
    public static String of(WorkloadParams params, long listedBytes, long maxHeapBytes) {
        if (listedBytes > maxHeapBytes / 4) {
            return "its queues had " + (listedBytes >> 20) + " MB of packets listed that they had not counted yet:"
                    + " bursts (" + Param.RATE.key() + " / " + Param.DUTY.key() + ", now " + number(params.get(
                    Param.RATE)) + " / " + number(params.get(Param.DUTY)) + ") brought them faster than the queues"
                    + " poll: give the preset a lower " + Param.RATE.key() + " or a higher " + Param.DUTY.key();
        }
        return "give the preset fewer pages (now " + Param.NODES.key() + " = " + params.getInt(Param.NODES) + ", "
                + Param.NODE_PAGES.key() + " = " + params.getInt(Param.NODE_PAGES) + "), fewer or smaller RX rings,"
                + " which fill when the queues open (now " + Param.QUEUES.key() + " = " + params.getInt(Param.QUEUES)
                + ", " + Param.RX_RING.key() + " = " + params.getInt(Param.RX_RING) + ", " + Param.POOL_ORDER.key()
                + " = " + params.getInt(Param.POOL_ORDER) + ") or shorter " + Param.SKB_LIFETIME.key();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "");
    }
}
