// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Arrays;
import org.pagepool.text.Tokens;

/**
 * A list of CPU or queue numbers as a preset writes it, the way
 * {@code /proc/irq/N/smp_affinity_list} and {@code ethtool -X} do: numbers
 * and ranges separated by commas, {@code 0-15} or {@code 0,2,4,6} or
 * {@code 0-3,8}. Order and repeats are kept (queue i takes entry i). Immutable.
 */
public final class IdList {
    /** No list: the default rule applies. */
    public static final IdList NONE = new IdList(new int[0]);
    /** More entries than any list needs (the RSS table has 128). */
    static final int MAX_ENTRIES = 4096;

    private final int[] ids;

    private IdList(int[] ids) {
        this.ids = ids;
    }

    public static IdList of(int... ids) {
        return new IdList(ids.clone());
    }

    /**
     * Reads {@code 0-3,8}: every number from 0 to {@code max}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static IdList parse(String text, int max) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty list (write numbers and ranges: 0-15 or 0,2,4,6)");
        }
        int[] out = new int[16];
        int n = 0;
        for (String part : text.split(",", -1)) {
            String item = Tokens.blankStripped(part);
            int dash = item.indexOf('-');
            int from = number(item.substring(0, dash < 0 ? item.length() : dash), item, max);
            int to = dash < 0 ? from : number(item.substring(dash + 1), item, max);
            if (to < from) {
                throw new IllegalArgumentException("the range " + Tokens.quote(item) + " runs backwards (write "
                        + to + "-" + from + ")");
            }
            if (n + (to - from + 1) > MAX_ENTRIES) {
                throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries");
            }
            for (int id = from; id <= to; id++) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = id;
            }
        }
        return new IdList(Arrays.copyOf(out, n));
    }

    private static int number(String digits, String item, int max) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a number or a range: " + Tokens.quote(item)
                    + " (write numbers and ranges: 0-15 or 0,2,4,6)");
        }
        String value = digits.replaceFirst("^0+(?=.)", "");
        if (value.length() > 9 || Integer.parseInt(value) > max) { // ten digits or more: above any list's limit
            throw new IllegalArgumentException(value + " is above " + max);
        }
        return Integer.parseInt(value);
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    public int size() {
        return ids.length;
    }

    public int get(int i) {
        return ids[i];
    }

    /** Entry {@code i} of the list repeated as often as needed (queue i of a list shorter than the queues). */
    public int cyclic(int i) {
        return ids[i % ids.length];
    }

    public int max() {
        int max = -1;
        for (int id : ids) {
            max = Math.max(max, id);
        }
        return max;
    }

    /** As a preset writes it, runs of consecutive numbers as ranges: {@code 0-3,8}. */
    public String format() {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < ids.length) {
            int j = i;
            while (j + 1 < ids.length && ids[j + 1] == ids[j] + 1) {
                j++;
            }
            text.append(text.length() > 0 ? "," : "").append(ids[i]);
            if (j > i) {
                text.append('-').append(ids[j]);
            }
            i = j + 1;
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdList other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return format();
    }
}
