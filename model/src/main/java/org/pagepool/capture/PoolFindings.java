// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.List;

/**
 * What the report says about one pool (immutable). Times are ns since the
 * capture began; -1 for a number and {@link Capture#NO_TIME} for a time that no
 * source gave.
 *
 * @param label       how the report names the pool
 * @param address     its address, 0 if unknown
 * @param id          its netlink id, -1 if unknown
 * @param device      its interface, "" if unknown
 * @param ifindex     its interface index, -1 if unknown
 * @param napiId      its NAPI id, -1 if unknown
 * @param cpus        the CPUs that took pages into it
 * @param firstNs     first seen
 * @param createdNs   created (first page ever held), or NO_TIME when that was before the capture
 * @param destroyedNs the driver destroyed (or detached) it, or NO_TIME
 * @param freedNs     the kernel freed it, or NO_TIME
 * @param hold        {@code pages_state_hold_cnt} at the end, -1 if unknown
 * @param release     {@code pages_state_release_cnt} at the end, -1 if unknown
 * @param inflight    pages in flight at the end, -1 if unknown
 * @param inflightRelative whether {@code inflight} and {@code highest} are changes since the capture began
 * @param highest     the largest inflight, -1 if unknown
 * @param highestNs   when
 * @param lifetimes   page lifetimes (hold to release), or null without a trace
 * @param rates       the pool's statistics (netlink), or null
 * @param leaks       pages held during the capture and still out at its end, oldest first, when the pool was
 *                    being shut down (a live pool's pages are not leaks)
 * @param outstanding pages still out at the end of a live pool (count only)
 * @param stall       the stalled shutdown, or null
 * @param climb       inflight climbing through a live pool's capture, or null
 * @param nidChanges  NUMA node changes as text
 * @param notes       what else the sources showed (lost events, ...)
 */
public record PoolFindings(String label, long address, int id, String device, int ifindex, long napiId,
                           List<Integer> cpus, long firstNs, long createdNs, long destroyedNs, long freedNs,
                           long hold, long release, long inflight, boolean inflightRelative, long highest,
                           long highestNs, Lifetimes lifetimes, Rates rates, List<Leak> leaks, long outstanding,
                           Stall stall, Climb climb, List<String> nidChanges,
                           List<String> notes) {
    public PoolFindings {
        cpus = List.copyOf(cpus);
        leaks = List.copyOf(leaks);
        nidChanges = List.copyOf(nidChanges);
        notes = List.copyOf(notes);
    }

    /**
     * True when the pool was destroyed and freed a second or more later: its
     * shutdown waited for pages that then came back (under a second is the
     * ordinary return of what the cache and ring held).
     */
    public boolean shutdownWaited() {
        return destroyedNs != Capture.NO_TIME && freedNs != Capture.NO_TIME
                && freedNs - destroyedNs >= 1_000_000_000L;
    }

    /** Inflight went from {@code from} (around {@code fromNs}) to {@code to} (around {@code toNs}) and stayed up. */
    public record Climb(long from, long fromNs, long to, long toNs) {
    }

    /** Page lifetimes (hold to release), ns. */
    public record Lifetimes(long count, long p50, long p90, long p99, long max) {
    }

    /**
     * A page held and never released: its pfn (or address), when it was
     * taken, its age at the end, and when the pool took the same page again
     * from the page allocator (it had been freed behind the pool's back), or
     * NO_TIME.
     */
    public record Leak(long page, boolean pfn, long heldNs, long ageNs, long reheldNs) {
        /** Whether the page went back to the page allocator without a release: the pool took it again. */
        public boolean freedBehind() {
            return reheldNs != Capture.NO_TIME;
        }
    }

    /**
     * A shutdown that had not finished by the end of the capture.
     *
     * @param sinceNs        when the shutdown began, NO_TIME when the log has no times
     * @param inflightAtStart pages in flight when it began, -1 if unknown
     * @param inflightAtFirstWarning pages in flight at the first "stalled pool shutdown" warning, -1 if none
     * @param inflightAtEnd  pages in flight at the end of the capture
     * @param waitedNs       how long it had waited at the end (at the last warning when the log has no times)
     * @param warnings       the kernel's "stalled pool shutdown" warnings seen
     * @param source         where this is known from: {@code trace}, {@code netlink}, {@code kernel log}
     */
    public record Stall(long sinceNs, long inflightAtStart, long inflightAtFirstWarning, long inflightAtEnd,
                        long waitedNs, int warnings, String source) {
    }
}
