package io.gillab.stats;

import java.util.Arrays;

/**
 * How much of a trial's variance lies between forks (processes) and how much within them, and the run
 * plan that follows: the two-level random-effects view of Kalibera and Jones ("Rigorous Benchmarking in
 * Reasonable Time", ISMM 2013, section 3).
 *
 * <p>With n forks of r samples, a fork's mean varies by {@code between + within / r}, and the grand mean
 * by {@code (between + within / r) / n}. The components are the method-of-moments estimates: within =
 * the mean of the forks' sample variances; between = the variance of the fork means less within / r,
 * floored at 0. The plan uses the mean's variance as a stand-in for the median's (close for the
 * unimodal series it applies to) and a normal 95% quantile.
 *
 * @param forks         forks with samples
 * @param rounds        mean samples per fork
 * @param mean          grand mean of the fork means
 * @param between       the between-fork variance component (seconds²)
 * @param within        the within-fork variance component (seconds²)
 */
public record VarianceSplit(int forks, double rounds, double mean, double between, double within) {

    private static final double Z95 = 1.959964;

    /** The split of steady samples given per fork; null with fewer than 2 forks or a fork of 1 sample. */
    public static VarianceSplit of(double[][] perFork) {
        double[][] f = Arrays.stream(perFork).filter(x -> x != null && x.length > 0).toArray(double[][]::new);
        if (f.length < 2 || Arrays.stream(f).anyMatch(x -> x.length < 2)) {
            return null;
        }
        double[] means = Arrays.stream(f).mapToDouble(VarianceSplit::meanOf).toArray();
        double within = Arrays.stream(f).mapToDouble(VarianceSplit::varianceOf).average().orElse(0);
        double rounds = Arrays.stream(f).mapToInt(x -> x.length).average().orElse(1);
        double between = Math.max(0, varianceOf(means) - within / rounds);
        return new VarianceSplit(f.length, rounds, meanOf(means), between, within);
    }

    /** The between-fork share of one sample's variance, 0..1. */
    public double betweenShare() {
        double total = between + within;
        return total == 0 ? 0 : between / total;
    }

    /** Forks needed, at {@code rounds} samples each, for a 95% half-width of {@code target} × the mean. */
    public int forksFor(double target, double roundsPerFork) {
        double h = target * mean;
        if (h <= 0) {
            return Integer.MAX_VALUE;
        }
        double perFork = between + within / roundsPerFork;
        return Math.max(2, (int) Math.ceil(Z95 * Z95 * perFork / (h * h)));
    }

    /** Forks needed at this trial's rounds per fork. */
    public int forksFor(double target) {
        return forksFor(target, rounds);
    }

    /** A number of forks and of rounds per fork. */
    public record Plan(int forks, int rounds) {
    }

    /**
     * The cheapest plan for a 95% half-width of {@code target} × the mean, given what a fork costs besides its
     * rounds (start-up, warm-up) and what a round costs: Kalibera and Jones's optimum rounds per fork,
     * sqrt(forkCost / roundCost × within / between), rounded and kept within 1..{@code maxRounds}, then the
     * forks that takes.
     */
    public Plan cheapest(double target, double forkCost, double roundCost, int maxRounds) {
        int r;
        if (between <= 0 || roundCost <= 0) {
            r = maxRounds;
        } else {
            double opt = Math.sqrt(Math.max(forkCost, 0) / roundCost * within / between);
            r = (int) Math.max(1, Math.min(maxRounds, Math.round(opt)));
        }
        return new Plan(forksFor(target, r), r);
    }

    /** The 95% half-width of the mean, relative to it, expected at n forks of r samples. */
    public double relativeHalfWidth(int n, double r) {
        return mean == 0 ? Double.NaN : Z95 * Math.sqrt((between + within / r) / n) / mean;
    }

    /**
     * Whether more rounds per fork would still narrow the interval noticeably: the within-fork part of a
     * fork mean's variance is at least as large as the between-fork part. Otherwise only forks help.
     */
    public boolean roundsHelp() {
        return within / rounds >= between;
    }

    static double meanOf(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double varianceOf(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = meanOf(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
