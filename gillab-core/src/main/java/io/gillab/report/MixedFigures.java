package io.gillab.report;

import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mixed workload's own figures (the convoy's latency_p50, latency_p99, requests_per_second) at one
 * count of CPU threads: the median over the measured samples, as the terminal table reads them, with a
 * bootstrap CI of that median (forks resampled, then samples within them, as every interval).
 */
final class MixedFigures {
    static final String P50 = "latency_p50";
    static final String P99 = "latency_p99";
    static final String RPS = "requests_per_second";

    private MixedFigures() {
    }

    /** The metric's values over the measured samples at {@code threads} CPU threads. */
    static List<Double> values(TrialResult r, int threads, String metric) {
        if (r.samples() == null) {
            return List.of();
        }
        return r.samples().stream()
                .filter(s -> !s.warmup() && s.threads() == threads && s.metrics() != null
                        && s.metrics().containsKey(metric))
                .map(Sample::metrics).map(m -> m.get(metric)).toList();
    }

    /** Summary of the metric (n = 0 when the trial has none). */
    static SampleSummary summary(TrialResult r, int threads, String metric) {
        if (r.samples() == null) {
            return SampleSummary.of(new double[0]);
        }
        Map<Integer, List<Double>> byFork = new TreeMap<>();
        for (Sample s : r.samples()) {
            if (!s.warmup() && s.threads() == threads && s.metrics() != null && s.metrics().get(metric) != null) {
                byFork.computeIfAbsent(s.fork(), f -> new ArrayList<>()).add(s.metrics().get(metric));
            }
        }
        return SampleSummary.of(byFork.values().stream().map(Stats::toArray).toArray(double[][]::new));
    }
}
