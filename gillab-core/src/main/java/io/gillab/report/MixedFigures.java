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

    /**
     * What ended the measured samples at {@code threads} CPU threads, from each one's {@code stop} metric (the
     * convoy's: 1 its time limit, 2 its request limit), e.g. "time limit in 3/3 samples (13-28 requests: below
     * 368 its p99 has a lower bound only)"; "" for samples that do not say (results written before).
     */
    static String stops(TrialResult r, int threads) {
        List<Double> stops = values(r, threads, STOP);
        List<Double> requests = values(r, threads, "requests");
        if (stops.isEmpty() || stops.contains(null) || requests.size() != stops.size() || requests.contains(null)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int rule = 1; rule <= 2; rule++) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            int count = 0;
            for (int i = 0; i < stops.size(); i++) {
                if (stops.get(i) == rule) {
                    count++;
                    min = Math.min(min, requests.get(i));
                    max = Math.max(max, requests.get(i));
                }
            }
            if (count == 0) {
                continue;
            }
            String span = min == max ? Fmt.f("%.0f", min) : Fmt.f("%.0f-%.0f", min, max);
            parts.add((rule == 1 ? "time limit" : "request limit") + " in " + count + "/" + stops.size()
                    + " samples (" + span + " requests"
                    + (max < MIN_TWO_SIDED ? ": below " + MIN_TWO_SIDED + " its p99 has a lower bound only" : "") + ")");
        }
        return String.join(", ", parts);
    }

    static final String STOP = "stop";
    /** The least number of requests with a two-sided 95% interval for a p99 (0.99^368 < 0.025). */
    static final int MIN_TWO_SIDED = 368;
}
