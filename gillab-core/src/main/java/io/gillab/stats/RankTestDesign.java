package io.gillab.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * What a two-sided Mann-Whitney comparison of n1 against n2 samples can show at all, when it is one of
 * {@code family} comparisons corrected by Holm. Without ties the test's p depends on the data only through
 * U = #(a<sub>i</sub> &gt; b<sub>j</sub>), so the design alone fixes the smallest p and the smallest
 * effect that can be called significant.
 *
 * <p>Holm multiplies the smallest p of the family by its size m and requires it below 5% before anything
 * is called: {@code m} times the most extreme outcome's p (every a below every b: exactly 2 / C(n1+n2, n1)
 * in the exact regime) is the smallest adjusted p this comparison can get. It is exact when the table's
 * comparisons share one design (one preset); with mixed designs Holm's later steps can go lower once
 * stronger differences elsewhere are rejected, so it is then a conservative bound. Both figures assume
 * no ties (timings seldom tie; with ties the test falls back to the normal approximation).
 */
public record RankTestDesign(int n1, int n2, int family) {

    /** Family-wise error rate at which a difference is called. */
    public static final double ALPHA = 0.05;
    /** Below this many samples on the larger side the p-value is exact (commons-statistics' own limit). */
    public static final int EXACT_LIMIT = 50;

    public boolean exact() {
        return Math.max(n1, n2) < EXACT_LIMIT;
    }

    /** The smallest Holm-adjusted p any data of this design can give (capped at 1). */
    public double smallestP() {
        double p = exact() ? 2 / binomial(n1 + n2, n1) : asymptoticP(0);
        return Math.min(1, family * p);
    }

    public boolean canReachSignificance() {
        return smallestP() < ALPHA;
    }

    /**
     * The smallest |Cliff's delta| an observed difference must have to be called significant by Holm's
     * first step (raw p below ALPHA / family); NaN when no data of this design can. It is the detection
     * threshold of the design (about 50% power for a true effect of that size, not 80%): Cliff's delta is
     * 1 - 2U/(n1 n2) for the smaller of the two U statistics, so the critical U gives it.
     */
    public double smallestDetectableDelta() {
        if (!canReachSignificance()) {
            return Double.NaN;
        }
        double level = ALPHA / family;
        double pairs = (double) n1 * n2;
        if (!exact()) {
            // |U - n1 n2 / 2| - 0.5 (continuity, as the test applies it) must reach z sd.
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(level / 2);
            return Math.min(1, 2 * (z * sdOfU() + 0.5) / pairs);
        }
        double[] counts = countsOfU(n1, n2, (int) (pairs / 2));
        double total = binomial(n1 + n2, n1);
        double tail = 0;
        int critical = -1;
        for (int u = 0; u < counts.length; u++) {
            tail += counts[u];
            if (2 * tail / total >= level) {
                break;
            }
            critical = u;
        }
        return 1 - 2 * critical / pairs;
    }

    /**
     * How many of the C(n1+n2, n1) orderings of n1 a's and n2 b's have U = u, for u up to {@code limit}.
     * The largest value is either an a (above all j b's: U grows by j) or a b; only additions, so doubles
     * stay accurate (the counts are at most C(98, 49), about 2.5e28).
     */
    static double[] countsOfU(int n1, int n2, int limit) {
        double[][] prev = new double[n2 + 1][limit + 1];
        for (int j = 0; j <= n2; j++) {
            prev[j][0] = 1;
        }
        for (int i = 1; i <= n1; i++) {
            double[][] cur = new double[n2 + 1][limit + 1];
            cur[0][0] = 1;
            for (int j = 1; j <= n2; j++) {
                for (int u = 0; u <= limit; u++) {
                    cur[j][u] = (u >= j ? prev[j][u - j] : 0) + cur[j - 1][u];
                }
            }
            prev = cur;
        }
        return prev[n2];
    }

    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private double sdOfU() {
        return Math.sqrt((double) n1 * n2 * (n1 + n2 + 1) / 12);
    }

    /** The normal approximation's two-sided p for U = u, with the continuity correction. */
    private double asymptoticP(double u) {
        double z = (Math.abs(u - (double) n1 * n2 / 2) - 0.5) / sdOfU();
        return 2 * NormalDistribution.of(0, 1).survivalProbability(z);
    }
}
