// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.util.Locale;

/**
 * Writes JSON, indented two spaces, into a StringBuilder: objects, arrays,
 * names and values, commas placed by the writer. Strings are escaped as RFC
 * 8259 asks (control characters as \\u00XX); doubles that are not finite are
 * written as null.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it has an element yet. */
    private final boolean[] started = new boolean[64];
    private int depth;
    private boolean afterName;

    JsonWriter beginObject() {
        element();
        out.append('{');
        open();
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        element();
        out.append('[');
        open();
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        element();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        element();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long n) {
        element();
        out.append(n);
        return this;
    }

    JsonWriter value(boolean b) {
        element();
        out.append(b);
        return this;
    }

    /** A number with up to 9 decimals (ns precision for seconds), or null when not finite. */
    JsonWriter value(double d) {
        element();
        if (!Double.isFinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            String s = String.format(Locale.ROOT, "%.9f", d);
            s = s.replaceAll("0+$", "");
            out.append(s.endsWith(".") ? s + "0" : s);
        }
        return this;
    }

    JsonWriter nullValue() {
        element();
        out.append("null");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void element() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (started[depth]) {
                out.append(',');
            }
            started[depth] = true;
            newline();
        }
    }

    private void open() {
        depth++;
        started[depth] = false;
    }

    private JsonWriter close(char bracket) {
        boolean any = started[depth];
        depth--;
        if (any) {
            newline();
        }
        out.append(bracket);
        if (depth == 0) {
            out.append('\n');
        }
        return this;
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
