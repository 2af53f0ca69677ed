// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the shipped presets say is true: every checkpoint carries conditions
 * for its claims, and each holds where a guided run stops, with the preset's
 * own seed and with five others.
 */
class PresetConditionsTest {
    /** Seeds besides each preset's own: fixed, so that a failure can be replayed. */
    static final long[] OTHER_SEEDS = {101, 202, 303, 404, 505};

    static Stream<Arguments> presetsAndSeeds() {
        return Presets.files().stream().flatMap(file -> {
            Preset p = Presets.load(file);
            Stream<Long> seeds = Stream.concat(Stream.of(p.seed()),
                    Arrays.stream(OTHER_SEEDS).boxed());
            return seeds.map(seed -> Arguments.of(file.getFileName().toString(), seed));
        });
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("presetsAndSeeds")
    void everyConditionHoldsAtItsCheckpoint(String name, long seed) throws Exception {
        Preset preset = Presets.load(Path.of("..", "assets", "scenarios", name)).withSeed(seed);
        List<CheckpointConditions.Failure> failures = CheckpointConditions.check(preset);
        assertThat(failures).as("%s with seed %d: conditions that do not hold:%n%s", name, seed,
                failures.stream().map(f -> "  " + name + " seed " + seed + " " + f.describe())
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    static Stream<Path> presets() {
        return Presets.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyCheckpointSaysWhatItClaimsAsConditions(Path file) {
        for (Checkpoint c : Presets.load(file).checkpoints()) {
            assertThat(c.holds()).as("%s: the checkpoint on line %d has no holds = ... line", file.getFileName(),
                    c.line()).isNotEmpty();
        }
    }
}
