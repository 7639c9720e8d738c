package io.gillab.stats;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/** Small helpers over samples. */
public final class Stats {
    private Stats() {
    }

    public static OptionalDouble median(List<Double> values) {
        double[] v = toArray(values);
        return v.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(medianOf(v));
    }

    /** Median of an array (not modified). */
    public static double medianOf(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] v = x.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The finite values of a list, as an array. */
    public static double[] toArray(List<Double> values) {
        return values.stream().filter(d -> d != null && Double.isFinite(d)).mapToDouble(Double::doubleValue).toArray();
    }
}
