package io.gillab.stats;

import java.util.List;
import java.util.OptionalDouble;

/** Small statistics over samples; the full treatment (CIs, significance) lives beside it. */
public final class Stats {
    private Stats() {
    }

    public static OptionalDouble median(List<Double> values) {
        double[] v = values.stream().filter(d -> d != null && !d.isNaN()).mapToDouble(Double::doubleValue).sorted()
                .toArray();
        if (v.length == 0) {
            return OptionalDouble.empty();
        }
        int mid = v.length / 2;
        return OptionalDouble.of(v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2);
    }
}
