// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

/**
 * Recent rates of the model, from samples the worker takes as it plays:
 * packets per simulated and per wall second, steps per simulated second.
 * Worker thread only.
 */
final class Rates {
    private static final int SAMPLES = 64;
    /** The window the rates are computed over. */
    private static final long WINDOW_NS = 500_000_000L;

    private final long[] wall = new long[SAMPLES];
    private final long[] sim = new long[SAMPLES];
    private final long[] packets = new long[SAMPLES];
    private final long[] steps = new long[SAMPLES];
    private int count;
    private int newest = -1;
    private double simPps;
    private double wallPps;
    private double stepsPerSimSecond;
    private boolean measured;

    void reset() {
        measured = false;
        count = 0;
        newest = -1;
        simPps = 0;
        wallPps = 0;
        stepsPerSimSecond = 0;
    }

    void sample(long wallNs, Session session) {
        if (count > 0 && wallNs - wall[newest] < 5_000_000L) {
            return; // one sample per 5 ms is plenty
        }
        newest = (newest + 1) % SAMPLES;
        wall[newest] = wallNs;
        sim[newest] = session.timeNs();
        packets[newest] = session instanceof LiveSession live ? live.packets() : 0;
        steps[newest] = session.position();
        count = Math.min(count + 1, SAMPLES);
        int oldest = newest;
        for (int i = 1; i < count; i++) {
            int candidate = Math.floorMod(newest - i, SAMPLES);
            if (wallNs - wall[candidate] > WINDOW_NS) {
                break;
            }
            oldest = candidate;
        }
        if (oldest == newest) {
            return;
        }
        double dWall = (wall[newest] - wall[oldest]) / 1e9;
        double dSim = (sim[newest] - sim[oldest]) / 1e9;
        double dPackets = packets[newest] - packets[oldest];
        wallPps = dWall > 0 ? dPackets / dWall : 0;
        simPps = dSim > 0 ? dPackets / dSim : 0;
        if (dSim > 0) {
            stepsPerSimSecond = (steps[newest] - steps[oldest]) / dSim;
            measured = true;
        }
    }

    double simPps() {
        return simPps;
    }

    double wallPps() {
        return wallPps;
    }

    /** False until two samples apart in simulated time gave a rate. */
    boolean measured() {
        return measured;
    }

    double stepsPerSimSecond() {
        return stepsPerSimSecond;
    }
}
