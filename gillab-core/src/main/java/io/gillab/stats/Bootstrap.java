package io.gillab.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Percentile bootstrap confidence intervals. Seeded from the data, so the same samples always give the
 * same interval (a report regenerated from results.jsonl does not change).
 *
 * <p>Samples come in forks (processes), and samples of one fork are not independent of each other: a
 * JIT compiles differently in each process, and memory layout differs between them. So the resampling
 * is hierarchical (Kalibera and Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013; Ren et
 * al. for the two-stage bootstrap): first draw forks with replacement, then samples with replacement
 * within each drawn fork. With one fork it is the ordinary bootstrap, which then knows nothing of the
 * variance between processes (the reports say how many forks an interval rests on).
 *
 * <p>A plain percentile interval is too narrow when the top level has few units (2-6 forks, or 5
 * samples in one fork): it misses the t quantile's width and the bootstrap's (n-1)/n variance. So the
 * percentiles are expanded as Hesterberg proposes ("What Teachers Should Know About the Bootstrap",
 * The American Statistician 69, 2015, section 4.6): the tail probability a' solves
 * z(a'/2) = sqrt(n / (n-1)) t(a/2, n-1), with n the number of forks (or of samples with one fork).
 * With 5 samples a 95% interval then spans about the 0.1% and 99.9% percentiles, as the order-statistic
 * interval of a median of 5 spans the minimum and maximum.
 *
 * <p>Resampling cannot reach past the forks it saw, so with 2-5 forks even the expanded interval misses
 * too often (85% in place of 95% with 3 forks, see BootstrapCoverageTest). With two or more forks the
 * interval is therefore at least as wide as Student's t interval over the forks' own statistics (each fork
 * is one independent observation of the statistic), in log space for a positive statistic.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 2000;

    private Bootstrap() {
    }

    /** A confidence interval [low, high] at the given level (e.g. 0.95). */
    public record Interval(double low, double high) {
        public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

        public double halfWidth() {
            return (high - low) / 2;
        }

        public boolean contains(double x) {
            return low <= x && x <= high;
        }
    }

    /** The median's interval, samples taken as independent (one fork). */
    public static Interval median(double[] x, double level) {
        return of(x, level, Stats::medianOf);
    }

    /** The median's interval, forks resampled, then samples within each fork. */
    public static Interval median(double[][] forks, double level) {
        return hierarchical(forks, level, Stats::medianOf);
    }

    /** A statistic's interval, samples taken as independent (one fork). */
    public static Interval of(double[] x, double level, ToDoubleFunction<double[]> statistic) {
        return hierarchical(new double[][] {x}, level, statistic);
    }

    /** A statistic of the pooled resample, resampled in two stages: forks, then samples in each. */
    public static Interval hierarchical(double[][] forks, double level, ToDoubleFunction<double[]> statistic) {
        double[][] f = nonEmpty(forks);
        if (f.length == 0) {
            return Interval.NONE;
        }
        SplittableRandom rnd = new SplittableRandom(seed(f));
        double[] stats = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            stats[r] = statistic.applyAsDouble(resample(f, rnd));
        }
        Interval boot = percentiles(stats, expanded(level, units(f)));
        if (f.length < 2) {
            return boot;
        }
        double[] perFork = java.util.Arrays.stream(f).mapToDouble(statistic).toArray();
        double centre = statistic.applyAsDouble(java.util.Arrays.stream(f).flatMapToDouble(java.util.Arrays::stream)
                .toArray());
        Interval floor = studentFloor(perFork, centre, level);
        return new Interval(Math.min(boot.low(), floor.low()), Math.max(boot.high(), floor.high()));
    }

    /**
     * Student's t interval around {@code centre} from the forks' own statistics. Timings, latencies and
     * speedups are positive and spread by factors, so where every fork's statistic is positive the interval is
     * taken in log space: centre / e^h to centre * e^h. With two forks t is 12.7, and a linear interval then
     * went below zero (a convoy p99 of 8.02 ms read "[-23.7 ms, 39.8 ms]", a 0.96x speedup "-0.72 to 2.65").
     * A statistic that may be zero or negative keeps the linear interval.
     */
    static Interval studentFloor(double[] perFork, double centre, double level) {
        double t = TDistribution.of(perFork.length - 1).inverseSurvivalProbability((1 - level) / 2);
        if (centre > 0 && Arrays.stream(perFork).allMatch(v -> v > 0)) {
            double[] logs = Arrays.stream(perFork).map(Math::log).toArray();
            double half = t * Math.sqrt(VarianceSplit.varianceOf(logs) / perFork.length);
            return new Interval(centre * Math.exp(-half), centre * Math.exp(half));
        }
        double half = t * Math.sqrt(VarianceSplit.varianceOf(perFork) / perFork.length);
        return new Interval(centre - half, centre + half);
    }

    /** Interval of median(a) / median(b), each side resampled hierarchically and independently. */
    public static Interval ratioOfMedians(double[][] a, double[][] b, double level) {
        double[][] fa = nonEmpty(a);
        double[][] fb = nonEmpty(b);
        if (fa.length == 0 || fb.length == 0) {
            return Interval.NONE;
        }
        SplittableRandom rnd = new SplittableRandom(seed(fa) * 31 + seed(fb));
        double[] stats = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            stats[r] = Stats.medianOf(resample(fa, rnd)) / Stats.medianOf(resample(fb, rnd));
        }
        return percentiles(stats, expanded(level, Math.min(units(fa), units(fb))));
    }

    /** Interval of median(a) / median(b) for one fork on each side, samples independent. */
    public static Interval ratioOfMedians(double[] a, double[] b, double level) {
        return ratioOfMedians(new double[][] {a}, new double[][] {b}, level);
    }

    /** One two-stage resample, pooled: as many forks as there are, each with as many samples as it had. */
    static double[] resample(double[][] forks, SplittableRandom rnd) {
        int n = 0;
        int[] picked = new int[forks.length];
        for (int i = 0; i < forks.length; i++) {
            picked[i] = rnd.nextInt(forks.length);
            n += forks[picked[i]].length;
        }
        double[] out = new double[n];
        int k = 0;
        for (int p : picked) {
            double[] fork = forks[p];
            for (int j = 0; j < fork.length; j++) {
                out[k++] = fork[rnd.nextInt(fork.length)];
            }
        }
        return out;
    }

    /** The independent units at the top level: forks, or samples when there is one fork. */
    static int units(double[][] forks) {
        return forks.length >= 2 ? forks.length : forks.length == 1 ? forks[0].length : 0;
    }

    /** The nominal level widened for n top-level units (Hesterberg's expanded percentile interval). */
    static double expanded(double level, int n) {
        if (n < 2) {
            return level;
        }
        double t = TDistribution.of(n - 1).inverseSurvivalProbability((1 - level) / 2);
        double z = Math.sqrt(n / (n - 1.0)) * t;
        return 1 - 2 * NormalDistribution.of(0, 1).survivalProbability(z);
    }

    private static double[][] nonEmpty(double[][] forks) {
        return Arrays.stream(forks).filter(f -> f != null && f.length > 0).toArray(double[][]::new);
    }

    private static Interval percentiles(double[] stats, double level) {
        Arrays.sort(stats);
        double alpha = (1 - level) / 2;
        int lo = (int) Math.floor(alpha * (stats.length - 1));
        int hi = (int) Math.ceil((1 - alpha) * (stats.length - 1));
        return new Interval(stats[lo], stats[hi]);
    }

    private static long seed(double[][] forks) {
        long s = forks.length;
        for (double[] f : forks) {
            s = s * 0x9E3779B97F4A7C15L + Arrays.hashCode(f) + f.length;
        }
        return s;
    }
}
