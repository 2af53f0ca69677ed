// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagepool.trace.FunctionEnter;
import org.pagepool.trace.KernelFunction;
import org.pagepool.trace.PageMove;
import org.pagepool.trace.Place;
import org.pagepool.trace.TraceEvent;
import org.pagepool.view.ModelView;
import org.pagepool.view.RunnerState;
import org.pagepool.workload.Checkpoint;
import org.pagepool.workload.Param;
import org.pagepool.workload.Preset;
import org.pagepool.workload.PresetFiles;

/**
 * The runner's core driven through its commands, watched through its views and events, as a viewer would: on
 * the test's thread ({@link SyncRunner}), with wall time on a manual clock, so nothing depends on the machine's speed.
 */
class RunnerTest {
    private static final long GENEROUS_NS = 60_000_000_000L; // of manual wall time: a bound on ticks

    private SyncRunner runner;

    @BeforeEach
    void start() throws Exception {
        Preset preset = PresetFiles.load(Path.of("..", "assets", "scenarios", "14-tx-bulk.workload"), "tx-bulk");
        runner = SyncRunner.live(preset);
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    private ModelView until(Predicate<ModelView> condition, String what) {
        return runner.runUntil(condition, GENEROUS_NS, what);
    }

    /** Applies {@code command} in one tick: the view it brings must already show {@code expected}. */
    private ModelView command(RunnerCommand command, Predicate<ModelView> expected, String what) {
        ModelView view = runner.apply(command);
        assertThat(view).as(what).matches(expected, what);
        return view;
    }

    @Test
    void startsPausedAtPositionZeroWithOnePool() {
        ModelView view = runner.latest();
        assertThat(view.state()).isEqualTo(RunnerState.PAUSED);
        assertThat(view.position()).isZero();
        assertThat(view.pools().list()).hasSize(1);
        assertThat(view.device()).isNotNull();
        assertThat(view.live()).isTrue();
    }

    @Test
    void aKernelCallStepMovesOneCallAtATimeAndPublishesItsEvents() {
        // the first poll: page_pool_nid_changed() finds the pool on NUMA_NO_NODE and moves it to the CPU's node
        ModelView first = command(new RunnerCommand.Step(Unit.KERNEL_CALL), v -> v.position() > 0, "a first call");
        assertThat(first.state()).isEqualTo(RunnerState.PAUSED);
        assertThat(first.pools().list().get(0).nid()).isZero();
        List<TraceEvent> events = new ArrayList<>();
        runner.drainEvents(events::add, 10_000);
        assertThat(events).anyMatch(e -> e instanceof FunctionEnter f
                && f.function() == KernelFunction.PAGE_POOL_UPDATE_NID);
        assertThat(events).last().isInstanceOf(StepDone.class);
        // then the RX ring is filled: the first alloc takes a bulk of 64 from the page allocator
        ModelView second = command(new RunnerCommand.Step(Unit.KERNEL_CALL), v -> v.position() > first.position(),
                "a second call");
        assertThat(second.pools().list().get(0).stats().slow()).isEqualTo(1);
        assertThat(second.pools().list().get(0).hold()).isEqualTo(64);
        assertThat(second.pools().list().get(0).cache().size()).isEqualTo(63);
        events.clear();
        runner.drainEvents(events::add, 10_000);
        assertThat(events).filteredOn(e -> e instanceof PageMove m && m.to() == Place.ALLOC_CACHE)
                .hasSize(64);
    }

    @Test
    void stepBackReturnsToTheVeryStateBeforeAndStepForwardToTheVeryStateAfter() {
        for (Unit unit : Unit.values()) {
            ModelView first = command(new RunnerCommand.Step(unit), v -> v.position() > 0, "a first " + unit);
            ModelView second = command(new RunnerCommand.Step(unit), v -> v.position() > first.position(),
                    "a second " + unit);
            ModelView back = command(new RunnerCommand.StepBack(unit), v -> v.position() < second.position(),
                    "back one " + unit);
            assertThat(Fingerprint.of(back)).as("back one %s", unit).isEqualTo(Fingerprint.of(first));
            ModelView again = command(new RunnerCommand.Step(unit), v -> v.position() > back.position(),
                    "forward again " + unit);
            assertThat(Fingerprint.of(again)).as("forward again %s", unit).isEqualTo(Fingerprint.of(second));
        }
    }

    @Test
    void aPacketStepEndsRightAfterOnePacket() {
        ModelView before = command(new RunnerCommand.Step(Unit.POLL), v -> v.position() > 0, "a poll");
        ModelView after = command(new RunnerCommand.Step(Unit.PACKET), v -> v.position() > before.position(),
                "a packet");
        assertThat(after.nic().processed()).isEqualTo(before.nic().processed() + 1);
    }

    @Test
    void playThenPauseRunsTheModelAndStops() {
        runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
        runner.submit(new RunnerCommand.Play());
        ModelView playing = until(v -> v.state() == RunnerState.PLAYING && v.nic().processed() > 10_000,
                "playing with packets");
        ModelView paused = command(new RunnerCommand.Pause(), v -> v.state() == RunnerState.PAUSED, "paused");
        assertThat(paused.position()).isGreaterThanOrEqualTo(playing.position());
        assertThat(paused.pools().list().get(0).stats().fast()).isGreaterThan(0);
        ModelView still = command(new RunnerCommand.Speed(2.0), v -> v.speed() == 2.0, "a speed change");
        assertThat(still.position()).as("paused: nothing moves").isEqualTo(paused.position());
        assertThat(runner.runFor(1_000_000_000L).position()).as("paused a second later").isEqualTo(paused.position());
    }

    @Test
    void aSlowSpeedFollowsSimulatedTimeAndPublishesEvents() {
        runner.submit(new RunnerCommand.Speed(1e-5)); // 10 us of simulated time per wall second
        ModelView started = command(new RunnerCommand.Play(), v -> v.state() == RunnerState.PLAYING, "playing");
        assertThat(started.speed()).isEqualTo(1e-5);
        assertThat(started.timeNs()).isZero();
        ModelView later = runner.runFor(1_000_000_000L);
        assertThat(later.eventsOn()).as("slow enough to show every page").isTrue();
        // one wall second at 1e-5 is 10 us; the view was published at most 10 ms of wall time (100 ns) before
        assertThat(later.timeNs()).as("one wall second at 1e-5").isBetween(9_900L, 10_000L);
        List<TraceEvent> events = new ArrayList<>();
        runner.drainEvents(events::add, 100_000);
        assertThat(events).as("the steps of those 10 us").anyMatch(e -> e instanceof StepDone);
    }

    @Test
    void aLiveParameterChangeActsAndAnInvalidOneIsRefusedWithAMessage() {
        ModelView changed = command(new RunnerCommand.SetParam(Param.RATE, 1e6),
                v -> v.params().get(Param.RATE) == 1e6, "the new rate");
        assertThat(changed.error()).isNull();
        ModelView refused = command(new RunnerCommand.SetParam(Param.BUDGET, 0), v -> v.error() != null,
                "a refusal");
        assertThat(refused.error()).contains("napi.budget");
        assertThat(refused.params().getInt(Param.BUDGET)).isEqualTo(64);
    }

    @Test
    void aParameterChangeIsReplayedWhenSteppingBackAcrossIt() {
        command(new RunnerCommand.Step(Unit.POLL), v -> v.position() > 0, "a poll");
        command(new RunnerCommand.SetParam(Param.DROP, 0), v -> v.params().get(Param.DROP) == 0, "no drops");
        ModelView a = command(new RunnerCommand.Step(Unit.POLL), v -> v.params().get(Param.DROP) == 0
                && v.position() > 0, "a poll without drops");
        ModelView b = command(new RunnerCommand.Step(Unit.POLL), v -> v.position() > a.position(), "another poll");
        command(new RunnerCommand.StepBack(Unit.POLL), v -> v.position() < b.position(), "back");
        ModelView again = command(new RunnerCommand.Step(Unit.POLL), v -> v.position() == b.position(), "again");
        assertThat(Fingerprint.of(again)).isEqualTo(Fingerprint.of(b));
        assertThat(again.params().get(Param.DROP)).isZero();
    }

    @Test
    void seekingBackAndForwardInTimeGivesTheSameStates() {
        ModelView at2ms = command(new RunnerCommand.Seek(2_000_000L), v -> v.timeNs() >= 2_000_000L, "2 ms");
        ModelView at5ms = command(new RunnerCommand.Seek(5_000_000L), v -> v.timeNs() >= 5_000_000L, "5 ms");
        ModelView back = command(new RunnerCommand.Seek(2_000_000L), v -> v.timeNs() < at5ms.timeNs(), "2 ms again");
        assertThat(Fingerprint.of(back)).isEqualTo(Fingerprint.of(at2ms));
    }

    @Test
    void aResetStartsAgainFromTimeZero() {
        command(new RunnerCommand.Step(Unit.POLL), v -> v.position() > 0, "a poll");
        ModelView reset = command(new RunnerCommand.Reset(99), v -> v.position() == 0 && v.seed() == 99, "reset");
        assertThat(reset.state()).isEqualTo(RunnerState.PAUSED);
        assertThat(reset.timeNs()).isZero();
    }

    @Test
    void eventsAreDroppedAndCountedWhenNobodyDrainsThem() {
        ModelView view = runner.latest();
        for (int round = 0; round < 100 && view.droppedEvents() == 0; round++) {
            for (int i = 0; i < 100; i++) {
                runner.submit(new RunnerCommand.Step(Unit.POLL));
            }
            view = runner.tick();
        }
        assertThat(view.droppedEvents()).as("dropped events").isPositive();
        assertThat(view.droppedEvents()).isEqualTo(runner.droppedEvents());
        assertThat(runner.drainEvents(e -> { }, Integer.MAX_VALUE)).isEqualTo(EventQueue.CAPACITY);
    }

    @Test
    void loadingAPresetStartsItAtItsOwnSpeedWhileAResetKeepsTheSpeedSet() throws Exception {
        ModelView first = runner.latest();
        Preset other = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "xdp-drop");
        command(new RunnerCommand.Speed(0.5), v -> v.speed() == 0.5, "a speed of our own");
        ModelView loaded = command(new RunnerCommand.LoadPreset(other), v -> v.loads() > first.loads(), "the load");
        assertThat(loaded.speed()).isEqualTo(other.speed());
        assertThat(loaded.preset().name()).isEqualTo("xdp-drop");
        command(new RunnerCommand.Speed(0.25), v -> v.speed() == 0.25, "another speed");
        ModelView reset = command(new RunnerCommand.Reset(7), v -> v.seed() == 7, "the reset");
        assertThat(reset.loads()).as("a reset is not a load").isEqualTo(loaded.loads());
        assertThat(reset.speed()).isEqualTo(0.25);
        assertThat(reset.preset().seed()).isEqualTo(7);
    }

    @Test
    void steppingPastACheckpointLeavesItBehind() throws Exception {
        Preset guided = PresetFiles.load(Path.of("..", "assets", "scenarios", "01-xdp-drop.workload"), "xdp-drop");
        command(new RunnerCommand.LoadPreset(guided), v -> v.source().equals("xdp-drop"), "the guided preset");
        command(new RunnerCommand.Guide(true), v -> v.guide().on(), "checkpoints on");
        Checkpoint firstStop = guided.checkpoints().get(0);
        runner.submit(new RunnerCommand.Speed(Double.POSITIVE_INFINITY));
        runner.submit(new RunnerCommand.Play());
        ModelView stopped = until(v -> v.guide().stoppedAt() == firstStop && v.state() == RunnerState.PAUSED,
                "the first checkpoint");
        ModelView stepped = command(new RunnerCommand.Step(Unit.POLL), v -> v.position() > stopped.position(),
                "a poll past it");
        assertThat(stepped.guide().stoppedAt()).isNull();
        assertThat(stepped.guide().next()).isEqualTo(1);
    }
}
