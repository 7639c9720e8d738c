package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** Hodges-Lehmann shift and Cliff's delta on data small enough to count by hand. */
class EffectSizeTest {

    @Test
    void handCountedCase() {
        double[] a = {1, 2, 3};
        double[] b = {2, 4};
        // a - b: -1, -3, 0, -2, 1, -1; sorted -3 -2 -1 -1 0 1: median -1
        // pairs a > b: (3, 2); a < b: (1, 2), (1, 4), (2, 4), (3, 4); (2, 2) tied: (1 - 4) / 6
        EffectSize e = EffectSize.of(a, b);
        assertEquals(-1, e.shift(), 1e-15);
        assertEquals(-1.0 / 3, e.relativeShift(), 1e-15); // b's median is 3
        assertEquals(-0.5, e.cliffsDelta(), 1e-15);
    }

    @Test
    void completeSeparationIsPlusOrMinusOne() {
        double[] fast = {1, 2, 3, 4, 5};
        double[] slow = {6, 7, 8, 9, 10};
        assertEquals(-1, EffectSize.of(fast, slow).cliffsDelta(), 0);
        assertEquals(1, EffectSize.of(slow, fast).cliffsDelta(), 0);
        assertEquals(-5, EffectSize.of(fast, slow).shift(), 0); // the 25 differences -9..-1 are symmetric about -5
    }

    @Test
    void shiftFollowsAShiftOfTheData() {
        double[] a = {0.31, 0.29, 0.35, 0.30, 0.33, 0.28};
        double[] b = {0.30, 0.32, 0.34, 0.31};
        double before = EffectSize.hodgesLehmann(a, b);
        double[] moved = java.util.Arrays.stream(a).map(x -> x + 0.07).toArray();
        assertEquals(before + 0.07, EffectSize.hodgesLehmann(moved, b), 1e-12);
    }

    @Test
    void cliffsDeltaIsTheMannWhitneyUOverAllPairs() {
        Random random = new Random(14);
        for (int round = 0; round < 20; round++) {
            double[] a = random.doubles(3 + random.nextInt(20)).map(x -> Math.round(x * 20) / 20.0).toArray();
            double[] b = random.doubles(3 + random.nextInt(20)).map(x -> Math.round(x * 20) / 20.0 + 0.1).toArray();
            // with ties: U counts a tied pair as one half, so delta = 2 U / (n1 n2) - 1
            double u = MannWhitneyUTest.withDefaults().statistic(a, b);
            double delta = EffectSize.cliffsDelta(a, b);
            assertEquals(2 * u / (a.length * b.length) - 1, delta, 1e-12);
            assertTrue(delta >= -1 && delta <= 1);
        }
    }
}
