package io.gillab.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals. Seeded from the data, so the same samples always give the
 * same interval (a report regenerated from results.jsonl does not change).
 */
public final class Bootstrap {
    public static final int RESAMPLES = 2000;

    private Bootstrap() {
    }

    /** A confidence interval [low, high] at the given level (e.g. 0.95). */
    public record Interval(double low, double high) {
        public double halfWidth() {
            return (high - low) / 2;
        }
    }

    public static Interval median(double[] x, double level) {
        return of(x, level, Stats::medianOf);
    }

    public static Interval of(double[] x, double level, ToDoubleFunction<double[]> statistic) {
        if (x.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom rnd = new SplittableRandom(seed(x));
        double[] stats = new double[RESAMPLES];
        double[] resample = new double[x.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < x.length; i++) {
                resample[i] = x[rnd.nextInt(x.length)];
            }
            stats[r] = statistic.applyAsDouble(resample);
        }
        return percentiles(stats, level);
    }

    /** Interval of median(a) / median(b), resampling both independently. */
    public static Interval ratioOfMedians(double[] a, double[] b, double level) {
        if (a.length == 0 || b.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom rnd = new SplittableRandom(seed(a) * 31 + seed(b));
        double[] stats = new double[RESAMPLES];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < a.length; i++) {
                ra[i] = a[rnd.nextInt(a.length)];
            }
            for (int i = 0; i < b.length; i++) {
                rb[i] = b[rnd.nextInt(b.length)];
            }
            stats[r] = Stats.medianOf(ra) / Stats.medianOf(rb);
        }
        return percentiles(stats, level);
    }

    private static Interval percentiles(double[] stats, double level) {
        Arrays.sort(stats);
        double alpha = (1 - level) / 2;
        int lo = (int) Math.floor(alpha * (stats.length - 1));
        int hi = (int) Math.ceil((1 - alpha) * (stats.length - 1));
        return new Interval(stats[lo], stats[hi]);
    }

    private static long seed(double[] x) {
        return Arrays.hashCode(x) * 0x9E3779B97F4A7C15L + x.length;
    }
}
