// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.pagepool.nic.CallRecorder;
import org.pagepool.pool.PoolCreateException;

/**
 * A random workload for soak and replay tests: random machine, pool, NIC,
 * traffic, verdict mix, sockets and trouble, plus a random timeline (IRQ
 * moves, pressure toggles, leak bursts, rate changes, reload-scope changes,
 * reloads and unloads) inside the simulated time the step budget will reach.
 *
 * @param horizonNs how far the run should go in simulated time
 */
record RandomWorkload(long seed, WorkloadParams params, List<TimedAction> timeline, long horizonNs) {

    /** The workload for {@code seed}, sized for a budget of about {@code steps} steps. */
    static RandomWorkload of(long seed, long steps) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        WorkloadParams p = WorkloadParams.defaults();
        int nodes = 1 + r.nextInt(2);
        int cpus = nodes + r.nextInt(8);
        p = p.with(Param.NODES, nodes)
                .with(Param.NODE_PAGES, pick(r, 1024, 2048, 4096, 8192))
                .with(Param.CPUS, cpus)
                .with(Param.POOL_ORDER, r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(2))
                .with(Param.POOL_SIZE, pick(r, 0, 16, 64, 128, 256, 1024, 4096))
                .with(Param.POOL_NID, r.nextInt(3) == 0 ? r.nextInt(nodes) : -1)
                .with(Param.POOL_DMA_MAP, r.nextInt(5) == 0 ? 0 : 1)
                .with(Param.POOL_DMA_SYNC, r.nextInt(3) == 0 ? 0 : 1)
                .with(Param.POOL_MAX_LEN, pick(r, 64, 1536, 4096))
                .with(Param.RX_RING, pick(r, 8, 32, 128, 512, 1024))
                .with(Param.TX_RING, pick(r, 8, 64, 512))
                .with(Param.BUDGET, pick(r, 1, 8, 64, 256))
                .with(Param.PACKET_COST, pick(r, 10, 40, 200))
                .with(Param.POLL_COST, pick(r, 0, 300, 5_000))
                .with(Param.IRQ_LATENCY, pick(r, 0, 2_000, 50_000))
                .with(Param.IRQ_CPU, r.nextInt(cpus))
                .with(Param.TX_LATENCY, pick(r, 0, 10_000, 200_000))
                .with(Param.TX_BULK, r.nextInt(2));
        double rate = Math.rint(Math.exp(Math.log(5e4) + r.nextDouble() * (Math.log(2e7) - Math.log(5e4))));
        p = p.with(Param.RATE, rate)
                .with(Param.DUTY, r.nextBoolean() ? 1.0 : 0.05 + 0.9 * r.nextDouble())
                .with(Param.BURST, pick(r, 1_000, 20_000, 500_000));
        // the verdict mix: each verdict is absent a third of the time
        int[] weights = new int[4];
        do {
            for (int i = 0; i < 4; i++) {
                weights[i] = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(100);
            }
        } while (weights[0] + weights[1] + weights[2] + weights[3] == 0);
        p = p.with(Param.DROP, weights[0]).with(Param.TX, weights[1]).with(Param.REDIRECT, weights[2])
                .with(Param.PASS, weights[3])
                .with(Param.REDIRECT_CPU, r.nextInt(cpus))
                .with(Param.REDIRECT_LATENCY, pick(r, 0, 5_000, 300_000));
        // the simulated time the budget reaches: roughly two steps a packet
        long horizon = Math.max(200_000, Math.min(30_000_000L, (long) (steps / 2.0 / rate * 1e9)));
        p = p.with(Param.SKB_LIFETIME, Math.rint(r.nextDouble() * r.nextDouble() * horizon))
                .with(Param.SKB_SIGMA, r.nextBoolean() ? 0 : Math.rint(r.nextDouble() * 200) / 100)
                .with(Param.SKB_REMOTE, r.nextBoolean() ? 0 : Math.rint(r.nextDouble() * 100) / 100)
                .with(Param.SKB_CLONE, r.nextBoolean() ? 0 : Math.rint(r.nextDouble() * 60) / 100)
                .with(Param.CLONE_LIFETIME, Math.rint(r.nextDouble() * horizon))
                .with(Param.PRESSURE, r.nextInt(6) == 0 ? 1 : 0)
                .with(Param.LEAK, r.nextInt(4) == 0 ? Math.rint(r.nextDouble() * 50) / 1000 : 0);

        List<TimedAction> timeline = new ArrayList<>();
        int events = r.nextInt(9);
        for (int i = 0; i < events; i++) {
            long at = (long) (r.nextDouble() * horizon * 0.9);
            timeline.add(new TimedAction(at, 0, randomAction(r, cpus, nodes)));
        }
        timeline.sort(Comparator.comparingLong(TimedAction::timeNs));
        return new RandomWorkload(seed, p, timeline, horizon);
    }

    /**
     * {@link #of} on a NIC of 2 to 8 queues: a random RSS spread (uniform,
     * zipf or a few flows, sometimes through a random table), sometimes a
     * list of IRQ CPUs or cpumap CPUs, and besides the timeline of
     * {@link #of} IRQ moves and reloads of single queues. The queue choices
     * come from a generator of their own, so {@link #of} stays as it was.
     */
    static RandomWorkload withQueues(long seed, long steps) {
        RandomWorkload base = of(seed, steps);
        Random r = new Random(seed * 0x2545F4914F6CDD1DL + 29);
        WorkloadParams p = base.params();
        int cpus = p.getInt(Param.CPUS);
        int queues = 2 + r.nextInt(7);
        p = p.with(Param.QUEUES, queues);
        Rss rss = switch (r.nextInt(3)) {
            case 0 -> Rss.UNIFORM;
            case 1 -> Rss.parse("zipf:1.2");
            default -> Rss.parse("flows:" + (1 + r.nextInt(6)));
        };
        if (r.nextInt(3) == 0) {
            int[] table = new int[1 + r.nextInt(8)];
            for (int i = 0; i < table.length; i++) {
                table[i] = r.nextInt(queues);
            }
            rss = rss.withTable(IdList.of(table));
        }
        p = p.withRss(rss);
        if (r.nextBoolean()) {
            int[] irq = new int[1 + r.nextInt(queues)];
            for (int i = 0; i < irq.length; i++) {
                irq[i] = r.nextInt(cpus);
            }
            p = p.withIrqCpus(IdList.of(irq));
        }
        if (r.nextInt(3) == 0) {
            p = p.withRedirectCpus(IdList.of(r.nextInt(cpus), r.nextInt(cpus), r.nextInt(cpus)));
        }
        if (r.nextInt(3) == 0) { // the cpumap CPUs pass some frames to the stack: their pages leave the pools
            p = p.with(Param.REDIRECT_PASS, Math.rint(r.nextDouble() * 100) / 100);
        }
        // many queues spread the same traffic thinner: more steps a packet, so less simulated time
        long horizon = Math.max(200_000, base.horizonNs() / 2);
        List<TimedAction> timeline = new ArrayList<>();
        for (TimedAction a : base.timeline()) {
            if (a.timeNs() < horizon) {
                timeline.add(a);
            }
        }
        int events = r.nextInt(6);
        for (int i = 0; i < events; i++) {
            long at = (long) (r.nextDouble() * horizon * 0.9);
            TimedAction.Action action = r.nextBoolean() ? new TimedAction.IrqMove(r.nextInt(queues), r.nextInt(cpus))
                    : new TimedAction.Reload(r.nextInt(queues));
            timeline.add(new TimedAction(at, 0, action));
        }
        timeline.sort(Comparator.comparingLong(TimedAction::timeNs));
        return new RandomWorkload(seed, p, timeline, horizon);
    }

    private static TimedAction.Action randomAction(Random r, int cpus, int nodes) {
        switch (r.nextInt(14)) {
            case 0:
            case 1:
                return new TimedAction.SetParam(Param.IRQ_CPU, r.nextInt(cpus));
            case 2:
                return new TimedAction.SetParam(Param.REDIRECT_CPU, r.nextInt(cpus));
            case 3:
                return new TimedAction.SetParam(Param.PRESSURE, r.nextInt(2));
            case 4:
                return new TimedAction.SetParam(Param.LEAK, Math.rint(r.nextDouble() * 30) / 1000);
            case 5:
                return new TimedAction.SetParam(Param.RATE, Math.rint(1e5 + r.nextDouble() * 1e7));
            case 6:
                return new TimedAction.SetParam(Param.TX_BULK, r.nextInt(2));
            case 7:
                return new TimedAction.SetParam(Param.SKB_CLONE, Math.rint(r.nextDouble() * 50) / 100);
            case 8:
                return new TimedAction.SetParam(pickParam(r, Param.PASS, Param.DROP, Param.TX, Param.REDIRECT),
                        r.nextInt(101));
            case 9:
                return new TimedAction.SetParam(Param.POOL_ORDER, r.nextInt(3));
            case 10:
                return new TimedAction.SetParam(pickParam(r, Param.RX_RING, Param.POOL_SIZE),
                        pick(r, 16, 64, 256, 1024));
            case 11:
                return new TimedAction.SetParam(Param.POOL_NID, r.nextInt(nodes + 1) - 1);
            case 12:
                return new TimedAction.Reload();
            default:
                return r.nextInt(3) == 0 ? new TimedAction.Unload() : new TimedAction.Reload();
        }
    }

    private static int pick(Random r, int... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static Param pickParam(Random r, Param... choices) {
        return choices[r.nextInt(choices.length)];
    }

    /**
     * The same workload on 8 to 64 queues with a steep zipf spread, so that
     * some queues' packets are rare and the NIC looks again for them, and six
     * more changes of rate; without IRQ moves and reloads. From a generator
     * of its own.
     */
    /** {@code queues} as drawn, skewed, and skewed with every packet dropped: the kinds the queue tests run. */
    static List<RandomWorkload> threeKinds(RandomWorkload queues) {
        return List.of(queues, queues.skewed(), queues.skewed().dropping());
    }

    RandomWorkload skewed() {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + 31);
        WorkloadParams p = params.with(Param.QUEUES, 8 + r.nextInt(57))
                .withRss(Rss.parse("zipf:" + (2 + r.nextInt(4))));
        List<TimedAction> changed = new ArrayList<>();
        for (TimedAction a : timeline) {
            if (!(a.action() instanceof TimedAction.IrqMove) && !(a.action() instanceof TimedAction.Reload)) {
                changed.add(a);
            }
        }
        for (int i = 0; i < 6; i++) {
            changed.add(new TimedAction((long) (r.nextDouble() * horizonNs * 0.9), 0,
                    new TimedAction.SetParam(Param.RATE, Math.rint(1e5 + r.nextDouble() * 1e7))));
        }
        changed.sort(Comparator.comparingLong(TimedAction::timeNs));
        return new RandomWorkload(seed, p, changed, horizonNs);
    }

    /** The same workload with every packet dropped, until the timeline changes the verdicts. */
    RandomWorkload dropping() {
        WorkloadParams dropAll = params.with(Param.DROP, 100).with(Param.TX, 0).with(Param.REDIRECT, 0)
                .with(Param.PASS, 0);
        return new RandomWorkload(seed, dropAll, timeline, horizonNs);
    }

    Simulation start(CallRecorder recorder) {
        try {
            return new Simulation(params, timeline, seed, recorder);
        } catch (PoolCreateException e) {
            throw new AssertionError("seed " + seed + ": the pool cannot be created: " + e.getMessage(), e);
        }
    }

    /** The parameters that differ from the defaults and the timeline, as a preset would say them. */
    String describe() {
        StringBuilder text = new StringBuilder("seed " + seed + ", horizon " + horizonNs + " ns\n");
        for (Param param : Param.values()) {
            if (params.get(param) != WorkloadParams.defaults().get(param)) {
                text.append(param.key()).append(" = ").append(param.format(params.get(param))).append('\n');
            }
        }
        String lists = params.toString();
        for (String key : PresetParser.LIST_KEYS) {
            int at = lists.indexOf("\n" + key + " = ");
            if (at >= 0) {
                text.append(lists, at + 1, lists.indexOf('\n', at + 1) + 1);
            }
        }
        for (TimedAction a : timeline) {
            text.append(String.format(Locale.ROOT, "at %dns: %s%n", a.timeNs(), a.action()));
        }
        return text.toString();
    }
}
