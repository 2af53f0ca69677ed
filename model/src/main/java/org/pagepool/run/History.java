// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.pagepool.workload.Simulation;
import org.pagepool.workload.TimedAction;

/**
 * What lets a live run go back: deep copies of the simulation at some
 * positions (copies to keep, their skbs packed: {@link Simulation#copyToKeep()}),
 * and the changes a user made (with their position and time), so any
 * position after the oldest copy can be rebuilt by copying and replaying.
 *
 * <p>Memory is bounded: at most {@value #MAX_SNAPSHOTS} copies and about
 * {@value #MAX_BYTES_MB} MiB of them, or a quarter of the heap if that is
 * less (the app runs in a small heap); when either is exceeded the copy whose
 * neighbours lie closest together goes, which keeps the spacing roughly
 * exponential into the past. The copy at position 0 always stays.
 * Worker thread only.
 */
final class History {
    static final int MAX_SNAPSHOTS = 32;
    static final int MAX_BYTES_MB = 256;
    /** The copies' budget: {@value #MAX_BYTES_MB} MiB, or a quarter of the heap in a smaller one. */
    static final long MAX_BYTES = Math.min(MAX_BYTES_MB * (1L << 20), Runtime.getRuntime().maxMemory() / 4);

    /**
     * A copy of the simulation after {@code position} steps, with the first
     * {@code changesIncluded} changes applied, and roughly how many bytes it holds.
     */
    record Snapshot(long position, long timeNs, Simulation sim, long bytes, int changesIncluded) {
    }

    /** A change the user made after {@code position} steps, at simulated time {@code timeNs}. */
    record Change(long position, long timeNs, TimedAction.Action action) {
    }

    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private long bytes;

    /** Keeps a copy of {@code sim} (taken now, the original runs on). */
    void snapshot(Simulation sim) {
        long position = sim.steps();
        if (!snapshots.isEmpty() && latest().position() == position
                && latest().changesIncluded() == changes.size()) {
            return;
        }
        Simulation copy = sim.copyToKeep();
        long size = copy.footprintBytes();
        int at = 0;
        while (at < snapshots.size() && snapshots.get(at).position() < position) {
            at++;
        }
        snapshots.add(at, new Snapshot(position, sim.now(), copy, size, changes.size()));
        bytes += size;
        while (snapshots.size() > 2 && (snapshots.size() > MAX_SNAPSHOTS || bytes > MAX_BYTES)) {
            thin();
        }
    }

    /** Drops the copy (not the first, not the last) whose neighbours are closest. */
    private void thin() {
        int best = 1;
        long bestGap = Long.MAX_VALUE;
        for (int i = 1; i < snapshots.size() - 1; i++) {
            long gap = snapshots.get(i + 1).position() - snapshots.get(i - 1).position();
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        bytes -= snapshots.remove(best).bytes();
    }

    Snapshot latest() {
        return snapshots.get(snapshots.size() - 1);
    }

    /** The latest copy at or before {@code position}. */
    Snapshot before(long position) {
        return latestWhere(s -> s.position() <= position);
    }

    /** The latest copy at or before simulated time {@code ns}. */
    Snapshot beforeTime(long ns) {
        return latestWhere(s -> s.timeNs() <= ns);
    }

    /** The latest copy that {@code at} accepts (copies are in position order), else the first. */
    private Snapshot latestWhere(Predicate<Snapshot> at) {
        Snapshot found = snapshots.get(0);
        for (Snapshot s : snapshots) {
            if (at.test(s)) {
                found = s;
            }
        }
        return found;
    }

    /** The copy just before {@code s}, or null for the first. */
    Snapshot earlier(Snapshot s) {
        int i = snapshots.indexOf(s);
        return i > 0 ? snapshots.get(i - 1) : null;
    }

    /** Records a change made after {@code position} steps; what was recorded after it is no longer the future. */
    void change(long position, long timeNs, TimedAction.Action action) {
        forgetAfter(position);
        changes.add(new Change(position, timeNs, action));
    }

    /** Forgets copies and changes past {@code position}: the run goes another way from there. */
    void forgetAfter(long position) {
        changes.removeIf(c -> c.position() > position);
        snapshots.removeIf(s -> {
            boolean gone = s.position() > position;
            if (gone) {
                bytes -= s.bytes();
            }
            return gone;
        });
    }

    /** Every change, in the order made (which is also position order). */
    List<Change> changes() {
        return changes;
    }

    int size() {
        return snapshots.size();
    }

    long bytes() {
        return bytes;
    }

    long oldestPosition() {
        return snapshots.get(0).position();
    }
}
