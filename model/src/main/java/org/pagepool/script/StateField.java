// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

/** The fields of the trace's state line, in their printed order; {@code expect} names them. */
public enum StateField {
    POOL("pool"),
    CACHE("cache"),
    RING("ring"),
    STALE("stale"),
    HOLD("hold"),
    RELEASE("release"),
    INFLIGHT("inflight"),
    USERS("users"),
    FREE("free"),
    MAPPED("mapped"),
    SYNCS("syncs"),
    JIFFIES("jiffies");

    private final String key;

    StateField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static StateField byKey(String key) {
        for (StateField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
