// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.List;
import org.pagepool.pool.PagePoolParams;

/** One parsed line of a {@code .pool} script. Immutable. */
public sealed interface Command {
    /** The 1-based line number in the script. */
    int line();

    /** The command word, as the trace prints it. */
    String word();

    /** {@code memory nodes=N pages=P0,P1,..}. */
    record Memory(int line, int[] nodePages) implements Command {
        public Memory {
            nodePages = nodePages.clone();
        }

        @Override
        public int[] nodePages() {
            return nodePages.clone();
        }

        public String word() {
            return "memory";
        }
    }

    /** {@code cpu node=N}. */
    record Cpu(int line, int node) implements Command {
        public String word() {
            return "cpu";
        }
    }

    /** {@code softirq on|off}. */
    record Softirq(int line, boolean on) implements Command {
        public String word() {
            return "softirq";
        }
    }

    /** {@code pressure on|off}. */
    record Pressure(int line, boolean on) implements Command {
        public String word() {
            return "pressure";
        }
    }

    /** {@code pool N}: slot N (1..64) becomes current. */
    record PoolSlot(int line, int slot) implements Command {
        public String word() {
            return "pool";
        }
    }

    /** {@code fail alloc=N dma=M}; -1 for a key not given. */
    record Fail(int line, int alloc, int dma) implements Command {
        public String word() {
            return "fail";
        }
    }

    /** {@code tick ms=N}. */
    record Tick(int line, long ms) implements Command {
        public String word() {
            return "tick";
        }
    }

    /** {@code stats}. */
    record Stats(int line) implements Command {
        public String word() {
            return "stats";
        }
    }

    /** {@code buddy}. */
    record Buddy(int line) implements Command {
        public String word() {
            return "buddy";
        }
    }

    /** One {@code field=value} of an {@code expect}, with the value as written. */
    record Expectation(StateField field, String written, long value, String word) {
    }

    /** {@code expect field=value ...}. */
    record Expect(int line, List<Expectation> expectations) implements Command {
        public Expect {
            expectations = List.copyOf(expectations);
        }

        public String word() {
            return "expect";
        }
    }

    /** {@code create ...}. */
    record Create(int line, PagePoolParams params) implements Command {
        public String word() {
            return "create";
        }
    }

    /** {@code alloc n=N}. */
    record Alloc(int line, int n) implements Command {
        public String word() {
            return "alloc";
        }
    }

    /** {@code put p=H sync=N direct=0|1}: sync as the unsigned int the kernel takes. */
    record Put(int line, int handle, int sync, boolean direct) implements Command {
        public String word() {
            return "put";
        }
    }

    /** {@code recycle p=H}. */
    record Recycle(int line, int handle) implements Command {
        public String word() {
            return "recycle";
        }
    }

    /** {@code put_bulk p=H,H,...}. */
    record PutBulk(int line, int[] handles) implements Command {
        public PutBulk {
            handles = handles.clone();
        }

        @Override
        public int[] handles() {
            return handles.clone();
        }

        public String word() {
            return "put_bulk";
        }
    }

    /** {@code skb_free p=H}. */
    record SkbFree(int line, int handle) implements Command {
        public String word() {
            return "skb_free";
        }
    }

    /** {@code get p=H}. */
    record Get(int line, int handle) implements Command {
        public String word() {
            return "get";
        }
    }

    /** {@code drop p=H}. */
    record Drop(int line, int handle) implements Command {
        public String word() {
            return "drop";
        }
    }

    /** {@code release p=H}. */
    record Release(int line, int handle) implements Command {
        public String word() {
            return "release";
        }
    }

    /** {@code update_nid nid=N}. */
    record UpdateNid(int line, int nid) implements Command {
        public String word() {
            return "update_nid";
        }
    }

    /** {@code xdp_reg}. */
    record XdpReg(int line) implements Command {
        public String word() {
            return "xdp_reg";
        }
    }

    /** {@code destroy}. */
    record Destroy(int line) implements Command {
        public String word() {
            return "destroy";
        }
    }
}
