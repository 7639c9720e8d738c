package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

/**
 * What a design can show, checked by hand for 5 vs 5 (C(10, 5) = 252 orderings; U = 0, 1, 2, 3 have 1, 1,
 * 2, 3 of them) and against commons-statistics' own p on data built to have a given U.
 */
class RankTestDesignTest {

    @Test
    void fiveVsFiveAloneCanReachSignificanceButNotInAFamilyOfTen() {
        RankTestDesign alone = new RankTestDesign(5, 5, 1);
        assertEquals(2.0 / 252, alone.smallestP(), 1e-15);
        assertTrue(alone.canReachSignificance());
        // 6 x 2/252 = 0.0476 still passes, 7 x 2/252 = 0.0556 does not
        assertTrue(new RankTestDesign(5, 5, 6).canReachSignificance());
        RankTestDesign seven = new RankTestDesign(5, 5, 7);
        assertFalse(seven.canReachSignificance());
        assertTrue(Double.isNaN(seven.smallestDetectableDelta()));
        RankTestDesign ten = new RankTestDesign(5, 5, 10);
        assertEquals(20.0 / 252, ten.smallestP(), 1e-15);
        assertFalse(ten.canReachSignificance());
    }

    @Test
    void smallestDetectableDeltaOfFiveVsFiveByHand() {
        // two-sided p of U = 2 is 2 x (1 + 1 + 2) / 252 = 0.032, of U = 3 it is 2 x 7 / 252 = 0.056:
        // U = 2 is the critical value, Cliff's delta 1 - 2 x 2 / 25 = 0.84
        assertEquals(0.84, new RankTestDesign(5, 5, 1).smallestDetectableDelta(), 1e-12);
        // at 0.05 / 5 = 0.01 only U = 0 (p = 0.0079) passes: complete separation
        assertEquals(1.0, new RankTestDesign(5, 5, 5).smallestDetectableDelta(), 1e-12);
    }

    @Test
    void countsOfUMatchEnumeration() {
        int n1 = 4;
        int n2 = 5;
        double[] counts = RankTestDesign.countsOfU(n1, n2, n1 * n2);
        double[] enumerated = new double[n1 * n2 + 1];
        for (int mask = 0; mask < 1 << (n1 + n2); mask++) {
            if (Integer.bitCount(mask) != n1) {
                continue;
            }
            int u = 0;
            int bsBelow = 0;
            for (int pos = 0; pos < n1 + n2; pos++) { // positions in increasing order; a bit set: an a
                if ((mask >> pos & 1) == 1) {
                    u += bsBelow;
                } else {
                    bsBelow++;
                }
            }
            enumerated[u]++;
        }
        assertEquals(java.util.Arrays.toString(enumerated), java.util.Arrays.toString(counts));
        assertEquals(RankTestDesign.binomial(9, 4), java.util.Arrays.stream(counts).sum(), 0);
    }

    @Test
    void smallestPIsTheLibrarysPForCompleteSeparation() {
        for (int[] n : new int[][] {{2, 3}, {5, 5}, {8, 5}, {12, 20}, {60, 55}}) {
            double[][] data = withU(n[0], n[1], 0);
            double p = MannWhitneyUTest.withDefaults().with(PValueMethod.AUTO).test(data[0], data[1]).getPValue();
            assertEquals(p, new RankTestDesign(n[0], n[1], 1).smallestP(), p * 1e-9, () -> n[0] + " vs " + n[1]);
        }
    }

    @Test
    void smallestDetectableDeltaIsTheLibrarysBoundary() {
        for (int[] d : new int[][] {{5, 5, 1}, {8, 6, 3}, {20, 20, 12}, {12, 30, 40}, {60, 55, 3}, {80, 50, 20}}) {
            RankTestDesign design = new RankTestDesign(d[0], d[1], d[2]);
            double level = RankTestDesign.ALPHA / d[2];
            double pairs = d[0] * d[1];
            // the largest U whose delta reaches the threshold must be significant, the next one not
            int critical = (int) Math.floor(pairs * (1 - design.smallestDetectableDelta()) / 2 + 1e-9);
            double[][] at = withU(d[0], d[1], critical);
            double[][] past = withU(d[0], d[1], critical + 1);
            MannWhitneyUTest test = MannWhitneyUTest.withDefaults()
                    .with(design.exact() ? PValueMethod.EXACT : PValueMethod.AUTO);
            String what = d[0] + " vs " + d[1] + " in " + d[2];
            assertTrue(test.test(at[0], at[1]).getPValue() < level, what);
            assertTrue(test.test(past[0], past[1]).getPValue() >= level, what);
            assertTrue(-EffectSize.cliffsDelta(at[0], at[1]) >= design.smallestDetectableDelta() - 1e-12, what);
        }
    }

    /** n1 a's and n2 b's without ties whose U (pairs with a above b) is u: b = 1..n2, each a just above k b's. */
    static double[][] withU(int n1, int n2, int u) {
        double[] b = new double[n2];
        for (int j = 0; j < n2; j++) {
            b[j] = j + 1;
        }
        double[] a = new double[n1];
        int left = u;
        for (int i = 0; i < n1; i++) {
            int k = Math.min(n2, left);
            left -= k;
            a[i] = k + 0.5 + i * 1e-3;
        }
        return new double[][] {a, b};
    }
}
