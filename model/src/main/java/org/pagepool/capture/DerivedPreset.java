// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.List;

/**
 * "Simulate this": a workload preset derived from a capture (immutable), as
 * the text of a {@code .workload} file, and the assumptions it rests on:
 * what was estimated from what, and what was defaulted because a capture
 * cannot show it. The text carries the same assumptions in its comments and
 * its story ({@code summary}, {@code watch}).
 *
 * @param text      the preset, ready for the preset parser
 * @param estimated the settings the capture gave, with the evidence
 * @param defaulted the settings it could not give, with why
 */
public record DerivedPreset(String text, List<Assumption> estimated, List<Assumption> defaulted) {
    /** One setting (or event: {@code key} is {@code at TIME}): its preset key, its value as written, and why. */
    public record Assumption(String key, String value, String why) {
        /** {@code key = value: why} ({@code at TIME: event: why}), as the comments and the window say it. */
        public String line() {
            return key + (key.startsWith("at ") ? ": " : " = ") + value + ": " + why;
        }
    }

    public DerivedPreset {
        estimated = List.copyOf(estimated);
        defaulted = List.copyOf(defaulted);
    }
}
