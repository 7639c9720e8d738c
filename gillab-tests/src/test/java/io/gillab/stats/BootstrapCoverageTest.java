package io.gillab.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How often a 95% interval contains the true median, over many simulated runs whose forks differ by a
 * known amount (a random effect per fork, as a JIT's compilation or a memory layout gives each process).
 * The old method pooled every sample and resampled them as independent; the new one resamples forks,
 * then samples within them, with Hesterberg's expansion for few forks. Both coverages are printed.
 */
class BootstrapCoverageTest {
    private static final int RUNS = 400;
    private static final double TRUE_MEDIAN = 1.0;

    /** Forks differ (between-fork sd 5%, within 2%): the pooled interval is far too narrow. */
    @Test
    void forksThatDifferAreCoveredByTheHierarchicalIntervalOnly() {
        double[] cov = coverage(5, 10, 0.05, 0.02, 11);
        print("5 forks x 10, between sd 5%, within sd 2%", cov);
        assertTrue(cov[0] < 0.75, "the pooled interval should undercover: " + cov[0]);
        assertTrue(cov[1] >= 0.90 && cov[1] <= 0.995, "hierarchical coverage " + cov[1]);
    }

    /** Three forks, as the default preset takes. */
    @Test
    void threeForksStillCover() {
        double[] cov = coverage(3, 10, 0.05, 0.02, 12);
        print("3 forks x 10, between sd 5%, within sd 2%", cov);
        assertTrue(cov[0] < 0.6, "the pooled interval should undercover: " + cov[0]);
        assertTrue(cov[1] >= 0.90, "hierarchical coverage " + cov[1]);
    }

    /** No difference between forks: both cover; the hierarchical one may be wider than needed, not narrower. */
    @Test
    void identicalForksAreCoveredByBoth() {
        double[] cov = coverage(5, 10, 0.0, 0.02, 13);
        print("5 forks x 10, no between-fork variance", cov);
        assertTrue(cov[0] >= 0.88, "pooled coverage " + cov[0]);
        assertTrue(cov[1] >= 0.93, "hierarchical coverage " + cov[1]);
    }

    /** One process of 5 samples (--quick): the expanded interval covers about as the order statistics do. */
    @Test
    void fiveSamplesOfOneProcess() {
        double[] cov = coverage(1, 5, 0.0, 0.02, 14);
        print("1 fork x 5 samples", cov);
        assertTrue(cov[1] >= 0.90, "hierarchical coverage " + cov[1]);
    }

    /** {pooled, hierarchical} coverage of the true median. */
    private static double[] coverage(int forks, int rounds, double sdBetween, double sdWithin, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int pooledHits = 0;
        int hierHits = 0;
        for (int run = 0; run < RUNS; run++) {
            double[][] x = new double[forks][rounds];
            for (int f = 0; f < forks; f++) {
                double effect = sdBetween * gaussian(rnd);
                for (int k = 0; k < rounds; k++) {
                    x[f][k] = TRUE_MEDIAN + effect + sdWithin * gaussian(rnd);
                }
            }
            if (pooledPercentile(x, rnd.nextLong()).contains(TRUE_MEDIAN)) {
                pooledHits++;
            }
            if (Bootstrap.median(x, 0.95).contains(TRUE_MEDIAN)) {
                hierHits++;
            }
        }
        return new double[] {pooledHits / (double) RUNS, hierHits / (double) RUNS};
    }

    /** The method gillab used before: every sample pooled and resampled as independent, plain percentiles. */
    private static Bootstrap.Interval pooledPercentile(double[][] forks, long seed) {
        double[] x = Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] stats = new double[Bootstrap.RESAMPLES];
        double[] r = new double[x.length];
        for (int i = 0; i < stats.length; i++) {
            for (int j = 0; j < x.length; j++) {
                r[j] = x[rnd.nextInt(x.length)];
            }
            stats[i] = Stats.medianOf(r);
        }
        Arrays.sort(stats);
        return new Bootstrap.Interval(stats[(int) Math.floor(0.025 * (stats.length - 1))],
                stats[(int) Math.ceil(0.975 * (stats.length - 1))]);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void print(String scenario, double[] cov) {
        System.out.printf(Locale.ROOT, "coverage of 95%% intervals over %d runs, %s: pooled %.1f%%, hierarchical"
                + " %.1f%%%n", RUNS, scenario, 100 * cov[0], 100 * cov[1]);
    }
}
