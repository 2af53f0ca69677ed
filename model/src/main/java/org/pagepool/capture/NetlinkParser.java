// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pagepool.text.Tokens;

/**
 * Reads the YNL CLI's netlink dumps, JSON ({@code --output-json}) or the
 * Python literals it prints by default, each after a {@code # time} line
 * ({@link SampleHeader}):
 * <pre>
 * --dump page-pool-get:
 *     [{'id': 19, 'ifindex': 2, 'inflight': 1088, 'inflight-mem': 4456448, 'napi-id': 147}, ...]
 * --dump page-pool-stats-get:
 *     [{'alloc-fast': 14848, ..., 'info': {'id': 19, 'ifindex': 2}, ...}, ...]
 * </pre>
 * A pool that leaves the dumps was freed by the kernel. Keys this reader does
 * not know are skipped, whatever their value.
 */
final class NetlinkParser {
    private final String file;
    private final TimelineBuilder sink;
    private final LiteralTokens tokens;
    private final SampleHeader header = new SampleHeader();
    private final long[] values = new long[PoolCounter.ALL.length];
    private long ns = Capture.NO_TIME;
    private boolean wallClock = true;
    private int dumps;
    private int dump;
    /** Netlink errors the CLI printed between the dumps, and the first of them. */
    private int errors;
    private String firstError = "";

    NetlinkParser(LineReader reader, String file, TimelineBuilder sink) {
        this.file = file;
        this.sink = sink;
        this.tokens = new LiteralTokens(reader, file);
    }

    int dumps() {
        return dumps;
    }

    /** What the file said besides its dumps, for the report's list of files: the netlink errors the CLI printed. */
    String remark() {
        if (errors == 0) {
            return "";
        }
        String why = firstError.contains("Operation not supported")
                ? " (page-pool-stats-get needs a kernel with CONFIG_PAGE_POOL_STATS)" : "";
        return "the YNL CLI printed " + Show.plural(errors, "netlink error") + " instead of a dump: "
                + Tokens.quote(firstError) + why;
    }

    /** A "Netlink error: ..." line the YNL CLI printed where a dump failed. */
    private void errorReported(ByteLine line) {
        if (errors++ == 0) {
            firstError = line.text(line.skipSpaces(line.start), line.end).strip();
        }
    }

    void read() throws IOException, CaptureException {
        while (true) {
            switch (tokens.next()) {
                case END:
                    return;
                case HEADER:
                    header.read(tokens.line(), file);
                    ns = header.ns();
                    wallClock = header.wallClock();
                    break;
                case OPEN_LIST:
                    list();
                    break;
                case OPEN_OBJECT:
                    dumps++;
                    dump = sink.beginDump();
                    if (entry()) {
                        sink.netlinkDump(dump, wallClock ? Capture.NO_TIME : ns);
                    }
                    break;
                case WORD:
                    if (tokens.depth == 0 && tokens.text.equals("Netlink")) {
                        errorReported(tokens.line());
                        tokens.skipMessage();
                        break;
                    }
                    throw tokens.error("expected a dump, a list [...] or an object {...}, found " + shown());
                default:
                    throw tokens.error("expected a dump, a list [...] or an object {...}, found " + shown());
            }
        }
    }

    /** A dump: entries until the list closes. An empty dump is a page-pool-get with no pools left. */
    private void list() throws IOException, CaptureException {
        dumps++;
        dump = sink.beginDump();
        boolean pools = true;
        boolean first = true;
        while (true) {
            LiteralTokens.Kind k = tokens.next();
            if (k == LiteralTokens.Kind.CLOSE_LIST && first) {
                break;
            }
            if (k != LiteralTokens.Kind.OPEN_OBJECT) {
                throw tokens.error("expected an entry {...} in the dump, found " + shown());
            }
            pools = entry() && (first || pools);
            first = false;
            k = tokens.next();
            if (k == LiteralTokens.Kind.CLOSE_LIST) {
                break;
            }
            if (k != LiteralTokens.Kind.COMMA) {
                throw tokens.error("expected , or ] after an entry, found " + shown());
            }
        }
        if (pools) {
            sink.netlinkDump(dump, wallClock ? Capture.NO_TIME : ns);
        }
    }

    /** One entry, its { read; true for a page-pool-get entry, false for page-pool-stats-get. */
    private boolean entry() throws IOException, CaptureException {
        long start = tokens.lineNumber;
        long id = -1;
        long ifindex = -1;
        long napi = -1;
        long inflight = -1;
        long inflightMem = -1;
        long detach = -1;
        String provider = "";
        long[] info = {-1, -1};
        int mask = 0;
        Arrays.fill(values, 0);
        while (true) {
            LiteralTokens.Kind k = tokens.next();
            if (k == LiteralTokens.Kind.CLOSE_OBJECT) {
                break;
            }
            if (k != LiteralTokens.Kind.STRING) {
                throw tokens.error("expected a key in quotes, found " + shown());
            }
            String key = tokens.text;
            colon(key);
            PoolCounter counter = PoolCounter.byNetlinkName(key);
            if (counter != null) {
                values[counter.ordinal()] = number(key);
                mask |= 1 << counter.ordinal();
            } else {
                switch (key) {
                    case "id": id = number(key); break;
                    case "ifindex": ifindex = number(key); break;
                    case "napi-id": napi = number(key); break;
                    case "inflight": inflight = number(key); break;
                    case "inflight-mem": inflightMem = number(key); break;
                    case "detach-time": detach = number(key); break;
                    case "dmabuf": number(key); provider = "dmabuf"; break;
                    case "io_uring": case "io-uring": skip(); provider = "io_uring"; break;
                    case "info": info(info); break;
                    default: skip(); break;
                }
            }
            k = tokens.next();
            if (k == LiteralTokens.Kind.CLOSE_OBJECT) {
                break;
            }
            if (k != LiteralTokens.Kind.COMMA) {
                throw tokens.error("expected , or } after " + Tokens.quote(key) + "'s value, found " + shown());
            }
        }
        if (info[0] >= 0 || mask != 0) {
            if (info[0] < 0) {
                throw new CaptureException(file, start, "a page-pool-stats-get entry without 'info': {'id': ...}");
            }
            sink.netlinkStats((int) info[0], ns, wallClock, values, mask);
            return false;
        }
        if (id < 0) {
            throw new CaptureException(file, start, "a dump entry without 'id' (page-pool-get) or 'info'"
                    + " (page-pool-stats-get)");
        }
        PoolSamples.Builder pool = sink.netlinkPool((int) id);
        pool.ifindex = ifindex >= 0 ? (int) ifindex : pool.ifindex;
        pool.napiId = napi >= 0 ? napi : pool.napiId;
        pool.inflightMem = inflightMem >= 0 ? inflightMem : pool.inflightMem;
        pool.detachedNs = detach >= 0 ? detach * 1_000_000_000L : pool.detachedNs;
        pool.memoryProvider = provider.isEmpty() ? pool.memoryProvider : provider;
        pool.sample(wallClock ? Capture.NO_TIME : ns, inflight, dump);
        return true;
    }

    private void info(long[] info) throws IOException, CaptureException {
        if (tokens.next() != LiteralTokens.Kind.OPEN_OBJECT) {
            throw tokens.error("'info' should hold {'id': ..., 'ifindex': ...}, found " + shown());
        }
        while (true) {
            LiteralTokens.Kind k = tokens.next();
            if (k == LiteralTokens.Kind.CLOSE_OBJECT) {
                return;
            }
            if (k == LiteralTokens.Kind.COMMA) {
                continue;
            }
            if (k != LiteralTokens.Kind.STRING) {
                throw tokens.error("expected a key in quotes in 'info', found " + shown());
            }
            String key = tokens.text;
            colon(key);
            if (key.equals("id")) {
                info[0] = number(key);
            } else if (key.equals("ifindex")) {
                info[1] = number(key);
            } else {
                skip();
            }
        }
    }

    private void colon(String key) throws IOException, CaptureException {
        if (tokens.next() != LiteralTokens.Kind.COLON) {
            throw tokens.error("expected : after " + Tokens.quote(key) + ", found " + shown());
        }
    }

    private long number(String key) throws IOException, CaptureException {
        LiteralTokens.Kind k = tokens.next();
        if (k == LiteralTokens.Kind.NUMBER) {
            byte[] b = tokens.text.getBytes(StandardCharsets.US_ASCII);
            try {
                return Scan.signed(b, 0, b.length, Long.MIN_VALUE + 1, Long.MAX_VALUE);
            } catch (Scan.Bad e) {
                // reported below
            }
        }
        throw tokens.error(Tokens.quote(key) + ": expected a whole number, found " + shown());
    }

    /** Skips one value, however deeply nested. */
    private void skip() throws IOException, CaptureException {
        LiteralTokens.Kind k = tokens.next();
        if (k != LiteralTokens.Kind.OPEN_OBJECT && k != LiteralTokens.Kind.OPEN_LIST) {
            if (k == LiteralTokens.Kind.END || k == LiteralTokens.Kind.CLOSE_LIST
                    || k == LiteralTokens.Kind.CLOSE_OBJECT
                    || k == LiteralTokens.Kind.COMMA || k == LiteralTokens.Kind.COLON) {
                throw tokens.error("expected a value, found " + shown());
            }
            return;
        }
        int depth = tokens.depth - 1;
        while (tokens.depth > depth) {
            if (tokens.next() == LiteralTokens.Kind.END) {
                throw tokens.error("the file ends inside a value (a ] or } is missing)");
            }
        }
    }

    private String shown() {
        switch (tokens.kind) {
            case END: return "the end of the file (a ] or } is missing?)";
            case STRING: return Tokens.quote("'" + tokens.text + "'");
            case NUMBER: case WORD: return Tokens.quote(tokens.text);
            case OPEN_OBJECT: return "\"{\"";
            case CLOSE_OBJECT: return "\"}\"";
            case OPEN_LIST: return "\"[\"";
            case CLOSE_LIST: return "\"]\"";
            case COLON: return "\":\"";
            case COMMA: return "\",\"";
            default: return "a # line";
        }
    }
}
