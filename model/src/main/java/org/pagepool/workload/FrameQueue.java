// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;


/**
 * Frames redirected to another CPU (their pages, as page references), in order, each with its time to be freed.
 * The arrays' length is a power of two, so an index wraps with a mask rather than a division.
 */
final class FrameQueue {
    private int[] pages = new int[64];
    private long[] due = new long[64];
    private int[] cpu = new int[64];
    private int head;
    private int count;

    FrameQueue() {
    }

    private FrameQueue(FrameQueue o) {
        pages = o.pages.clone();
        due = o.due.clone();
        cpu = o.cpu.clone();
        head = o.head;
        count = o.count;
    }

    FrameQueue copy() {
        return new FrameQueue(this);
    }

    int size() {
        return count;
    }

    long nextTime() {
        return count == 0 ? Long.MAX_VALUE : due[head];
    }

    void add(int page, long when, int onCpu) {
        if (count == pages.length) {
            int[] p = new int[count * 2];
            long[] d = new long[count * 2];
            int[] c = new int[count * 2];
            for (int i = 0; i < count; i++) {
                int at = (head + i) & (pages.length - 1);
                p[i] = pages[at];
                d[i] = due[at];
                c[i] = cpu[at];
            }
            pages = p;
            due = d;
            cpu = c;
            head = 0;
        }
        int tail = (head + count) & (pages.length - 1);
        pages[tail] = page;
        due[tail] = when;
        cpu[tail] = onCpu;
        count++;
    }

    int headCpu() {
        return cpu[head];
    }

    int poll() {
        int page = pages[head];
        head = (head + 1) & (pages.length - 1);
        count--;
        return page;
    }

    int get(int i) {
        return pages[(head + i) & (pages.length - 1)];
    }
}
