package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ForkModes} on synthetic forks: each of its rules, and how often it errs on noisy data. */
class ForkModesTest {

    /** n samples around centre with relative normal noise sd (deterministic per rng). */
    private static double[] fork(Random rng, double centre, double sd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre * (1 + sd * rng.nextGaussian());
        }
        return v;
    }

    private static double[][] forks(Random rng, double sd, int n, double... centres) {
        double[][] f = new double[centres.length][];
        for (int i = 0; i < centres.length; i++) {
            f[i] = fork(rng, centres[i], sd, n);
        }
        return f;
    }

    @Test
    void threeFastAndThreeSlowProcessesAreFlaggedWithTheirForks() {
        // the pyperf run: 3 processes at 204-221 ms, 3 at 340-360 ms; modes interleaved in fork order
        double[][] f = forks(new Random(1), 0.01, 10, 0.205, 0.350, 0.210, 0.345, 0.352, 0.204);
        ForkModes.Split s = ForkModes.of(f).orElseThrow();
        assertEquals(List.of(0, 2, 5), s.fastForks());
        assertEquals(List.of(1, 3, 4), s.slowForks());
        assertEquals("bimodal across processes: 3 forks at 205 ms, 3 at 350 ms", s.description());
        assertEquals(1.7, s.ratio(), 0.03);
    }

    @Test
    void fourForksInTheFastModeAndTwoSlowerOnesAreFlagged() {
        // the main-thread script: 4 processes at 207-216 ms, one at 286-311, one at 340-345
        double[][] f = {fork(new Random(2), 0.207, 0.01, 10), fork(new Random(3), 0.211, 0.01, 10),
                fork(new Random(4), 0.216, 0.01, 10), {0.286, 0.295, 0.300, 0.305, 0.311},
                {0.340, 0.342, 0.343, 0.345}, fork(new Random(5), 0.213, 0.01, 10)};
        Optional<String> d = ForkModes.describe(f);
        assertTrue(d.isPresent() && d.get().startsWith("bimodal across processes: 4 forks at 21"), () -> "" + d);
        assertTrue(d.get().endsWith(", 2 at 321 ms"), d::get);
    }

    @Test
    void noisyForksOfOneModeAreNeverFlagged() {
        // 10% noise within each fork, all around 200 ms: over 2000 simulated trials, no false alarm
        Random rng = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            double[][] f = forks(rng, 0.10, 5, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2);
            int t = trial;
            assertTrue(ForkModes.of(f).isEmpty(), () -> "trial " + t + ": " + ForkModes.describe(f));
        }
    }

    @Test
    void forksSpreadEvenlyAreOneWideModeNotTwo() {
        // a continuous between-fork variance (JIT forks compiling differently): gaps of 15 ms are 11% of the
        // centre and far above the within-fork noise, but no wider than the spread on either side
        double[][] f = forks(new Random(11), 0.001, 8, 0.100, 0.115, 0.130, 0.145, 0.160, 0.175);
        assertTrue(ForkModes.of(f).isEmpty(), () -> "" + ForkModes.describe(f));
    }

    @Test
    void aGapThatTheForksOwnNoiseCouldBridgeIsNotASplit() {
        // medians 200 and 300 ms, but each fork's samples wander by +-40%: a fork's median could land anywhere
        double[][] f = {{0.12, 0.16, 0.20, 0.24, 0.28}, {0.13, 0.17, 0.20, 0.23, 0.27},
                {0.12, 0.17, 0.20, 0.25, 0.28}, {0.18, 0.24, 0.30, 0.36, 0.42}, {0.19, 0.25, 0.30, 0.35, 0.41},
                {0.18, 0.24, 0.30, 0.37, 0.42}};
        assertTrue(ForkModes.of(f).isEmpty(), () -> "" + ForkModes.describe(f));
        // the same medians with 1% noise are two modes
        double[][] tight = forks(new Random(12), 0.01, 5, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3);
        assertTrue(ForkModes.of(tight).isPresent());
    }

    @Test
    void aSmallGapIsNotCalledAMode() {
        // 200 vs 210 ms, very tight: separated, but 5% is below the 10% a mode must be apart
        double[][] f = forks(new Random(13), 0.001, 8, 0.200, 0.200, 0.200, 0.210, 0.210, 0.210);
        assertTrue(ForkModes.of(f).isEmpty(), () -> "" + ForkModes.describe(f));
    }

    @Test
    void oneOutlyingProcessIsNotASecondMode() {
        double[][] f = forks(new Random(14), 0.005, 8, 0.2, 0.2, 0.2, 0.2, 0.2, 0.4);
        assertTrue(ForkModes.of(f).isEmpty(), () -> "" + ForkModes.describe(f));
    }

    @Test
    void oneTwoOrThreeForksAreNeverFlagged() {
        Random rng = new Random(15);
        assertTrue(ForkModes.of(new double[0][]).isEmpty());
        assertTrue(ForkModes.of(forks(rng, 0.001, 8, 0.2)).isEmpty());
        assertTrue(ForkModes.of(forks(rng, 0.001, 8, 0.2, 0.4)).isEmpty());
        assertTrue(ForkModes.of(forks(rng, 0.001, 8, 0.2, 0.2, 0.4)).isEmpty());
        assertTrue(ForkModes.of(forks(rng, 0.001, 8, 0.2, 0.4, 0.4)).isEmpty());
        // the smallest that can be: two and two
        assertTrue(ForkModes.of(forks(rng, 0.001, 8, 0.2, 0.4, 0.2, 0.4)).isPresent());
    }

    @Test
    void emptyForksAndNonFiniteValuesAreLeftOut() {
        double[] nan = {Double.NaN, Double.POSITIVE_INFINITY};
        double[][] three = {{0.2, 0.2}, {}, {0.4, 0.4}, nan, null, {0.4, 0.41}};
        assertTrue(ForkModes.of(three).isEmpty(), "3 real forks: too few");
        double[][] four = {{0.2, 0.2}, {}, {0.4, 0.4}, {0.2, 0.21, Double.NaN}, null, {0.4, 0.41}};
        ForkModes.Split s = ForkModes.of(four).orElseThrow();
        assertEquals(List.of(0, 3), s.fastForks());
        assertEquals(List.of(2, 5), s.slowForks());
    }

    @Test
    void realModesAreFoundInNearlyEverySimulatedRun() {
        // 6 forks, each in the 205 or 350 ms mode at random (at least 2 per mode), 4 samples with 3% noise
        Random rng = new Random(16);
        int found = 0;
        int runs = 1000;
        for (int r = 0; r < runs; r++) {
            double[] centres = new double[6];
            int slow;
            do {
                slow = 0;
                for (int i = 0; i < 6; i++) {
                    centres[i] = rng.nextBoolean() ? 0.350 : 0.205;
                    slow += centres[i] > 0.3 ? 1 : 0;
                }
            } while (slow < 2 || slow > 4);
            if (ForkModes.of(forks(rng, 0.03, 4, centres)).isPresent()) {
                found++;
            }
        }
        assertTrue(found >= 0.98 * runs, found + " of " + runs);
    }

    @Test
    void timesAreNamedWithThreeFigures() {
        assertEquals("205 ms", ForkModes.time(0.2049));
        assertEquals("1.24 s", ForkModes.time(1.2391));
        assertEquals("87.5 µs", ForkModes.time(87.5e-6));
        assertEquals("12.3 ms", ForkModes.time(0.01234));
    }
}
