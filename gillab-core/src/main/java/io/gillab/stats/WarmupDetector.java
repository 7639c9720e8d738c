package io.gillab.stats;

import java.util.Arrays;

/**
 * Finds where a JIT's warm-up ends in a series of samples (in the order they were taken), with a
 * one-sided CUSUM change-point test, as GraalPy's own harness does.
 *
 * <p>The steady level {@code m} and scale {@code s} are the median and MAD (x1.4826) of the last half
 * of the series. The statistic {@code C_i = sum_{j<i} (x_j - m - s/2)} grows while samples are slower
 * than steady state and shrinks after; the warm-up ends where it peaks. A peak below {@code 5 s} (the
 * classic CUSUM threshold) means no warm-up was detected, and so does a prefix that does not start slow
 * or is not mostly slow (above {@code m + 2 s}): a single late spike is noise, not warm-up. The floor on
 * {@code s} (1% of {@code m}) keeps a near-constant series from calling noise a warm-up.
 */
public final class WarmupDetector {
    static final double SLACK = 0.5;
    static final double THRESHOLD = 5.0;

    private WarmupDetector() {
    }

    /** Index of the first steady-state sample (0 when no warm-up is detected). */
    public static int steadyStart(double[] series) {
        int n = series.length;
        if (n < 6) {
            return 0;
        }
        double[] tail = Arrays.copyOfRange(series, n / 2, n);
        double m = Stats.medianOf(tail);
        double[] dev = new double[tail.length];
        for (int i = 0; i < tail.length; i++) {
            dev[i] = Math.abs(tail[i] - m);
        }
        double s = Math.max(1.4826 * Stats.medianOf(dev), 0.01 * Math.abs(m));
        if (s == 0) {
            return 0;
        }
        double c = 0;
        double best = 0;
        int bestIndex = 0;
        // Only the first half may be warm-up: the second half defines steady state.
        for (int i = 0; i < n / 2 + 1; i++) {
            c += (series[i] - m) / s - SLACK;
            if (c > best) {
                best = c;
                bestIndex = i + 1;
            }
        }
        if (best < THRESHOLD || series[0] <= m + 2 * s) {
            return 0; // warm-up starts slow; a late spike (GC, another process) is noise, not warm-up
        }
        int slow = 0;
        for (int i = 0; i < bestIndex; i++) {
            if (series[i] > m + 2 * s) {
                slow++;
            }
        }
        return 2 * slow >= bestIndex ? bestIndex : 0;
    }
}
