// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.Locale;
import org.pagepool.text.Numbers;
import org.pagepool.text.Tokens;

/**
 * How receive-side scaling spreads packets over the RX queues: every packet
 * belongs to a flow, the NIC hashes the flow's addresses and ports (Toeplitz
 * on real NICs) and the low 7 bits of the hash pick one of the 128 entries of
 * the indirection table, which names the queue ({@code ethtool -x}). The
 * default table is the kernel's {@code ethtool_rxfh_indir_default()}: entry
 * i names queue i mod queues.
 *
 * <ul>
 * <li>{@code uniform}: many short flows, each packet's hash as good as
 *     random, so a queue gets the share of the table's entries that name it.</li>
 * <li>{@code zipf:S}: {@value #ZIPF_FLOWS} flows, the k-th carrying a share
 *     proportional to 1/k^S, each hashed to an entry: the big flows make
 *     their queues hot.</li>
 * <li>{@code flows:N}: N long-lived flows of equal rate hashed onto the
 *     table, so that collisions give some queues two or three flows and
 *     others none.</li>
 * </ul>
 * Flow hashes are drawn from the run's seed. Immutable.
 *
 * @param s     the zipf exponent (0 for the other modes)
 * @param flows the number of flows ({@code flows:N}, {@value #ZIPF_FLOWS} for zipf, 0 for uniform)
 * @param table the indirection table as written ({@code rss.table}), repeated to fill 128 entries;
 *              {@link IdList#NONE} for the default
 */
public record Rss(Mode mode, double s, int flows, IdList table) {
    /** Entries of the indirection table ({@code ETH_RSS_INDIR_TABLE} on most drivers). */
    public static final int TABLE_SIZE = 128;
    /** Flows behind {@code zipf:S}. */
    public static final int ZIPF_FLOWS = 1024;
    public static final int MAX_FLOWS = 1 << 20;
    public static final Rss UNIFORM = new Rss(Mode.UNIFORM, 0, 0, IdList.NONE);

    /** The three ways flows come. */
    public enum Mode { UNIFORM, ZIPF, FLOWS }

    /**
     * Reads {@code uniform}, {@code zipf:S} (S from 0 to 10) or {@code flows:N} (1 to 2^20).
     *
     * @throws IllegalArgumentException with a message saying what would be right
     */
    public static Rss parse(String text) {
        String hint = " (rss is uniform, zipf:S such as zipf:1.2, or flows:N such as flows:8)";
        if (text.equals("uniform")) {
            return UNIFORM;
        }
        int colon = text.indexOf(':');
        String word = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : Tokens.blankStripped(text.substring(colon + 1));
        try {
            if (word.equals("zipf") && colon > 0) {
                double s = Numbers.number(value, false);
                if (s > 10) {
                    throw new IllegalArgumentException("the zipf exponent " + value + " is above 10" + hint);
                }
                return new Rss(Mode.ZIPF, s, ZIPF_FLOWS, IdList.NONE);
            }
            if (word.equals("flows") && colon > 0) {
                double n = Numbers.quantity(value, false);
                if (n < 1 || n > MAX_FLOWS || n != Math.rint(n)) {
                    throw new IllegalArgumentException("flows:N needs a whole number of flows from 1 to " + MAX_FLOWS
                            + ", not " + Tokens.quote(value));
                }
                return new Rss(Mode.FLOWS, 0, (int) n, IdList.NONE);
            }
        } catch (Numbers.BadNumber e) {
            throw new IllegalArgumentException(e.getMessage() + hint);
        }
        throw new IllegalArgumentException("unknown spread " + Tokens.quote(text) + hint);
    }

    /** The same spread with another indirection table. */
    public Rss withTable(IdList newTable) {
        return new Rss(mode, s, flows, newTable);
    }

    /** As a preset writes it (the table apart). */
    public String format() {
        switch (mode) {
            case ZIPF:
                return "zipf:" + (s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%s", s));
            case FLOWS:
                return "flows:" + flows;
            default:
                return "uniform";
        }
    }

    /** The queue each of the 128 table entries names. */
    public int[] indirection(int queues) {
        int[] entries = new int[TABLE_SIZE];
        for (int i = 0; i < TABLE_SIZE; i++) {
            entries[i] = table.isEmpty() ? i % queues : table.cyclic(i);
        }
        return entries;
    }

    /**
     * The share of packets each queue gets: each flow's share goes to the
     * queue its hash's table entry names. Flow hashes come from {@code hashes}.
     */
    public double[] shares(int queues, Rng hashes) {
        int[] entries = indirection(queues);
        double[] share = new double[queues];
        switch (mode) {
            case UNIFORM:
                for (int entry : entries) {
                    share[entry] += 1.0 / TABLE_SIZE;
                }
                break;
            case FLOWS:
                for (int f = 0; f < flows; f++) {
                    share[entries[entryOf(hashes)]] += 1.0 / flows;
                }
                break;
            default:
                double total = 0;
                for (int k = 1; k <= flows; k++) {
                    total += Math.pow(k, -s);
                }
                for (int k = 1; k <= flows; k++) {
                    share[entries[entryOf(hashes)]] += Math.pow(k, -s) / total;
                }
        }
        return share;
    }

    /** A flow's hash, its low 7 bits picking the entry. */
    private static int entryOf(Rng hashes) {
        return (int) (hashes.nextLong() & (TABLE_SIZE - 1));
    }
}
