// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagepool.mm.ModelRefusal;
import org.pagepool.mm.PageAllocator;
import org.pagepool.trace.KernelMessage;
import org.pagepool.trace.TraceEvent;
import org.pagepool.trace.TraceObserver;

/** The kernel services bundle: CPU context, memory replacement, WARN_ONCE and the log. */
class KernelTest {

    @Test
    void defaultsAreOneNodeOf4096PagesCpuOnNode0InSoftirq() {
        Kernel kernel = new Kernel();

        assertThat(kernel.mm().nodeCount()).isEqualTo(1);
        assertThat(kernel.mm().freePages()).isEqualTo(Kernel.DEFAULT_NODE_PAGES).isEqualTo(4096);
        assertThat(kernel.numaMemId()).isZero();
        assertThat(kernel.inServingSoftirq()).isTrue();
        assertThat(kernel.jiffies().now()).isZero();
        assertThat(Kernel.NUMA_NO_NODE).isEqualTo(-1);
    }

    @Test
    void cpuMayMoveToAnyExistingNode() {
        Kernel kernel = new Kernel(new int[] {8, 8, 8});

        kernel.setCpuNode(2);

        assertThat(kernel.numaMemId()).isEqualTo(2);
    }

    @Test
    void cpuOnAMissingNodeIsRefusedAndTheCpuStays() {
        Kernel kernel = new Kernel(new int[] {8, 8});
        kernel.setCpuNode(1);

        assertThatThrownBy(() -> kernel.setCpuNode(2)).isInstanceOf(ModelRefusal.class);
        assertThatThrownBy(() -> kernel.setCpuNode(-1)).isInstanceOf(ModelRefusal.class);

        assertThat(kernel.numaMemId()).isEqualTo(1);
    }

    @Test
    void softirqCanBeSwitched() {
        Kernel kernel = new Kernel();

        kernel.setSoftirq(false);

        assertThat(kernel.inServingSoftirq()).isFalse();
    }

    @Test
    void eachStepSaysWhereItRunsSoOneActorsContextNeverLeaksIntoAnothers() {
        Kernel kernel = new Kernel(new int[] {64, 64});

        kernel.runOn(3, 1, true); // a NAPI poll on CPU 3, node 1
        assertThat(kernel.runningCpu()).isEqualTo(3);
        assertThat(kernel.numaMemId()).isEqualTo(1);
        assertThat(kernel.inServingSoftirq()).isTrue();

        kernel.runOn(0, 0, false); // a socket frees an skb on CPU 0 in process context
        assertThat(kernel.inServingSoftirq()).isFalse();
        assertThat(kernel.numaMemId()).isZero();

        kernel.runOn(3, 1, true); // the poll's next step is in softirq again
        assertThat(kernel.inServingSoftirq()).isTrue();
        assertThatThrownBy(() -> kernel.runOn(4, 2, false)).isInstanceOf(ModelRefusal.class)
                .hasMessageContaining("node 2");
        assertThat(kernel.runningCpu()).as("a refused switch changes nothing").isEqualTo(3);
    }

    @Test
    void setMemoryRebuildsNodesButKeepsPressureAndPendingFailures() {
        Kernel kernel = new Kernel();
        kernel.mm().setPressure(true);
        kernel.mm().failNextAllocCalls(3);
        PageAllocator old = kernel.mm();

        kernel.setMemory(new int[] {16, 8});

        PageAllocator mm = kernel.mm();
        assertThat(mm).isNotSameAs(old);
        assertThat(mm.nodeCount()).isEqualTo(2);
        assertThat(mm.freePages()).isEqualTo(24);
        assertThat(mm.pressure()).isTrue();
        assertThat(mm.pendingAllocFailures()).isEqualTo(3);
    }

    @Test
    void setMemoryThatWouldDropTheCpusNodeIsRefusedAndChangesNothing() {
        Kernel kernel = new Kernel(new int[] {8, 8});
        kernel.setCpuNode(1);
        PageAllocator before = kernel.mm();

        assertThatThrownBy(() -> kernel.setMemory(new int[] {32})).isInstanceOf(ModelRefusal.class);

        assertThat(kernel.mm()).isSameAs(before);
        assertThat(kernel.numaMemId()).isEqualTo(1);
    }

    @Test
    void setMemoryAfterAPoolWasCreatedIsRefused() {
        Kernel kernel = new Kernel(new int[] {8});
        kernel.nextPoolId(); // what page_pool_create() takes
        PageAllocator before = kernel.mm();

        assertThatThrownBy(() -> kernel.setMemory(new int[] {32})).isInstanceOf(ModelRefusal.class);

        assertThat(kernel.mm()).isSameAs(before);
    }

    @Test
    void warnOncePrintsOncePerSite() {
        Kernel kernel = new Kernel();

        kernel.warnOnce("A", "first A");
        kernel.warnOnce("A", "second A");
        kernel.warnOnce("B", "first B");

        assertThat(kernel.log().recent()).containsExactly("first A", "first B");
        assertThat(kernel.log().total()).isEqualTo(2);
    }

    @Test
    void logKeepsTheLast64LinesAndCountsAll() {
        Kernel kernel = new Kernel();

        for (int i = 0; i < 70; i++) {
            kernel.log().print("line " + i);
        }

        List<String> recent = kernel.log().recent();
        assertThat(recent).hasSize(64);
        assertThat(recent.get(0)).isEqualTo("line 6");
        assertThat(recent.get(63)).isEqualTo("line 69");
        assertThat(kernel.log().total()).isEqualTo(70);
    }

    @Test
    void logLinesAreTraceEvents() {
        Kernel kernel = new Kernel();
        List<TraceEvent> events = new ArrayList<>();
        kernel.tracer().attach(TraceObserver.records(events::add));

        kernel.log().print("hello");

        assertThat(events).containsExactly(new KernelMessage("hello"));
    }

    @Test
    void poolIdsCountUpFromOne() {
        Kernel kernel = new Kernel();

        assertThat(kernel.nextPoolId()).isEqualTo(1);
        assertThat(kernel.nextPoolId()).isEqualTo(2);
    }
}
