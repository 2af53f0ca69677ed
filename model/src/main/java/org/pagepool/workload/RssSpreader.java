// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

/**
 * Picks each packet's RX queue from the queues' shares ({@link Rss#shares})
 * in constant time, with one draw: Vose's alias method. A packet's flow only
 * matters through its queue, so drawing the queue with the flows' summed
 * shares is the same distribution as drawing the flow and hashing it.
 * Immutable; the draws come from the caller's generator, which is not
 * drawn from at all when one queue has every packet (one flow): its draws
 * would all name that queue.
 */
final class RssSpreader {
    private final double[] keep;
    private final int[] alias;
    private final double[] shares;
    /**
     * For 2^k equal shares (k at least 1), 64 - k: the queue is then the top k
     * bits of the draw, the same queue the alias table gives (every column
     * kept, and a power-of-two scaling of the draw is exact); else 0.
     */
    private final int shift;
    /** The one queue with a share, or -1 when several have one. */
    private final int only;

    RssSpreader(double[] shares) {
        int n = shares.length;
        this.shares = shares.clone();
        keep = new double[n];
        alias = new int[n];
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smalls = 0;
        int larges = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = shares[i] / total * n;
            if (scaled[i] < 1) {
                small[smalls++] = i;
            } else {
                large[larges++] = i;
            }
        }
        while (smalls > 0 && larges > 0) {
            int s = small[--smalls];
            int l = large[--larges];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1) {
                small[smalls++] = l;
            } else {
                large[larges++] = l;
            }
        }
        // what is left is 1 up to rounding
        while (larges > 0) {
            int l = large[--larges];
            keep[l] = 1;
            alias[l] = l;
        }
        while (smalls > 0) {
            int s = small[--smalls];
            keep[s] = 1;
            alias[s] = s;
        }
        boolean allKept = true;
        for (double k : keep) {
            allKept &= k == 1;
        }
        int with = -1;
        for (int i = 0; i < n; i++) {
            if (shares[i] > 0) {
                with = with == -1 ? i : -2;
            }
        }
        only = Math.max(with, -1);
        shift = allKept && n >= 2 && Integer.bitCount(n) == 1 ? 64 - Integer.numberOfTrailingZeros(n) : 0;
    }

    /** The queue of the next packet. */
    int next(Rng rng) {
        if (only >= 0) {
            return only;
        }
        if (shift != 0) {
            return (int) (rng.nextLong() >>> shift); // nextDouble() * 2^k, floored, without the double
        }
        double x = rng.nextDouble() * keep.length;
        int column = (int) x;
        return x - column < keep[column] ? column : alias[column];
    }

    int queues() {
        return keep.length;
    }

    /** Queue {@code q}'s share of the packets. */
    double share(int q) {
        return shares[q];
    }
}
