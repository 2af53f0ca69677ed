// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pagepool.dma.DmaDirection;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.PageAllocator;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PagePoolParams;
import org.pagepool.text.Tokens;

/**
 * Parses a whole {@code .pool} script (spec: pool-script.md) before anything
 * runs. Each line is a command word and {@code key=value} arguments, or
 * {@code softirq}/{@code pressure}/{@code pool} with one bare word; {@code #} starts a
 * comment. The first bad line stops the parse with a {@link ScriptSyntaxError}.
 */
public final class ScriptParser {
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long U32_MAX = Values.U32_MAX;

    /** The keys each command accepts; the words {@code softirq} and {@code pressure} take a bare word. */
    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("memory", Set.of("nodes", "pages")),
            Map.entry("cpu", Set.of("node")),
            Map.entry("softirq", Set.of()),
            Map.entry("pressure", Set.of()),
            Map.entry("pool", Set.of()),
            Map.entry("fail", Set.of("alloc", "dma")),
            Map.entry("tick", Set.of("ms")),
            Map.entry("stats", Set.of()),
            Map.entry("buddy", Set.of()),
            Map.entry("expect", Set.of("pool", "cache", "ring", "stale", "hold", "release", "inflight", "users",
                    "free", "mapped", "syncs", "jiffies")),
            Map.entry("create", Set.of("size", "flags", "order", "nid", "dma_dir", "max_len", "offset")),
            Map.entry("alloc", Set.of("n")),
            Map.entry("put", Set.of("p", "sync", "direct")),
            Map.entry("recycle", Set.of("p")),
            Map.entry("put_bulk", Set.of("p")),
            Map.entry("skb_free", Set.of("p")),
            Map.entry("get", Set.of("p")),
            Map.entry("drop", Set.of("p")),
            Map.entry("release", Set.of("p")),
            Map.entry("update_nid", Set.of("nid")),
            Map.entry("xdp_reg", Set.of()),
            Map.entry("destroy", Set.of()));

    private ScriptParser() {
    }

    /** Parses the lines of a script (line 1 first). */
    public static Script parse(String fileName, List<String> lines) throws ScriptSyntaxError {
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Command command = parseLine(i + 1, lines.get(i));
            if (command != null) {
                commands.add(command);
            }
        }
        return new Script(fileName, commands, List.copyOf(lines));
    }

    /**
     * One line: a command, or null for a blank or comment-only line. The
     * spec's lexical rules: a NUL anywhere is an error, {@code #} starts a
     * comment that is not read, outside it only ASCII, and words are separated
     * by exactly space, tab, CR, VT and FF (anything else is part of a word).
     */
    public static Command parseLine(int line, String text) throws ScriptSyntaxError {
        if (text.indexOf('\0') >= 0) {
            throw new ScriptSyntaxError(line, Lexical.NUL_MESSAGE);
        }
        int hash = text.indexOf('#');
        String code = hash >= 0 ? text.substring(0, hash) : text;
        Lexical.requireAscii(line, code);
        String[] tokens = Lexical.words(code);
        if (tokens.length == 0) {
            return null;
        }
        String word = tokens[0];
        Set<String> keys = KEYS.get(word);
        if (keys == null) {
            throw new ScriptSyntaxError(line, "unknown command " + Tokens.quote(word) + " (commands: "
                    + String.join(", ", new TreeSet<>(KEYS.keySet())) + ")");
        }
        if (word.equals("softirq") || word.equals("pressure")) {
            return onOff(line, word, tokens);
        }
        if (word.equals("pool")) {
            return poolSlot(line, tokens);
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new ScriptSyntaxError(line, "expected key=value after " + word + ", found "
                        + Tokens.quote(token));
            }
            String key = token.substring(0, eq);
            if (!keys.contains(key)) {
                throw new ScriptSyntaxError(line, "unknown key " + Tokens.quote(key) + " for " + word
                        + (keys.isEmpty() ? " (it takes no arguments)" : " (keys: "
                        + String.join(", ", new TreeSet<>(keys)) + ")"));
            }
            if (args.put(key, token.substring(eq + 1)) != null) {
                throw new ScriptSyntaxError(line, "duplicate key \"" + key + "\" for " + word);
            }
        }
        return build(line, word, new Args(line, word, args));
    }

    private static Command onOff(int line, String word, String[] tokens) throws ScriptSyntaxError {
        if (tokens.length != 2 || !(tokens[1].equals("on") || tokens[1].equals("off"))) {
            throw new ScriptSyntaxError(line, word + " takes one word, on or off");
        }
        boolean on = tokens[1].equals("on");
        return word.equals("softirq") ? new Command.Softirq(line, on) : new Command.Pressure(line, on);
    }

    private static Command poolSlot(int line, String[] tokens) throws ScriptSyntaxError {
        if (tokens.length != 2) {
            throw new ScriptSyntaxError(line, "pool takes one slot number, 1.." + PoolSlots.MAX_SLOT
                    + " (e.g. pool 2)");
        }
        try {
            return new Command.PoolSlot(line, (int) Values.number(line, "pool", tokens[1], 1, PoolSlots.MAX_SLOT));
        } catch (ScriptSyntaxError e) {
            throw new ScriptSyntaxError(line, "pool needs a slot number, 1.." + PoolSlots.MAX_SLOT + ", not "
                    + Tokens.quote(tokens[1]));
        }
    }

    private static Command build(int line, String word, Args a) throws ScriptSyntaxError {
        switch (word) {
            case "memory":
                return memory(line, a);
            case "cpu":
                return new Command.Cpu(line, (int) a.required("node", 0, PageAllocator.MAX_NODES - 1));
            case "fail": {
                if (a.isEmpty()) {
                    throw new ScriptSyntaxError(line, "fail needs alloc=N, dma=N or both");
                }
                return new Command.Fail(line, (int) a.optional("alloc", 0, INT_MAX, -1),
                        (int) a.optional("dma", 0, INT_MAX, -1));
            }
            case "tick":
                return new Command.Tick(line, a.required("ms", 0, INT_MAX));
            case "stats":
                return new Command.Stats(line);
            case "buddy":
                return new Command.Buddy(line);
            case "expect":
                return expect(line, a);
            case "create":
                return create(line, a);
            case "alloc":
                return new Command.Alloc(line, (int) a.optional("n", 1, 100_000, 1));
            case "put":
                return new Command.Put(line, a.handle(), (int) a.optional("sync", Integer.MIN_VALUE, U32_MAX, -1),
                        a.optional("direct", 0, 1, 0) == 1);
            case "recycle":
                return new Command.Recycle(line, a.handle());
            case "put_bulk":
                return new Command.PutBulk(line, a.handles());
            case "skb_free":
                return new Command.SkbFree(line, a.handle());
            case "get":
                return new Command.Get(line, a.handle());
            case "drop":
                return new Command.Drop(line, a.handle());
            case "release":
                return new Command.Release(line, a.handle());
            case "update_nid":
                return new Command.UpdateNid(line, (int) a.required("nid", -1, PageAllocator.MAX_NODES - 1));
            case "xdp_reg":
                return new Command.XdpReg(line);
            case "destroy":
                return new Command.Destroy(line);
            default:
                throw new IllegalStateException(word);
        }
    }

    private static Command memory(int line, Args a) throws ScriptSyntaxError {
        int nodes = (int) a.optional("nodes", 1, PageAllocator.MAX_NODES, -1);
        String pagesText = a.raw("pages");
        int[] pages;
        if (pagesText == null) {
            pages = new int[nodes < 0 ? 1 : nodes];
            Arrays.fill(pages, Kernel.DEFAULT_NODE_PAGES);
        } else if (pagesText.contains(",")) {
            String[] items = pagesText.split(",", -1);
            if (items.length > PageAllocator.MAX_NODES) {
                throw new ScriptSyntaxError(line, "too many nodes in pages: " + items.length + " (allowed 1.."
                        + PageAllocator.MAX_NODES + ")");
            }
            if (nodes >= 0 && items.length != nodes) {
                throw new ScriptSyntaxError(line, "pages lists " + items.length + " nodes but nodes=" + nodes
                        + ": give one number per node, or a single number for all");
            }
            pages = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                pages[i] = (int) Values.number(line, "pages", items[i], 0, PageAllocator.MAX_NODE_PAGES);
            }
        } else {
            int each = (int) Values.number(line, "pages", pagesText, 0, PageAllocator.MAX_NODE_PAGES);
            pages = new int[nodes < 0 ? 1 : nodes];
            Arrays.fill(pages, each);
        }
        return new Command.Memory(line, pages);
    }

    private static Command expect(int line, Args a) throws ScriptSyntaxError {
        if (a.isEmpty()) {
            throw new ScriptSyntaxError(line, "expect needs at least one field, e.g. expect cache=62");
        }
        List<Command.Expectation> expectations = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entries()) {
            StateField field = StateField.byKey(e.getKey());
            String text = e.getValue();
            if (field == StateField.POOL) {
                if (!Set.of("none", "alive", "deferred", "freed").contains(text)) {
                    throw new ScriptSyntaxError(line, "pool must be none, alive, deferred or freed, not "
                            + Tokens.quote(text));
                }
                expectations.add(new Command.Expectation(field, text, 0, text));
            } else if (field == StateField.INFLIGHT) {
                long v = Values.number(line, "inflight", text, Integer.MIN_VALUE, Integer.MAX_VALUE);
                expectations.add(new Command.Expectation(field, text, v, null));
            } else {
                long v = Values.number(line, field.key(), text, 0, Long.MAX_VALUE);
                expectations.add(new Command.Expectation(field, text, v, null));
            }
        }
        return new Command.Expect(line, expectations);
    }

    private static Command create(int line, Args a) throws ScriptSyntaxError {
        PagePoolParams p = PagePoolParams.defaults()
                .withPoolSize((int) a.optional("size", 0, U32_MAX, 0))
                .withOrder((int) a.optional("order", 0, PageAllocator.MAX_ORDER - 1, 0))
                .withNid((int) a.optional("nid", -1, PageAllocator.MAX_NODES - 1, Kernel.NUMA_NO_NODE))
                .withMaxLen((int) a.optional("max_len", 0, U32_MAX, 0))
                .withOffset((int) a.optional("offset", 0, U32_MAX, 0));
        String flags = a.raw("flags");
        if (flags != null) {
            p = p.withFlags(flags(line, flags));
        }
        String dir = a.raw("dma_dir");
        if (dir != null) {
            p = p.withDmaDir(dmaDir(line, dir));
        }
        return new Command.Create(line, p);
    }

    private static int flags(int line, String text) throws ScriptSyntaxError {
        int flags = 0;
        for (String item : text.split(",", -1)) {
            switch (item) {
                case "DMA_MAP":
                    flags |= PagePool.PP_FLAG_DMA_MAP;
                    break;
                case "DMA_SYNC_DEV":
                    flags |= PagePool.PP_FLAG_DMA_SYNC_DEV;
                    break;
                default:
                    if (!Values.isNumber(item)) {
                        throw new ScriptSyntaxError(line, "unknown flag " + Tokens.quote(item)
                                + " in flags (DMA_MAP, DMA_SYNC_DEV or a number, comma separated)");
                    }
                    flags |= (int) Values.number(line, "flags", item, 0, U32_MAX);
            }
        }
        return flags;
    }

    private static DmaDirection dmaDir(int line, String text) throws ScriptSyntaxError {
        switch (text) {
            case "FROM_DEVICE":
                return DmaDirection.FROM_DEVICE;
            case "BIDIRECTIONAL":
                return DmaDirection.BIDIRECTIONAL;
            case "TO_DEVICE":
                return DmaDirection.TO_DEVICE;
            default:
                throw new ScriptSyntaxError(line, "unknown dma_dir " + Tokens.quote(text)
                        + " (FROM_DEVICE, BIDIRECTIONAL or TO_DEVICE)");
        }
    }

    /** The arguments of one line, read with the checks every key needs. */
    private static final class Args {
        private final int line;
        private final String word;
        private final Map<String, String> values;

        Args(int line, String word, Map<String, String> values) {
            this.line = line;
            this.word = word;
            this.values = values;
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        Iterable<Map.Entry<String, String>> entries() {
            return values.entrySet();
        }

        String raw(String key) {
            return values.get(key);
        }

        long required(String key, long min, long max) throws ScriptSyntaxError {
            String text = values.get(key);
            if (text == null) {
                throw missing(key);
            }
            return Values.number(line, key, text, min, max);
        }

        long optional(String key, long min, long max, long absent) throws ScriptSyntaxError {
            String text = values.get(key);
            return text == null ? absent : Values.number(line, key, text, min, max);
        }

        int handle() throws ScriptSyntaxError {
            String text = values.get("p");
            if (text == null) {
                throw missing("p");
            }
            return Values.handle(line, "p", text);
        }

        int[] handles() throws ScriptSyntaxError {
            String text = values.get("p");
            if (text == null) {
                throw missing("p");
            }
            String[] items = text.split(",", -1);
            if (items.length > 1024) {
                throw new ScriptSyntaxError(line, "value out of range for p: " + items.length
                        + " handles (allowed 1..1024)");
            }
            int[] handles = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                handles[i] = Values.handle(line, "p", items[i]);
            }
            return handles;
        }

        private ScriptSyntaxError missing(String key) {
            return new ScriptSyntaxError(line, "missing required key \"" + key + "\" for " + word);
        }
    }
}
