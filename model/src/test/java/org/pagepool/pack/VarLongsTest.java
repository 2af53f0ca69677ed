// SPDX-License-Identifier: GPL-2.0-only
package org.pagepool.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is packed comes back the same, extremes included, and small differences and long runs take little room. */
class VarLongsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 2026})
    void longsComeBackAsTheyWent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (random.nextInt(4)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(-100, 100);
                case 2 -> i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                default -> 0;
            };
        }
        VarLongs out = new VarLongs();
        for (long v : values) {
            out.put(v);
        }
        VarLongs in = new VarLongs(out.toArray());
        for (int i = 0; i < values.length; i++) {
            long v = in.next();
            if (v != values[i]) {
                assertThat(v).as("seed %d, value %d", seed, i).isEqualTo(values[i]);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7})
    void intsComeBackAndNeighboursTakeAByteEach(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] scattered = random.ints(4_096).toArray();
        scattered[0] = Integer.MIN_VALUE;
        scattered[1] = Integer.MAX_VALUE;
        assertThat(VarLongs.unpackInts(VarLongs.packInts(scattered))).as("seed %d", seed).containsExactly(scattered);
        int[] bulk = new int[4_096];
        int page = random.nextInt(1 << 24);
        for (int i = 0; i < bulk.length; i++) {
            bulk[i] = page + i; // pages a bulk allocation took, one after the other
        }
        byte[] packed = VarLongs.packInts(bulk);
        assertThat(VarLongs.unpackInts(packed)).containsExactly(bulk);
        assertThat(packed.length).isLessThan(bulk.length + 16);
        assertThat(VarLongs.unpackInts(VarLongs.packInts(new int[0]))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7})
    void bytesComeBackAndRunsTakeAFewBytes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] mixed = new byte[4_096];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 7);
        }
        assertThat(VarLongs.unpackRuns(VarLongs.packRuns(mixed))).as("seed %d", seed).containsExactly(mixed);
        byte[] runs = new byte[4_096];
        Arrays.fill(runs, 1_000, 3_000, (byte) -3);
        byte[] packed = VarLongs.packRuns(runs);
        assertThat(VarLongs.unpackRuns(packed)).containsExactly(runs);
        assertThat(packed.length).as("three runs").isLessThan(16);
        assertThat(VarLongs.unpackRuns(VarLongs.packRuns(new byte[0]))).isEmpty();
    }
}
