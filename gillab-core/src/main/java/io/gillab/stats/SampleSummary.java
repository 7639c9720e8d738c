package io.gillab.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Max;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Min;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * What a set of timing samples says: centre, spread, a 95% confidence interval for the median
 * (percentile bootstrap, hierarchical over forks: see {@link Bootstrap}) and for the mean (Student t on
 * the fork means when there are several forks, on the samples when there is one), and whether the result
 * is unstable.
 *
 * <p>Stability rules, after pyperf's: too few samples; a standard deviation above 10% of the mean; a
 * maximum 50% above or a minimum 50% below the mean; samples shorter than 1 ms (timer resolution and
 * scheduling noise dominate).
 */
public record SampleSummary(int n, double mean, double median, double stdev, double cv, double min, double max,
        double ciLow, double ciHigh, double meanCiLow, double meanCiHigh, List<String> unstable, int forks) {

    public static final double LEVEL = 0.95;

    public static SampleSummary of(List<Double> samples) {
        return of(Stats.toArray(samples));
    }

    /** Samples of one process. */
    public static SampleSummary of(double[] x) {
        return of(new double[][] {x});
    }

    /** Samples per fork: the intervals resample forks, then samples within them. */
    public static SampleSummary of(double[][] perFork) {
        double[][] forks = java.util.Arrays.stream(perFork).filter(f -> f != null && f.length > 0)
                .toArray(double[][]::new);
        double[] x = java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
        int n = x.length;
        double mean = n == 0 ? Double.NaN : Mean.of(x).getAsDouble();
        double sd = n < 2 ? Double.NaN : StandardDeviation.of(x).getAsDouble();
        double median = Stats.medianOf(x);
        Bootstrap.Interval ci = n < 2 ? Bootstrap.Interval.NONE : Bootstrap.median(forks, LEVEL);
        double meanLo = Double.NaN;
        double meanHi = Double.NaN;
        // Several forks: the fork means are the independent observations of the mean.
        double[] units = forks.length >= 2 ? java.util.Arrays.stream(forks).mapToDouble(VarianceSplit::meanOf).toArray()
                : x;
        if (units.length >= 2) {
            double t = TDistribution.of(units.length - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
            double half = t * Math.sqrt(VarianceSplit.varianceOf(units) / units.length);
            meanLo = VarianceSplit.meanOf(units) - half;
            meanHi = VarianceSplit.meanOf(units) + half;
        }
        double cv = n < 2 || mean == 0 ? Double.NaN : sd / mean;
        double min = n == 0 ? Double.NaN : Min.of(x).getAsDouble();
        double max = n == 0 ? Double.NaN : Max.of(x).getAsDouble();
        return new SampleSummary(n, mean, median, sd, cv, min, max, ci.low(), ci.high(), meanLo, meanHi,
                stabilityProblems(n, mean, sd, min, max), forks.length);
    }

    static List<String> stabilityProblems(int n, double mean, double sd, double min, double max) {
        List<String> why = new ArrayList<>();
        if (n < 3) {
            why.add("only " + n + " sample" + (n == 1 ? "" : "s"));
            return why;
        }
        if (sd / mean > 0.10) {
            why.add(String.format("std dev is %.0f%% of the mean (over 10%%)", 100 * sd / mean));
        }
        if (max > 1.5 * mean) {
            why.add(String.format("the maximum is %.0f%% above the mean", 100 * (max / mean - 1)));
        }
        if (min < 0.5 * mean) {
            why.add(String.format("the minimum is %.0f%% below the mean", 100 * (1 - min / mean)));
        }
        if (min < 0.001) {
            why.add(String.format("the shortest sample is only %.3f ms (use a larger --min-time)", min * 1e3));
        }
        return why;
    }

    /** The same summary with one more reason to call it unstable. */
    public SampleSummary withProblem(String why) {
        List<String> all = new ArrayList<>(unstable);
        all.add(why);
        return new SampleSummary(n, mean, median, stdev, cv, min, max, ciLow, ciHigh, meanCiLow, meanCiHigh,
                List.copyOf(all), forks);
    }

    public boolean isUnstable() {
        return !unstable.isEmpty();
    }

    /** Half the width of the median's CI, relative to the median: "±1.2%". */
    public double relativeHalfWidth() {
        return median == 0 ? Double.NaN : (ciHigh - ciLow) / 2 / median;
    }
}
