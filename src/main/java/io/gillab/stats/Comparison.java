package io.gillab.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two sets of samples compared: the ratio of medians a/b with a 95% bootstrap CI, and two tests that
 * hold for unequal sample sizes and variances: Mann-Whitney U (no normality assumed; the one used to
 * call a difference significant) and Welch's t-test (reported beside it). The Mann-Whitney p is exact
 * ({@code exactP}) for small samples without ties, where the normal approximation is poorest; otherwise
 * it is the normal approximation with tie and continuity corrections. {@code adjustedP} is filled in
 * by {@link #holm} across a family of comparisons.
 */
public record Comparison(double ratio, double ciLow, double ciHigh, double pMannWhitney, boolean exactP,
        double pWelch, double adjustedP) {

    /** Below this many samples on the larger side the p-value is exact (commons-statistics' own limit). */
    public static final int EXACT_LIMIT = 50;

    public static Comparison of(double[] a, double[] b) {
        double ratio = Stats.medianOf(a) / Stats.medianOf(b);
        Bootstrap.Interval ci = Bootstrap.ratioOfMedians(a, b, SampleSummary.LEVEL);
        double pmw = Double.NaN;
        boolean exact = false;
        double pw = Double.NaN;
        if (a.length >= 2 && b.length >= 2) {
            boolean small = Math.max(a.length, b.length) < EXACT_LIMIT;
            MannWhitneyUTest.Result mw = MannWhitneyUTest.withDefaults()
                    .with(small ? PValueMethod.EXACT : PValueMethod.AUTO).test(a, b);
            pmw = mw.getPValue();
            exact = small && !mw.hasTiedValues();
            pw = TTest.withDefaults().test(a, b).getPValue(); // Welch's (unequal variances) by default
        }
        return new Comparison(ratio, ci.low(), ci.high(), pmw, exact, pw, pmw);
    }

    /** Significant at 5% after the family-wise correction, and the CI excludes 1. */
    public boolean significant() {
        return adjustedP < 0.05 && (ciLow > 1 || ciHigh < 1);
    }

    public Comparison withAdjustedP(double p) {
        return new Comparison(ratio, ciLow, ciHigh, pMannWhitney, exactP, pWelch, p);
    }

    /**
     * Holm-Bonferroni step-down adjustment of p-values (family-wise error rate): the i-th smallest p is
     * multiplied by (m - i), made monotone, capped at 1. NaN stays NaN and does not count in m.
     */
    public static double[] holm(double[] p) {
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(
                Double.isNaN(p[x]) ? 2 : p[x], Double.isNaN(p[y]) ? 2 : p[y]));
        double[] adj = new double[p.length];
        double running = 0;
        int rank = 0;
        for (Integer i : order) {
            if (Double.isNaN(p[i])) {
                adj[i] = Double.NaN;
                continue;
            }
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adj[i] = running;
            rank++;
        }
        return adj;
    }
}
