// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's tracepoints. With no observer attached every call is a field
 * read and a branch; with one, the frequent events go to it as primitive
 * arguments, so tracing allocates nothing unless an observer does.
 * Single-threaded, like the model it belongs to.
 */
public final class Tracer {
    private TraceObserver observer;
    private final List<TraceObserver> observers = new ArrayList<>();

    /** Adds an observer; events reach observers in the order they were added. */
    public void attach(TraceObserver added) {
        observers.add(added);
        rebuild();
    }

    public void detach(TraceObserver removed) {
        observers.remove(removed);
        rebuild();
    }

    private void rebuild() {
        if (observers.isEmpty()) {
            observer = null;
        } else if (observers.size() == 1) {
            observer = observers.get(0);
        } else {
            observer = new Fanout(observers.toArray(TraceObserver[]::new));
        }
    }

    public boolean enabled() {
        return observer != null;
    }

    public void enter(KernelFunction function) {
        TraceObserver o = observer;
        if (o != null) {
            o.entered(function);
        }
    }

    public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
        TraceObserver o = observer;
        if (o != null) {
            o.moved(pool, handle, nid, pfn, order, from, to);
        }
    }

    public void message(String text) {
        TraceObserver o = observer;
        if (o != null) {
            o.message(text);
        }
    }

    public void stateHold(int pool, int page, int hold) {
        TraceObserver o = observer;
        if (o != null) {
            o.stateHold(pool, page, hold);
        }
    }

    public void stateRelease(int pool, int page, int release) {
        TraceObserver o = observer;
        if (o != null) {
            o.stateRelease(pool, page, release);
        }
    }

    public void poolRelease(int pool, int inflight, int hold, int release, int cnt) {
        TraceObserver o = observer;
        if (o != null) {
            o.poolRelease(pool, inflight, hold, release, cnt);
        }
    }

    public void updateNid(int pool, int poolNid, int newNid) {
        TraceObserver o = observer;
        if (o != null) {
            o.updateNid(pool, poolNid, newNid);
        }
    }

    public void emit(TraceEvent event) {
        TraceObserver o = observer;
        if (o != null) {
            o.onEvent(event);
        }
    }

    /** Several observers, called in order. */
    private static final class Fanout implements TraceObserver {
        private final TraceObserver[] all;

        Fanout(TraceObserver[] all) {
            this.all = all;
        }

        @Override
        public void entered(KernelFunction function) {
            for (TraceObserver o : all) {
                o.entered(function);
            }
        }

        @Override
        public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
            for (TraceObserver o : all) {
                o.moved(pool, handle, nid, pfn, order, from, to);
            }
        }

        @Override
        public void message(String text) {
            for (TraceObserver o : all) {
                o.message(text);
            }
        }

        @Override
        public void onEvent(TraceEvent event) {
            for (TraceObserver o : all) {
                o.onEvent(event);
            }
        }

        @Override
        public void stateHold(int pool, int page, int hold) {
            for (TraceObserver o : all) {
                o.stateHold(pool, page, hold);
            }
        }

        @Override
        public void stateRelease(int pool, int page, int release) {
            for (TraceObserver o : all) {
                o.stateRelease(pool, page, release);
            }
        }

        @Override
        public void poolRelease(int pool, int inflight, int hold, int release, int cnt) {
            for (TraceObserver o : all) {
                o.poolRelease(pool, inflight, hold, release, cnt);
            }
        }

        @Override
        public void updateNid(int pool, int poolNid, int newNid) {
            for (TraceObserver o : all) {
                o.updateNid(pool, poolNid, newNid);
            }
        }
    }
}
