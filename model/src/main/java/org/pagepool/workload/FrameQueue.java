// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.function.UnaryOperator;
import org.pagepool.mm.Page;

/** Frames redirected to another CPU, in order, each with the time it is freed there. */
final class FrameQueue {
    private Page[] pages = new Page[64];
    private long[] due = new long[64];
    private int[] cpu = new int[64];
    private int head;
    private int count;

    FrameQueue() {
    }

    private FrameQueue(FrameQueue o, UnaryOperator<Page> remap) {
        pages = new Page[o.pages.length];
        due = o.due.clone();
        cpu = o.cpu.clone();
        for (int i = 0; i < o.count; i++) {
            int at = (o.head + i) % o.pages.length;
            pages[at] = remap.apply(o.pages[at]);
        }
        head = o.head;
        count = o.count;
    }

    FrameQueue copy(UnaryOperator<Page> remap) {
        return new FrameQueue(this, remap);
    }

    int size() {
        return count;
    }

    long nextTime() {
        return count == 0 ? Long.MAX_VALUE : due[head];
    }

    void add(Page page, long when, int onCpu) {
        if (count == pages.length) {
            Page[] p = new Page[count * 2];
            long[] d = new long[count * 2];
            int[] c = new int[count * 2];
            for (int i = 0; i < count; i++) {
                int at = (head + i) % pages.length;
                p[i] = pages[at];
                d[i] = due[at];
                c[i] = cpu[at];
            }
            pages = p;
            due = d;
            cpu = c;
            head = 0;
        }
        int tail = (head + count) % pages.length;
        pages[tail] = page;
        due[tail] = when;
        cpu[tail] = onCpu;
        count++;
    }

    int headCpu() {
        return cpu[head];
    }

    Page poll() {
        Page page = pages[head];
        pages[head] = null;
        head = (head + 1) % pages.length;
        count--;
        return page;
    }

    Page get(int i) {
        return pages[(head + i) % pages.length];
    }
}
