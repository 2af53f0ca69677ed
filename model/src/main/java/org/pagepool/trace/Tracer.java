// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's tracepoints. With no observer attached every call is a field
 * read and a branch: events are only built when somebody listens.
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
            TraceObserver[] all = observers.toArray(TraceObserver[]::new);
            observer = event -> {
                for (TraceObserver o : all) {
                    o.onEvent(event);
                }
            };
        }
    }

    public boolean enabled() {
        return observer != null;
    }

    public void enter(KernelFunction function) {
        TraceObserver o = observer;
        if (o != null) {
            o.onEvent(function.entered());
        }
    }

    public void moved(int pool, int handle, int nid, int pfn, int order, Place from, Place to) {
        TraceObserver o = observer;
        if (o != null) {
            o.onEvent(new PageMove(pool, handle, nid, pfn, order, from, to));
        }
    }

    public void emit(TraceEvent event) {
        TraceObserver o = observer;
        if (o != null) {
            o.onEvent(event);
        }
    }
}
