package io.gillab.stats;

import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics of one trial, derived from its samples (results.jsonl stays the raw data):
 * warm-up detection per process and thread count, then a summary per thread count over the steady
 * samples of every process, and the scaling of N threads over one.
 *
 * <p>Excluded from the statistics (but kept in the data): the driver's warm-up rounds, and any further
 * samples before the warm-up end that {@link WarmupDetector} finds in each process's series.
 *
 * @param steadyStart     per thread count, the largest number of leading samples (warm-ups included)
 *                        excluded in any process: the driver's warm-ups or the detected warm-up, whichever
 *                        is longer
 * @param warmupEnd       per thread count, the detected end of warm-up (index in the series of the first
 *                        steady sample, the latest over processes; 0 = steady from the start)
 * @param timeToSteady    seconds of measuring (calibration included) before the slowest series reached its
 *                        detected steady state: the JIT's warm-up cost
 * @param extraWarmup     samples past the driver's warm-ups that detection also excluded
 * @param steadySamples   per thread count, the seconds that count (every process)
 * @param steadyByFork    per thread count, the same seconds per fork (the level the intervals resample)
 * @param variance        per thread count, the variance between and within forks (null entries omitted:
 *                        fewer than 2 forks)
 */
public record TrialAnalysis(Map<Integer, SampleSummary> summaries, Map<Integer, Scaling> scaling,
        Map<Integer, Integer> steadyStart, Map<Integer, Integer> warmupEnd, double timeToSteady, int extraWarmup,
        Map<Integer, List<Double>> steadySamples, Map<Integer, double[][]> steadyByFork,
        Map<Integer, VarianceSplit> variance) {

    /**
     * What the analysis reads of a trial ({@link #of(TrialResult)} fills it in).
     *
     * @param calibrationSeconds seconds the first fork spent calibrating its size
     * @param cores              cores the threads had (0: unknown)
     * @param weak               weak scaling: every thread did the whole work
     */
    public record Input(List<Sample> samples, List<Integer> threadCounts, double calibrationSeconds, int cores,
            boolean weak) {
    }

    /** The statistics of one trial, derived from its samples. */
    public static TrialAnalysis of(TrialResult r) {
        Fork first = r.firstFork();
        return of(new Input(r.samples(), r.threadCounts() == null ? List.of() : r.threadCounts(),
                first == null ? 0 : first.calibrationSeconds(), r.cores(), "weak".equals(r.scalingMode())));
    }

    public static TrialAnalysis of(Input r) {
        Map<Integer, List<Double>> steady = new LinkedHashMap<>();
        Map<Integer, List<Double>> cpuPerWall = new LinkedHashMap<>();
        Map<Integer, List<double[]>> byFork = new LinkedHashMap<>();
        // per thread count N > 1: per fork, T1 / TN in each round where both samples are steady
        Map<Integer, List<double[]>> roundRatios = new LinkedHashMap<>();
        Map<Integer, Integer> steadyStart = new LinkedHashMap<>();
        Map<Integer, Integer> warmupEnd = new LinkedHashMap<>();
        double timeToSteady = 0;
        int extra = 0;
        List<Sample> all = r.samples() == null ? List.of() : r.samples();
        int forks = all.stream().mapToInt(Sample::fork).max().orElse(-1) + 1;
        double calibration = r.calibrationSeconds();
        for (int f = 0; f < forks; f++) {
            int fork = f;
            List<Sample> inFork = all.stream().filter(s -> s.fork() == fork).sorted(Comparator.comparingInt(Sample::index))
                    .toList();
            Map<Integer, double[]> seriesOf = new LinkedHashMap<>();
            Map<Integer, Integer> fromOf = new LinkedHashMap<>();
            for (int t : r.threadCounts()) {
                List<Sample> series = inFork.stream().filter(s -> s.threads() == t).toList();
                // Seconds per unit: warm-ups may run at another size than the samples (the driver
                // recalibrates after them when a JIT has sped up).
                double[] x = series.stream().mapToDouble(s -> s.size() > 0 ? s.seconds() / s.size() : s.seconds())
                        .toArray();
                int start = WarmupDetector.steadyStart(x);
                long driverWarmups = series.stream().filter(Sample::warmup).count();
                int from = (int) Math.max(start, driverWarmups);
                extra += Math.max(0, from - (int) driverWarmups);
                steadyStart.merge(t, from, Math::max);
                warmupEnd.merge(t, start, Math::max);
                if (start > 0 && start < series.size()) {
                    int firstSteadyIndex = series.get(start).index();
                    double before = inFork.stream().filter(s -> s.index() < firstSteadyIndex)
                            .mapToDouble(Sample::seconds).sum();
                    timeToSteady = Math.max(timeToSteady, before + (fork == 0 ? calibration : 0));
                }
                List<Sample> kept = series.subList(Math.min(from, series.size()), series.size());
                for (Sample s : kept) {
                    steady.computeIfAbsent(t, k -> new ArrayList<>()).add(s.seconds());
                    if (s.cpuSeconds() != null && s.seconds() > 0) {
                        cpuPerWall.computeIfAbsent(t, k -> new ArrayList<>()).add(s.cpuSeconds() / s.seconds());
                    }
                }
                byFork.computeIfAbsent(t, k -> new ArrayList<>()).add(kept.stream().mapToDouble(Sample::seconds).toArray());
                seriesOf.put(t, series.stream().mapToDouble(Sample::seconds).toArray());
                fromOf.put(t, from);
            }
            // The k-th sample at each thread count was taken in the same round (TrialSpec).
            double[] one = seriesOf.get(1);
            for (int t : r.threadCounts()) {
                if (t == 1 || one == null) {
                    continue;
                }
                double[] many = seriesOf.get(t);
                int from = Math.max(fromOf.get(1), fromOf.get(t));
                int to = Math.min(one.length, many.length);
                List<Double> ratios = new ArrayList<>();
                for (int k = from; k < to; k++) {
                    if (many[k] > 0) {
                        ratios.add(one[k] / many[k]);
                    }
                }
                roundRatios.computeIfAbsent(t, k -> new ArrayList<>()).add(Stats.toArray(ratios));
            }
        }
        Map<Integer, double[][]> steadyByFork = new LinkedHashMap<>();
        Map<Integer, SampleSummary> summaries = new LinkedHashMap<>();
        Map<Integer, VarianceSplit> variance = new LinkedHashMap<>();
        for (int t : steady.keySet()) {
            double[][] forksAtT = byFork.get(t).toArray(double[][]::new);
            steadyByFork.put(t, forksAtT);
            SampleSummary summary = SampleSummary.of(forksAtT);
            // forks settled in separate modes (layout bias, a JIT's choices): pyperf's "unstable", and the
            // interval is only as good as the number of forks in each mode
            Optional<String> modes = ForkModes.describe(forksAtT);
            summaries.put(t, modes.isPresent() ? summary.withProblem(modes.get()) : summary);
            VarianceSplit v = VarianceSplit.of(forksAtT);
            if (v != null) {
                variance.put(t, v);
            }
        }
        Map<Integer, Scaling> scaling = new LinkedHashMap<>();
        List<Double> one = steady.get(1);
        int cores = r.cores();
        boolean weak = r.weak();
        for (Map.Entry<Integer, List<Double>> e : steady.entrySet()) {
            int t = e.getKey();
            if (t > 1 && one != null && !one.isEmpty() && !e.getValue().isEmpty()) {
                List<Double> cpw = cpuPerWall.get(t);
                double[] cpuWall = cpw == null ? null : Stats.toArray(cpw);
                double[][] ratios = roundRatios.getOrDefault(t, List.of()).toArray(double[][]::new);
                boolean paired = java.util.Arrays.stream(ratios).mapToInt(x -> x.length).sum() >= 2;
                scaling.put(t, paired ? Scaling.paired(t, ratios, weak, cpuWall, cores)
                        : Scaling.unpaired(t, steadyByFork.get(1), steadyByFork.get(t), weak, cpuWall, cores));
            }
        }
        return new TrialAnalysis(summaries, scaling, steadyStart, warmupEnd, timeToSteady, extra, steady,
                steadyByFork, variance);
    }

    /** Steady seconds at one thread count, all processes together. */
    public SampleSummary at(int threads) {
        return summaries.get(threads);
    }
}
