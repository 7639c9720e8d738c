package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VarianceSplitTest {

    @Test
    void forksThatDifferPutTheVarianceBetweenThem() {
        // fork means 1.0, 1.2, 1.4; within each: ±0.01
        double[][] x = {{0.99, 1.01, 0.99, 1.01}, {1.19, 1.21, 1.19, 1.21}, {1.39, 1.41, 1.39, 1.41}};
        VarianceSplit v = VarianceSplit.of(x);
        assertEquals(3, v.forks());
        assertEquals(1.2, v.mean(), 1e-12);
        double within = 0.0001 * 4 / 3; // sample variance of ±0.01 with n = 4
        assertEquals(within, v.within(), 1e-12);
        assertEquals(0.04 - within / 4, v.between(), 1e-12);
        assertTrue(v.betweenShare() > 0.99);
        assertFalse(v.roundsHelp(), "only forks narrow this one");
        // ±5% of 1.2 = 0.06: n >= 1.96² * 0.04 / 0.0036 = 42.7
        assertEquals(43, v.forksFor(0.05));
    }

    @Test
    void identicalForksPutItWithin() {
        double[][] x = {{0.9, 1.1, 0.9, 1.1}, {1.1, 0.9, 1.1, 0.9}};
        VarianceSplit v = VarianceSplit.of(x);
        assertEquals(0, v.between(), 1e-12);
        assertTrue(v.roundsHelp());
        assertEquals(0.0, v.betweenShare(), 1e-12);
    }

    @Test
    void theCheapestPlanBuysRoundsWhenForksAreDearAndTheVarianceIsWithin() {
        // between 0.0001, within 0.01: rounds are what narrows the interval
        VarianceSplit v = new VarianceSplit(3, 4, 1.0, 0.0001, 0.01);
        VarianceSplit.Plan dearForks = v.cheapest(0.02, 30, 0.3, 100);
        assertEquals(100, dearForks.rounds()); // sqrt(30 / 0.3 * 100) = 100
        VarianceSplit.Plan cheapForks = v.cheapest(0.02, 0.3, 0.3, 100);
        assertEquals(10, cheapForks.rounds()); // sqrt(1 * 100) = 10
        assertTrue(cheapForks.forks() > dearForks.forks());
        // each plan reaches the target
        assertTrue(v.relativeHalfWidth(dearForks.forks(), dearForks.rounds()) <= 0.02);
        assertTrue(v.relativeHalfWidth(cheapForks.forks(), cheapForks.rounds()) <= 0.02);
        // no variance between forks: as many rounds as allowed, the fewest forks
        assertEquals(new VarianceSplit.Plan(2, 100), new VarianceSplit(3, 4, 1.0, 0, 0.0001).cheapest(0.05, 1, 1, 100));
    }

    @Test
    void oneForkHasNoSplit() {
        assertNull(VarianceSplit.of(new double[][] {{1, 2, 3}}));
    }

    @Test
    void pairedRoundsRemoveSharedDrift() {
        // Both series drift together from 1.0 to 2.0 (machine load); each round's 2-thread sample is half.
        double[][] ratios = {{2.0, 2.0, 2.0, 2.0, 2.0}, {2.0, 2.0, 2.0, 2.0, 2.0}};
        Scaling paired = Scaling.paired(2, ratios, false, null, 2);
        assertEquals(2.0, paired.speedup(), 1e-12);
        assertEquals(0, paired.ciHigh() - paired.ciLow(), 1e-12, "no spread in the per-round ratios");
        double[][] one = {{1.0, 1.25, 1.5, 1.75, 2.0}, {1.0, 1.25, 1.5, 1.75, 2.0}};
        double[][] two = {{0.5, 0.625, 0.75, 0.875, 1.0}, {0.5, 0.625, 0.75, 0.875, 1.0}};
        Scaling unpaired = Scaling.unpaired(2, one, two, false, null, 2);
        assertEquals(2.0, unpaired.speedup(), 1e-12);
        assertTrue(unpaired.ciHigh() - unpaired.ciLow() > 0.5, "unpaired, the drift widens the interval");
        assertEquals(10, paired.pairedRounds());
        assertEquals(2, paired.forks());
    }
}
