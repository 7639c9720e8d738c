package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statistics against reference values computed with SciPy 1.17.1 (Python 3.11):
 * {@code scipy.stats.ttest_ind(a, b, equal_var=False)},
 * {@code scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='exact')},
 * {@code scipy.stats.t.interval(0.95, n-1, loc=mean, scale=sem)}; Holm against R's
 * {@code p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")}.
 */
class StatisticsTest {
    static final double[] A = {0.101, 0.103, 0.099, 0.104, 0.100, 0.102, 0.098, 0.105};
    static final double[] B = {0.110, 0.112, 0.108, 0.115, 0.111};

    @Test
    void welchAndMannWhitneyMatchScipyForUnequalSizes() {
        Comparison c = Comparison.of(A, B);
        assertEquals(0.00013106639161789802, c.pWelch(), 1e-9);
        assertEquals(0.001554001554001554, c.pMannWhitney(), 1e-12);
        assertTrue(c.exactP());
        assertEquals(Stats.medianOf(A) / Stats.medianOf(B), c.ratio(), 1e-12);
        assertTrue(c.ciLow() <= c.ratio() && c.ratio() <= c.ciHigh());
        assertTrue(c.significant(), c::toString);
    }

    @Test
    void overlappingSamplesAreNotSignificant() {
        double[] c = {0.52, 0.49, 0.61, 0.55, 0.47, 0.58, 0.50};
        double[] d = {0.51, 0.60, 0.48, 0.56, 0.53, 0.57};
        Comparison cmp = Comparison.of(c, d);
        assertEquals(0.7031009903091611, cmp.pWelch(), 1e-9);
        assertEquals(0.7307692307692307, cmp.pMannWhitney(), 1e-12);
        assertFalse(cmp.significant());
    }

    @Test
    void meanConfidenceIntervalMatchesStudentT() {
        SampleSummary s = SampleSummary.of(new double[] {1.2, 1.5, 1.1, 1.3, 1.4, 1.25});
        assertEquals(1.2916666666666667, s.mean(), 1e-12);
        assertEquals(0.14288690166235202, s.stdev(), 1e-12);
        assertEquals(1.1417160595878817, s.meanCiLow(), 1e-9);
        assertEquals(1.4416172737454518, s.meanCiHigh(), 1e-9);
        assertEquals(1.275, s.median(), 1e-12);
        assertTrue(s.ciLow() <= s.median() && s.median() <= s.ciHigh());
    }

    @Test
    void bootstrapIsReproducibleAndCoversTheMedian() {
        double[] x = {0.2, 0.21, 0.19, 0.205, 0.22, 0.198, 0.202, 0.207, 0.211, 0.195};
        Bootstrap.Interval first = Bootstrap.median(x, 0.95);
        Bootstrap.Interval again = Bootstrap.median(x.clone(), 0.95);
        assertEquals(first, again);
        assertTrue(first.low() <= Stats.medianOf(x) && Stats.medianOf(x) <= first.high());
        assertTrue(first.low() >= 0.19 && first.high() <= 0.22, first::toString);
    }

    /**
     * Two forks far apart (a convoy p99 in ms): Student's floor over the forks (t = 12.706 for one degree of
     * freedom) is taken in log space, so it stays above zero where a linear one reached -23.7 ms.
     */
    @Test
    void twoForksFarApartGiveAPositiveIntervalInLogSpace() {
        double[][] forks = {{8.0, 8.2, 7.9}, {3.0, 3.1, 2.9}};
        double centre = Stats.medianOf(new double[] {8.0, 8.2, 7.9, 3.0, 3.1, 2.9});
        Bootstrap.Interval ci = Bootstrap.median(forks, 0.95);
        // sd of two logs over sqrt(2) is |ln a - ln b| / 2
        double h = 12.706204736174707 * Math.abs(Math.log(8.0) - Math.log(3.0)) / 2;
        assertEquals(centre * Math.exp(-h), ci.low(), 1e-9 * centre);
        assertEquals(centre * Math.exp(h), ci.high(), 1e-6 * centre * Math.exp(h));
        assertTrue(ci.low() > 0, ci::toString);
    }

    /** A statistic that can be zero or negative (a difference) keeps the linear floor. */
    @Test
    void aStatisticThatCanBeNegativeKeepsTheLinearFloor() {
        Bootstrap.Interval ci = Bootstrap.studentFloor(new double[] {-1.0, 3.0}, 1.0, 0.95);
        assertEquals(1.0 - 12.706204736174707 * 2, ci.low(), 1e-9);
        assertEquals(1.0 + 12.706204736174707 * 2, ci.high(), 1e-9);
    }

    @Test
    void holmMatchesR() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Comparison.holm(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
        double[] withNaN = Comparison.holm(new double[] {0.02, Double.NaN, 0.04});
        assertEquals(0.04, withNaN[0], 1e-12);
        assertTrue(Double.isNaN(withNaN[1]));
        assertEquals(0.04, withNaN[2], 1e-12);
    }

    @Test
    void stableSamplesHaveNoFlags() {
        assertFalse(SampleSummary.of(List.of(0.100, 0.101, 0.099, 0.102, 0.100)).isUnstable());
    }

    @Test
    void unstableRulesSayWhy() {
        SampleSummary spread = SampleSummary.of(List.of(0.10, 0.20, 0.10, 0.11, 0.10));
        assertTrue(spread.unstable().stream().anyMatch(u -> u.startsWith("std dev is")), spread.unstable()::toString);
        assertTrue(spread.unstable().stream().anyMatch(u -> u.startsWith("the maximum is")), spread.unstable()::toString);
        SampleSummary tiny = SampleSummary.of(List.of(0.0004, 0.0004, 0.0004, 0.0004));
        assertTrue(tiny.unstable().stream().anyMatch(u -> u.contains("shortest sample")), tiny.unstable()::toString);
        SampleSummary few = SampleSummary.of(List.of(0.1, 0.1));
        assertEquals(List.of("only 2 samples"), few.unstable());
    }

    @Test
    void warmupOfAJitIsDetectedAndSteadySeriesAreLeftAlone() {
        double[] jit = {1.0, 0.6, 0.3, 0.15, 0.11, 0.10, 0.101, 0.099, 0.1, 0.102, 0.098, 0.1, 0.101, 0.1};
        assertEquals(5, WarmupDetector.steadyStart(jit));
        double[] steady = {0.1, 0.101, 0.099, 0.1, 0.102, 0.098, 0.1, 0.101, 0.1, 0.099};
        assertEquals(0, WarmupDetector.steadyStart(steady));
        double[] oneSpike = {0.1, 0.1, 0.13, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        assertEquals(0, WarmupDetector.steadyStart(oneSpike));
    }

    @Test
    void scalingHasACiAndFlagsOversubscription() {
        double[] one = {0.2, 0.21, 0.2, 0.19, 0.2};
        double[] two = {0.1, 0.1, 0.11, 0.1, 0.1};
        Scaling s = Scaling.of(2, one, two, false, new double[] {1.9, 1.95}, 2);
        assertEquals(2.0, s.speedup(), 1e-12);
        assertEquals(1.0, s.efficiency(), 1e-12);
        assertTrue(s.ciLow() <= 2.0 && 2.0 <= s.ciHigh());
        assertFalse(s.oversubscribed());
        assertEquals(1.925, s.effectiveParallelism(), 1e-12);
        Scaling weak = Scaling.of(4, one, new double[] {0.2, 0.2, 0.21}, true, null, 2);
        assertEquals(4.0, weak.speedup(), 1e-12); // N * T1 / TN
        assertTrue(weak.oversubscribed());
    }
}
