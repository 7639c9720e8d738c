package io.gillab.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two sets of samples compared: the ratio of medians a/b with a 95% bootstrap CI, and two tests that
 * hold for unequal sample sizes and variances: Mann-Whitney U (no normality assumed; the one used to
 * call a difference significant) and Welch's t-test (reported beside it). The Mann-Whitney p is exact
 * ({@code exactP}) for small samples without ties, where the normal approximation is poorest; otherwise
 * it is the normal approximation with tie and continuity corrections. {@code effect} says how big the
 * difference is; {@code design} what these sample sizes in this family can show at all.
 * {@code adjustedP} and the design's family are filled in by {@link #holm(List)}.
 */
public record Comparison(double ratio, double ciLow, double ciHigh, double pMannWhitney, boolean exactP,
        double pWelch, double adjustedP, EffectSize effect, RankTestDesign design) {

    /** Samples of one process on each side. */
    public static Comparison of(double[] a, double[] b) {
        return of(new double[][] {a}, new double[][] {b});
    }

    /**
     * Samples per fork on each side: the ratio's interval resamples forks, then samples (see {@link Bootstrap}).
     * The rank test and the effect size take the pooled samples as independent, which overstates the evidence
     * when forks differ; the interval does not, and a difference counts only when both agree.
     */
    public static Comparison of(double[][] forksA, double[][] forksB) {
        double[] a = Scaling.pool(forksA);
        double[] b = Scaling.pool(forksB);
        double ratio = Stats.medianOf(a) / Stats.medianOf(b);
        Bootstrap.Interval ci = Bootstrap.ratioOfMedians(forksA, forksB, SampleSummary.LEVEL);
        RankTestDesign design = new RankTestDesign(a.length, b.length, 1);
        double pmw = Double.NaN;
        boolean exact = false;
        double pw = Double.NaN;
        if (a.length >= 2 && b.length >= 2) {
            MannWhitneyUTest.Result mw = MannWhitneyUTest.withDefaults()
                    .with(design.exact() ? PValueMethod.EXACT : PValueMethod.AUTO).test(a, b);
            pmw = mw.getPValue();
            exact = design.exact() && !mw.hasTiedValues();
            pw = TTest.withDefaults().test(a, b).getPValue(); // Welch's (unequal variances) by default
        }
        return new Comparison(ratio, ci.low(), ci.high(), pmw, exact, pw, pmw, EffectSize.of(a, b), design);
    }

    /** Significant at 5% after the family-wise correction, and the CI excludes 1. */
    public boolean significant() {
        return adjustedP < RankTestDesign.ALPHA && (ciLow > 1 || ciHigh < 1);
    }

    /** This comparison's p adjusted within a family of {@code family} comparisons. */
    public Comparison withAdjustedP(double p, int family) {
        return new Comparison(ratio, ciLow, ciHigh, pMannWhitney, exactP, pWelch, p, effect,
                new RankTestDesign(design.n1(), design.n2(), family));
    }

    /** {@link #holm(double[])} over the Mann-Whitney p-values of a family, which sets each one's family size. */
    public static List<Comparison> holm(List<Comparison> family) {
        double[] adjusted = holm(family.stream().mapToDouble(Comparison::pMannWhitney).toArray());
        int m = (int) family.stream().filter(c -> !Double.isNaN(c.pMannWhitney())).count();
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < adjusted.length; i++) {
            out.add(family.get(i).withAdjustedP(adjusted[i], m));
        }
        return out;
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
