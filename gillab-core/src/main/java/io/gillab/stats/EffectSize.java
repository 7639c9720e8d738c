package io.gillab.stats;

import java.util.Arrays;

/**
 * How big the difference between samples a and b is, so that a p-value is never read alone.
 *
 * <p>{@code shift} is the Hodges-Lehmann estimate: the median of every pairwise difference
 * a<sub>i</sub> - b<sub>j</sub> (the shift the Mann-Whitney test is about), in a's unit;
 * {@code relativeShift} is that shift over b's median. {@code cliffsDelta} is
 * (#(a<sub>i</sub> &gt; b<sub>j</sub>) - #(a<sub>i</sub> &lt; b<sub>j</sub>)) / (n<sub>a</sub> n<sub>b</sub>):
 * -1 when every a is below every b, 0 when they interleave evenly, +1 when every a is above.
 */
public record EffectSize(double shift, double relativeShift, double cliffsDelta) {

    public static final EffectSize NONE = new EffectSize(Double.NaN, Double.NaN, Double.NaN);

    public static EffectSize of(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return NONE;
        }
        double shift = hodgesLehmann(a, b);
        double baseline = Stats.medianOf(b);
        return new EffectSize(shift, baseline == 0 ? Double.NaN : shift / baseline, cliffsDelta(a, b));
    }

    /** Median of all n<sub>a</sub> n<sub>b</sub> differences: samples per trial are dozens, not thousands. */
    static double hodgesLehmann(double[] a, double[] b) {
        double[] d = new double[a.length * b.length];
        int k = 0;
        for (double x : a) {
            for (double y : b) {
                d[k++] = x - y;
            }
        }
        return Stats.medianOf(d);
    }

    /** Counts pairs above and below by binary search in sorted b; ties count for neither side. */
    static double cliffsDelta(double[] a, double[] b) {
        double[] sorted = b.clone();
        Arrays.sort(sorted);
        long more = 0;
        long less = 0;
        for (double x : a) {
            less += sorted.length - count(sorted, x, true);
            more += count(sorted, x, false);
        }
        return (double) (more - less) / ((long) a.length * b.length);
    }

    /** How many of sorted are below x (or at most x when {@code inclusive}). */
    private static int count(double[] sorted, double x, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x || inclusive && sorted[mid] == x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
