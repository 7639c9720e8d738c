package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.stats.Comparison;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's words: what a verdict may claim given how many samples and comparisons there are. */
class RuntimeComparisonTest {
    private static final double[] FAST = {1.00, 1.02, 1.01, 1.03, 0.99};
    private static final double[] SLOW = {2.00, 2.02, 2.01, 2.03, 1.99};
    private static final double[] MIXED = {1.005, 1.025, 0.98, 2.0, 2.04};

    @Test
    void quickDesignInAWholeTableIsTooFewToTell() {
        // 5 vs 5 over ten comparisons: even complete separation gives 10 x 2/252 = 0.079 after Holm
        Comparison c = Comparison.holm(Collections.nCopies(10, Comparison.of(FAST, SLOW))).get(0);
        assertEquals("too few samples to tell (smallest possible p is 0.079)", RuntimeComparison.verdict(c));
    }

    @Test
    void reachableButNotSignificantGivesTheSmallestDetectableEffect() {
        List<Comparison> one = Comparison.holm(List.of(Comparison.of(MIXED, SLOW)));
        assertEquals("no significant difference (smallest detectable effect: |Cliff's δ| ≥ 0.84)",
                RuntimeComparison.verdict(one.get(0)));
    }

    @Test
    void aSignificantDifferenceSaysHowMuch() {
        Comparison c = Comparison.holm(List.of(Comparison.of(FAST, SLOW))).get(0);
        assertTrue(c.significant(), c::toString);
        assertEquals(Fmt.f("%.2fx faster", 1 / c.ratio()), RuntimeComparison.verdict(c));
    }

    @Test
    void effectShowsTheShiftRelativeShiftAndCliffsDelta() {
        // every fast sample is 0.97 to 1.04 s below every slow one: median difference -1.00 s, b's median 2.01 s
        Comparison c = Comparison.of(FAST, SLOW);
        assertEquals("-1.00 s (-49.8%), δ -1.00", RuntimeComparison.effect(c));
        assertEquals("0.008", RuntimeComparison.p(c)); // 2/252, exact: no approximation mark
    }
}
