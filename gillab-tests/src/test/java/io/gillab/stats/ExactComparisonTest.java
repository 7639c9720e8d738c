package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mann-Whitney p-values: exact where it applies (against a hand count and a full enumeration), else normal. */
class ExactComparisonTest {

    @Test
    void fiveVsFiveCompletelySeparatedIsTwoIn252() {
        Comparison c = Comparison.of(new double[] {1.0, 1.1, 1.2, 1.3, 1.4}, new double[] {2.0, 2.1, 2.2, 2.3, 2.4});
        assertTrue(c.exactP());
        assertEquals(2.0 / 252, c.pMannWhitney(), 1e-15); // one ordering of C(10, 5) per tail
        assertEquals(-1, c.effect().cliffsDelta(), 0);
    }

    @Test
    void exactPMatchesAFullEnumerationOfThePermutations() {
        Random random = new Random(3);
        for (int round = 0; round < 10; round++) {
            double[] a = random.doubles(4 + random.nextInt(4)).toArray();
            double[] b = random.doubles(4 + random.nextInt(4)).map(x -> x + 0.3).toArray();
            Comparison c = Comparison.of(a, b);
            assertTrue(c.exactP());
            assertEquals(permutationP(a, b), c.pMannWhitney(), 1e-12);
        }
    }

    @Test
    void tiesAndLargeSamplesFallBackToTheNormalApproximation() {
        // scipy.stats.mannwhitneyu(x, y, method='asymptotic', use_continuity=True).pvalue
        Comparison tied = Comparison.of(new double[] {1, 2, 2, 3, 4}, new double[] {2, 5, 6, 7, 8});
        assertFalse(tied.exactP());
        assertEquals(0.057007942464885414, tied.pMannWhitney(), 1e-12);
        Random random = new Random(5);
        Comparison large = Comparison.of(random.doubles(60).toArray(), random.doubles(60).toArray());
        assertFalse(large.exactP());
        assertFalse(large.design().exact());
    }

    @Test
    void holmSetsTheFamilyThatLimitsTheDesign() {
        Comparison separated = Comparison.of(new double[] {1.0, 1.1, 1.2, 1.3, 1.4},
                new double[] {2.0, 2.1, 2.2, 2.3, 2.4});
        assertTrue(separated.design().canReachSignificance());
        List<Comparison> ten = Comparison.holm(java.util.Collections.nCopies(10, separated));
        for (Comparison c : ten) {
            assertEquals(10, c.design().family());
            assertEquals(10 * 2.0 / 252, c.adjustedP(), 1e-12); // the best any 5 vs 5 can do in ten
            assertEquals(c.adjustedP(), c.design().smallestP(), 1e-12);
            assertFalse(c.design().canReachSignificance());
            assertFalse(c.significant());
        }
    }

    /** Two-sided p by brute force: the share of splits of the pooled data at least as far from n1 n2 / 2. */
    private static double permutationP(double[] a, double[] b) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double centre = a.length * b.length / 2.0;
        double observed = Math.abs(u(a, b) - centre);
        int extreme = 0;
        int all = 0;
        for (int mask = 0; mask < 1 << pooled.length; mask++) {
            if (Integer.bitCount(mask) != a.length) {
                continue;
            }
            double[] x = new double[a.length];
            double[] y = new double[b.length];
            int i = 0;
            int j = 0;
            for (int k = 0; k < pooled.length; k++) {
                if ((mask >> k & 1) == 1) {
                    x[i++] = pooled[k];
                } else {
                    y[j++] = pooled[k];
                }
            }
            all++;
            if (Math.abs(u(x, y) - centre) >= observed - 1e-9) {
                extreme++;
            }
        }
        return (double) extreme / all;
    }

    private static int u(double[] a, double[] b) {
        int u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x > y ? 1 : 0;
            }
        }
        return u;
    }
}
