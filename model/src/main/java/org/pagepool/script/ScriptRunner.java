// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.script;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pagepool.kernel.Kernel;
import org.pagepool.mm.MemMap;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.mm.PageRef;
import org.pagepool.pool.PagePool;
import org.pagepool.pool.PoolCreateException;
import org.pagepool.pool.PoolState;
import org.pagepool.pool.PoolStatsSnapshot;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceObserver;

/**
 * Runs a parsed script one line at a time against a fresh kernel, as the
 * spec says: one pool at a time, handles per pool, run-time errors found
 * before anything changes. Single-threaded; {@link #kernel()} is the live
 * model and must only be read on the thread that steps.
 */
public final class ScriptRunner {
    private final Script script;
    private final Kernel kernel = new Kernel();
    private final PoolSlots slots = new PoolSlots();
    private final List<String> messages = new ArrayList<>();
    /** Where the kernel's lines go as they are printed, or null: into each step's result. */
    private Consumer<String> messageSink;
    private boolean createSeen;
    private int next;
    private boolean stopped;

    public ScriptRunner(Script script) {
        this.script = script;
        kernel.tracer().attach(slots);
        kernel.tracer().attach(new TraceObserver() {
            @Override
            public void message(String text) {
                if (messageSink != null) {
                    messageSink.accept(text);
                } else {
                    messages.add(text);
                }
            }
        });
    }

    public Script script() {
        return script;
    }

    /**
     * Sends the kernel's lines to {@code sink} as they are printed, before the
     * line of the command that printed them, instead of keeping them in each
     * step's result: one {@code tick} of weeks prints a warning a minute for
     * every pool whose shutdown stalls, millions of lines.
     */
    public void printMessagesTo(Consumer<String> sink) {
        this.messageSink = sink;
    }

    /** The model the script drives (read it on the stepping thread only). */
    public Kernel kernel() {
        return kernel;
    }

    /** The current slot's pool, or null before its first successful create (or after a failed one). */
    public PagePool pool() {
        return slots.pool();
    }

    /** The current pool slot, 1..64 ({@code pool N}). */
    public int slot() {
        return slots.current();
    }

    /**
     * The pages the script's driver holds or released with references left,
     * by handle: the first {@code into.length} go into {@code into}; returns
     * how many there are.
     */
    public int heldPages(int[] into) {
        PagePool pool = slots.pool();
        if (pool == null) {
            return 0;
        }
        MemMap memmap = memmap();
        int count = 0;
        for (long handle = 1; handle <= Integer.toUnsignedLong(pool.holdCount()); handle++) {
            int page = slots.handles().page((int) handle, memmap);
            if (page != PageRef.NULL && (memmap.isAt(page, Place.DRIVER) || memmap.isAt(page, Place.DETACHED))
                    && memmap.pageRefCount(page) > 0) {
                if (count < into.length) {
                    into[count] = page;
                }
                count++;
            }
        }
        return count;
    }

    /** True while there are lines left and no line has stopped the run. */
    public boolean hasNext() {
        return !stopped && next < script.commands().size();
    }

    /** The command {@link #step()} runs next, or null at the end. */
    public Command peek() {
        return hasNext() ? script.commands().get(next) : null;
    }

    /** The state line now. */
    public State state() {
        return State.of(kernel, slots.pool());
    }

    /** Runs the next line of the script; an error or a failed expect ends the run. */
    public StepResult step() {
        if (!hasNext()) {
            throw new IllegalStateException("the script has no more lines to run");
        }
        StepResult result = run(script.commands().get(next++));
        if (result.outcome() != StepResult.Outcome.OK) {
            stopped = true;
        }
        return result;
    }

    /**
     * Runs one command against the current state, whether or not it is a line
     * of the script (a refused command changes nothing, so the model can go on).
     */
    public StepResult run(Command command) {
        messages.clear();
        try {
            if (command instanceof Command.Expect expect) {
                String failure = check(expect);
                if (failure != null) {
                    return new StepResult(command.line(), command.word(), messages, null, state(),
                            StepResult.Outcome.EXPECT_FAILED, failure);
                }
                return ok(command, "ok");
            }
            return ok(command, execute(command));
        } catch (RunError | ModelRefusal e) {
            String message = e instanceof RunError ? e.getMessage() : command.word() + ": " + e.getMessage();
            return new StepResult(command.line(), command.word(), messages, null, state(),
                    StepResult.Outcome.ERROR, message);
        }
    }

    private StepResult ok(Command command, String result) {
        return new StepResult(command.line(), command.word(), messages, result, state(), StepResult.Outcome.OK,
                null);
    }

    private String execute(Command command) throws RunError {
        if (command instanceof Command.Memory c) {
            if (createSeen) {
                throw new RunError("memory: only allowed before the first create");
            }
            kernel.setMemory(c.nodePages());
            return "ok";
        } else if (command instanceof Command.Cpu c) {
            kernel.setCpuNode(c.node());
            return "ok";
        } else if (command instanceof Command.Softirq c) {
            kernel.setSoftirq(c.on());
            return "ok";
        } else if (command instanceof Command.Pressure c) {
            kernel.mm().setPressure(c.on());
            return "ok";
        } else if (command instanceof Command.Fail c) {
            if (c.alloc() >= 0) {
                kernel.mm().failNextAllocCalls(c.alloc());
            }
            if (c.dma() >= 0) {
                kernel.dma().failNextMaps(c.dma());
            }
            return "ok";
        } else if (command instanceof Command.Tick c) {
            kernel.jiffies().advance(c.ms());
            return "ok";
        } else if (command instanceof Command.PoolSlot c) {
            slots.select(c.slot());
            return "ok";
        } else if (command instanceof Command.Stats) {
            PagePool pool = slots.pool();
            return (pool == null || pool.state() == PoolState.FREED ? PoolStatsSnapshot.ZERO
                    : pool.stats()).format();
        } else if (command instanceof Command.Buddy) {
            return buddyinfo();
        } else if (command instanceof Command.Create c) {
            return create(c);
        }
        return poolCommand(command, livePool(command));
    }

    private String create(Command.Create c) throws RunError {
        PagePool pool = slots.pool();
        if (pool != null && pool.state() != PoolState.FREED) {
            throw new RunError("create: slot " + slots.current() + " already has a pool (" + pool.state().word()
                    + "): destroy it and let it be freed first, or create in another slot (pool N)");
        }
        try {
            PagePool created = PagePool.create(kernel, c.params());
            createSeen = true;
            slots.created(created);
        } catch (PoolCreateException e) {
            createSeen = true; // the kernel ran page_pool_create(): memory is in use from here on
            slots.createFailed();
            return "err=" + e.errnoName();
        } catch (ModelRefusal e) {
            throw new RunError("create: " + e.getMessage()); // refused before it ran: nothing changed
        }
        return "ok";
    }

    private PagePool livePool(Command command) throws RunError {
        PagePool pool = slots.pool();
        if (pool == null) {
            throw new RunError(command.word() + ": there is no pool; create one first");
        }
        if (pool.state() == PoolState.FREED) {
            throw new RunError(command.word() + ": the pool was freed; create a new one first");
        }
        return pool;
    }

    private String poolCommand(Command command, PagePool p) throws RunError {
        if (command instanceof Command.Alloc c) {
            StringBuilder result = new StringBuilder();
            for (int i = 0; i < c.n(); i++) {
                if (i > 0) {
                    result.append(' ');
                }
                int page = p.allocPages();
                if (page == PageRef.NULL) {
                    result.append("NULL");
                } else {
                    result.append('p').append(Integer.toUnsignedString(memmap().handle(page))).append("@n")
                            .append(PageRef.pageToNid(page));
                }
            }
            return result.toString();
        } else if (command instanceof Command.Put c) {
            int page = held(c.word(), c.handle());
            p.putPage(page, c.sync(), c.direct());
            return memmap().place(page).word();
        } else if (command instanceof Command.Recycle c) {
            int page = held(c.word(), c.handle());
            p.recycleDirect(page);
            return memmap().place(page).word();
        } else if (command instanceof Command.PutBulk c) {
            int[] named = c.handles();
            int[] pages = new int[named.length];
            for (int i = 0; i < named.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (named[j] == named[i]) {
                        throw new RunError("put_bulk: p" + Integer.toUnsignedString(named[i])
                                + " is named twice; each page can be given back once");
                    }
                }
                pages[i] = held(c.word(), named[i]);
            }
            p.putPageBulk(pages.clone(), pages.length);
            StringBuilder result = new StringBuilder();
            for (int i = 0; i < pages.length; i++) {
                result.append(i > 0 ? "," : "").append(memmap().place(pages[i]).word());
            }
            return result.toString();
        } else if (command instanceof Command.SkbFree c) {
            int page = held(c.word(), c.handle());
            p.storeMemInfo(page);
            PagePool.returnSkbPage(kernel, page);
            return memmap().place(page).word();
        } else if (command instanceof Command.Get c) {
            int page = referenced(c.word(), c.handle());
            kernel.mm().getPage(page);
            return "ref=" + memmap().pageRefCount(page);
        } else if (command instanceof Command.Drop c) {
            int page = referenced(c.word(), c.handle());
            return kernel.mm().putPage(page) ? "buddy" : "ref=" + memmap().pageRefCount(page);
        } else if (command instanceof Command.Release c) {
            int page = held(c.word(), c.handle());
            p.releasePage(page);
            return memmap().place(page).word();
        } else if (command instanceof Command.UpdateNid c) {
            p.updateNid(c.nid());
            return "ok";
        } else if (command instanceof Command.XdpReg) {
            p.useXdpMem();
            return "users=" + Integer.toUnsignedString(p.users());
        } else if (command instanceof Command.Destroy) {
            PoolState before = p.state();
            p.destroy();
            if (p.state() == PoolState.FREED) {
                return "freed";
            }
            if (before == PoolState.ALIVE && p.state() == PoolState.DEFERRED) {
                return "deferred";
            }
            return "users=" + Integer.toUnsignedString(p.users());
        }
        throw new IllegalStateException("no runner for " + command);
    }

    /** A page the driver holds, named by {@code handle}. */
    private int held(String word, int handle) throws RunError {
        int page = named(word, handle);
        if (!memmap().isAt(page, Place.DRIVER)) {
            throw new RunError(word + ": " + name(handle) + " " + where(page) + "; " + word
                    + " needs a page the driver holds");
        }
        return page;
    }

    /** A page the driver holds or a detached page with references left. */
    private int referenced(String word, int handle) throws RunError {
        int page = named(word, handle);
        if (!memmap().isAt(page, Place.DRIVER) && !memmap().isAt(page, Place.DETACHED)) {
            throw new RunError(word + ": " + name(handle) + " " + where(page) + "; " + word
                    + " needs a page the driver holds or a detached page");
        }
        return page;
    }

    private int named(String word, int handle) throws RunError {
        PagePool pool = slots.pool();
        if (!slots.handles().issued(handle)) {
            throw new RunError(word + ": " + name(handle) + " was never issued (" + (pool.holdCount() == 0
                    ? "this pool has not handed out any page yet)"
                    : "this pool has handed out p1..p" + Integer.toUnsignedString(pool.holdCount()) + ")"));
        }
        int page = slots.handles().page(handle, memmap());
        if (page == PageRef.NULL) {
            throw new RunError(word + ": " + name(handle) + " went back to the page allocator; its handle is dead");
        }
        return page;
    }

    private String where(int page) {
        switch (memmap().place(page)) {
            case ALLOC_CACHE: return "is in the alloc cache";
            case PTR_RING: return "is in the ptr_ring";
            case DETACHED: return "was released from the pool (detached)";
            default: return "is not held by the driver";
        }
    }

    /** The struct pages of the current memory ({@code memory} replaces it before the first create). */
    private MemMap memmap() {
        return kernel.mm().memMap();
    }

    private static String name(int handle) {
        return "p" + Integer.toUnsignedString(handle);
    }

    private String check(Command.Expect expect) {
        State state = state();
        for (Command.Expectation e : expect.expectations()) {
            boolean holds = e.field() == StateField.POOL ? state.pool().equals(e.word())
                    : state.get(e.field()) == e.value();
            if (!holds) {
                return e.field().key() + " is " + state.text(e.field()) + ", expected " + e.written();
            }
        }
        return null;
    }

    private String buddyinfo() {
        StringBuilder result = new StringBuilder();
        for (int nid = 0; nid < kernel.mm().nodeCount(); nid++) {
            if (nid > 0) {
                result.append(' ');
            }
            result.append('n').append(nid).append('=');
            int[] counts = kernel.mm().buddyinfo(nid);
            for (int order = 0; order < counts.length; order++) {
                result.append(order > 0 ? "," : "").append(counts[order]);
            }
        }
        return result.toString();
    }

    /** A run-time error: the line is refused and the run stops with exit status 2. */
    private static final class RunError extends Exception {
        private static final long serialVersionUID = 1L;

        RunError(String message) {
            super(message, null, false, false);
        }
    }
}
