package io.gillab.expect;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.gillab.driver.DriverOutput;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.results.ProbeAnswer;
import io.gillab.stats.Scaling;
import io.gillab.stats.Stats;
import io.gillab.stats.TrialAnalysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code observe:} column of the expectations table: what to read from a trial.
 *
 * <ul>
 *   <li>a path into a probe's JSON result: dotted ({@code counter_inplace.lost}) or a JSON pointer
 *       ({@code /imports/concurrent.interpreters/ok}) when a key holds a dot;</li>
 *   <li>{@code speedup(N)}: a workload's median time at 1 thread over its median at N threads (strong
 *       scaling; weak scaling multiplies by N), steady samples only, as the reports compute it;</li>
 *   <li>{@code cpu_per_wall(N)}: process CPU time over wall time during the N-thread samples (median):
 *       about 1 when threads take turns, about N when they run in parallel;</li>
 *   <li>{@code ratio(METRIC, A, B)}: the smallest value of a workload's own metric at A threads over the
 *       smallest at B threads, e.g. {@code ratio(latency_p99, 1, 0)} for the convoy. For a latency or a
 *       time, which a busy machine can only lengthen, the smallest value is each side's least disturbed
 *       sample (a median let two disturbed baselines of three decide: 4 ms at 0 threads on CPython,
 *       against 0.24 ms undisturbed, once made 35 ms at 1 thread look like 8.7x);</li>
 *   <li>{@code max(PATH, PATH, ...)}: the largest of several numbers in a probe's result, e.g. lost
 *       updates with the default and with a lowered switch interval (either may lose none by chance).</li>
 * </ul>
 */
public sealed interface Observation {

    /** Reads the value from a trial that ended ok (the caller handles failed and skipped ones). */
    Observed read(TrialResult r);

    /** True for values derived from workload timings (scaling), false for probe results (behaviour). */
    boolean isScaling();

    /** As written in the table. */
    String text();

    Pattern SPEEDUP = Pattern.compile("speedup\\(\\s*(\\d+)\\s*\\)");
    Pattern CPU_PER_WALL = Pattern.compile("cpu_per_wall\\(\\s*(\\d+)\\s*\\)");
    Pattern RATIO = Pattern.compile("ratio\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    Pattern MAX = Pattern.compile("max\\((.+)\\)");

    static Observation parse(String text, String where) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(where + ": observe is empty");
        }
        java.util.regex.Matcher m;
        if ((m = SPEEDUP.matcher(s)).matches()) {
            return new Speedup(s, Integer.parseInt(m.group(1)));
        }
        if ((m = CPU_PER_WALL.matcher(s)).matches()) {
            return new CpuPerWall(s, Integer.parseInt(m.group(1)));
        }
        if ((m = RATIO.matcher(s)).matches()) {
            return new MetricRatio(s, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if ((m = MAX.matcher(s)).matches()) {
            List<ProbePath> paths = new ArrayList<>();
            for (String p : m.group(1).split(",")) {
                if (p.isBlank() || p.contains("(")) {
                    throw new IllegalArgumentException(where + ": max(...) takes paths into a probe result, not '"
                            + p.strip() + "'");
                }
                paths.add((ProbePath) parse(p.strip(), where));
            }
            return new MaxOf(s, paths);
        }
        if (s.contains("(")) {
            throw new IllegalArgumentException(where + ": unknown derived metric '" + s
                    + "' (known: speedup(N), cpu_per_wall(N), ratio(METRIC, A, B), max(PATH, ...), or a path into a"
                    + " probe result)");
        }
        String pointer = s.startsWith("/") ? s : "/" + s.replace('.', '/');
        try {
            return new ProbePath(s, JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": bad path '" + s + "': " + e.getMessage());
        }
    }

    /** A value in a probe's result. */
    record ProbePath(String text, JsonPointer pointer) implements Observation {
        @Override
        public Observed read(TrialResult r) {
            JsonNode probe = r.probe();
            if (probe == null || probe.isNull()) {
                return Observed.none("the trial has no probe result", "status " + r.status());
            }
            JsonNode v = probe.at(pointer);
            String exception = probe.path("exception").isTextual() ? probe.get("exception").asText() : null;
            String words;
            if (v.isMissingNode() || v.isNull()) {
                words = exception != null ? "raises " + exception : (v.isNull() ? "null" : "absent");
            } else {
                words = Matcher.Values.words(v);
            }
            String detail = "probe " + r.name() + " answered: " + ProbeAnswer.describe(r.name(), probe) + "; "
                    + text + " = " + (v.isMissingNode() ? "(absent)" : v.toString())
                    + (exception != null ? "; exception " + exception + ": " + probe.path("message").asText("") : "")
                    + "; whole result: " + clip(probe.toString(), 1500);
            return new Observed(v, exception, words, detail, null);
        }

        @Override
        public boolean isScaling() {
            return false;
        }
    }

    /** The largest of several numbers in a probe's result (missing ones are ignored). */
    record MaxOf(String text, List<ProbePath> paths) implements Observation {
        @Override
        public Observed read(TrialResult r) {
            Double best = null;
            List<String> parts = new ArrayList<>();
            Observed first = null;
            for (ProbePath p : paths) {
                Observed o = p.read(r);
                if (o.noData() != null) {
                    return o;
                }
                first = first == null ? o : first;
                parts.add(p.text() + " = " + o.words());
                Double n = o.number();
                if (n != null && (best == null || n > best)) {
                    best = n;
                }
            }
            String detail = String.join(", ", parts) + "; " + first.detail();
            if (best == null) {
                return new Observed(null, first.exception(), first.words(), detail, null);
            }
            return new Observed(DoubleNode.valueOf(best), null, Matcher.Values.number(best), detail, null);
        }

        @Override
        public boolean isScaling() {
            return false;
        }
    }

    /** Speedup of N threads over one. */
    record Speedup(String text, int threads) implements Observation {
        @Override
        public Observed read(TrialResult r) {
            Scaled s = Scaled.of(r, threads);
            if (s.noData() != null) {
                return Observed.none(s.noData(), s.detail());
            }
            Scaling sc = s.scaling();
            return new Observed(DoubleNode.valueOf(sc.speedup()), null, String.format(Locale.ROOT,
                    "%.2fx (95%% CI %.2f-%.2f)", sc.speedup(), sc.ciLow(), sc.ciHigh()), s.detail(), null, sc.ciLow(),
                    sc.ciHigh());
        }

        @Override
        public boolean isScaling() {
            return true;
        }
    }

    /** Process CPU time over wall time during the N-thread samples. */
    record CpuPerWall(String text, int threads) implements Observation {
        @Override
        public Observed read(TrialResult r) {
            Scaled s = Scaled.of(r, threads);
            if (s.noData() != null) {
                return Observed.none(s.noData(), s.detail());
            }
            Double p = s.scaling().effectiveParallelism();
            if (p == null) {
                return new Observed(null, null, "not measured (the runtime cannot read its process CPU time)",
                        s.detail(), null);
            }
            return new Observed(DoubleNode.valueOf(p), null, String.format(Locale.ROOT, "%.2f", p), s.detail(), null);
        }

        @Override
        public boolean isScaling() {
            return true;
        }
    }

    /**
     * The smallest value of a workload metric at A threads over the smallest at B threads: for latencies and
     * times, which other processes can only lengthen, the least disturbed sample on each side.
     */
    record MetricRatio(String text, String metric, int a, int b) implements Observation {
        @Override
        public Observed read(TrialResult r) {
            List<Double> at = values(r, a);
            List<Double> bt = values(r, b);
            String detail = String.format(Locale.ROOT, "%s at %d threads: %s; at %d threads: %s; size %s", metric, a,
                    list(at), b, list(bt), r.size());
            if (at.isEmpty() || bt.isEmpty()) {
                return Observed.none("no measured " + metric + " at " + (at.isEmpty() ? a : b) + " threads", detail);
            }
            double ma = Collections.min(at);
            double mb = Collections.min(bt);
            if (mb <= 0) {
                return Observed.none("smallest " + metric + " at " + b + " threads is " + mb, detail);
            }
            double ratio = ma / mb;
            detail = String.format(Locale.ROOT, "smallest %s %s at %d threads / smallest %s at %d threads = %.2fx; %s",
                    metric, ms(ma), a, ms(mb), b, ratio, detail);
            return new Observed(DoubleNode.valueOf(ratio), null, String.format(Locale.ROOT, "%.2fx", ratio), detail,
                    null);
        }

        private List<Double> values(TrialResult r, int threads) {
            List<Double> out = new ArrayList<>();
            if (r.samples() != null) {
                for (Sample s : r.samples()) {
                    if (!s.warmup() && s.threads() == threads && s.metrics() != null && s.metrics().get(metric) != null) {
                        out.add(s.metrics().get(metric));
                    }
                }
            }
            return out;
        }

        @Override
        public boolean isScaling() {
            return true;
        }
    }

    /** The scaling of N threads over one, with the evidence. */
    record Scaled(Scaling scaling, String detail, String noData) {
        static Scaled of(TrialResult r, int n) {
            if (r.threadCounts() == null || !r.threadCounts().contains(1) || !r.threadCounts().contains(n)) {
                return new Scaled(null, "thread counts " + r.threadCounts(),
                        "the trial did not run 1 and " + n + " threads (thread counts " + r.threadCounts() + ")");
            }
            TrialAnalysis a = TrialAnalysis.of(r);
            StringBuilder d = new StringBuilder();
            for (int t : List.of(1, n)) {
                List<Double> xs = a.steadySamples().getOrDefault(t, List.of());
                d.append(String.format(Locale.ROOT, "t=%d: %d steady samples, median %s, %s; ", t, xs.size(),
                        xs.isEmpty() ? "-" : ms(Stats.median(xs).orElseThrow()), list(xs)));
            }
            Scaling s = a.scaling().get(n);
            if (s != null) {
                d.append(String.format(Locale.ROOT, "speedup %.2fx (95%% CI %.2f-%.2f, %s)", s.speedup(), s.ciLow(),
                        s.ciHigh(), s.pairedRounds() > 0 ? "median of " + s.pairedRounds() + " paired rounds in "
                                + s.forks() + " process" + (s.forks() == 1 ? "" : "es")
                                : "ratio of medians"));
                d.append(s.effectiveParallelism() == null ? "; cpu/wall not measured"
                        : String.format(Locale.ROOT, "; cpu/wall at %d threads %.2f", n, s.effectiveParallelism()));
            }
            d.append("; size ").append(r.size()).append("; ").append(r.scalingMode() == null ? "strong" : r.scalingMode())
                    .append(" scaling, mode ").append(r.executionMode());
            if (a.extraWarmup() > 0) {
                d.append("; ").append(a.extraWarmup()).append(" more samples excluded as warm-up");
            }
            if (s == null) {
                return new Scaled(null, d.toString(), "no steady samples at 1 or " + n + " threads");
            }
            if (s.oversubscribed()) {
                return new Scaled(null, d.toString(), n + " threads on fewer cores: no scaling to judge");
            }
            return new Scaled(s, d.toString(), null);
        }
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, seconds < 0.01 ? "%.3f ms" : "%.1f ms", seconds * 1e3);
    }

    private static String list(List<Double> seconds) {
        return seconds.stream().map(x -> String.format(Locale.ROOT, x < 0.01 ? "%.3f" : "%.1f", x * 1e3))
                .collect(Collectors.joining(", ", "[", "] ms"));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
