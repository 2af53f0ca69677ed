// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.app.gif;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The part of the window a GIF shows: all of it, the journey, or one region (by its node id in the scene). */
public enum GifRegion {
    ALL(null),
    JOURNEY("journey"),
    DEVICE("device"),
    CACHE("allocCache"),
    RING("ptrRing"),
    BUDDY("buddy"),
    SOCKETS("sockets");

    private final String nodeId;

    GifRegion(String nodeId) {
        this.nodeId = nodeId;
    }

    /** The id of the node it shows ({@code #journey}, {@code #device}...), null for the whole window. */
    public String nodeId() {
        return nodeId;
    }

    /** Its name on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The region called {@code key} on the command line, or null. */
    public static GifRegion named(String key) {
        for (GifRegion r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /** "all, journey, ... or sockets". */
    public static String names() {
        String all = Arrays.stream(values()).map(GifRegion::key).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
