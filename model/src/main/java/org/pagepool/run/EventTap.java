// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import java.util.ArrayList;
import java.util.List;
import org.pagepool.trace.FunctionEnter;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.TraceEvent;
import org.pagepool.trace.TraceObserver;
import org.pagepool.trace.Tracer;

/**
 * The runner core's tap on the model's trace: while on, it passes every
 * event to the sink and notes which kernel functions each step entered
 * (a {@link StepDone} closes a step). Off, the model runs with nobody
 * listening. The core's thread only.
 */
final class EventTap {
    /** Functions noted per step at most. */
    private static final int CALLS_PER_STEP = 16;

    private final EventSink sink;
    private final TraceObserver observer = TraceObserver.records(this::offer);
    private final ArrayList<KernelFunction> stepCalls = new ArrayList<>();
    private Tracer observed;
    private boolean on;
    private KernelFunction current;
    private List<KernelFunction> lastCalls = List.of();
    private boolean stepEnded = true;

    EventTap(EventSink sink) {
        this.sink = sink;
    }

    /** Listens to {@code tracer} (leaving the one listened to before). */
    void attach(Tracer tracer) {
        if (observed != tracer) {
            detach();
            tracer.attach(observer);
            observed = tracer;
        }
        on = true;
    }

    /** Stops listening; the step's functions are forgotten. */
    void detach() {
        if (observed != null) {
            observed.detach(observer);
            observed = null;
        }
        on = false;
        current = null;
        lastCalls = List.of();
        stepEnded = true;
    }

    /** While on, follows the model to {@code tracer} (a restore replaces the model). */
    void follow(Tracer tracer) {
        if (on && observed != tracer) {
            attach(tracer);
        }
    }

    boolean on() {
        return on;
    }

    /** The function the last step called into, or null. */
    KernelFunction current() {
        return current;
    }

    /** Every function the last step entered, in order, each once. */
    List<KernelFunction> calls() {
        return lastCalls;
    }

    long dropped() {
        return sink.dropped();
    }

    void offer(TraceEvent event) {
        if (event instanceof FunctionEnter enter) {
            if (stepEnded) {
                stepCalls.clear();
                stepEnded = false;
            }
            if (stepCalls.size() < CALLS_PER_STEP && !stepCalls.contains(enter.function())) {
                stepCalls.add(enter.function());
            }
        } else if (event instanceof StepDone && !stepEnded) {
            lastCalls = List.copyOf(stepCalls);
            current = lastCalls.isEmpty() ? null : lastCalls.get(0);
            stepEnded = true;
        }
        sink.offer(event);
    }
}
