package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import io.gillab.stats.Comparison;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.Scaling;
import io.gillab.stats.TrialAnalysis;
import io.gillab.stats.VarianceSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The report's tables as plain cells, so the HTML and the Markdown show the same figures in the same
 * words; each renderer only decides the markup.
 */
final class ReportTables {
    private ReportTables() {
    }

    /** A header and rows of cells (every row as long as the header). */
    record Table(List<String> header, List<List<String>> rows) {
        boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** What the variance table shows, under its heading in every report format. */
    static final String VARIANCE_EXPLAINED = "Between processes (forks) or within them, and the forks a narrower "
            + "interval would take (Kalibera and Jones, ISMM 2013). When rounds do not help, only more forks narrow "
            + "it. Every interval in this report resamples processes, then samples within each; speedups come from "
            + "rounds paired in time.";

    /**
     * Where each trial's variance lies (between forks or within them, per thread count) and the run plan it
     * implies: forks for a ±5% and a ±2% interval at the same rounds per fork. Trials of one fork have no
     * between-fork estimate and are left out.
     */
    static Table variance(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult r : model.results()) {
            if (ReportModel.isProbe(r) || r.samples() == null || r.samples().isEmpty()) {
                continue;
            }
            TrialAnalysis a = model.analysis(r);
            TrialCosts costs = TrialCosts.of(r);
            a.variance().forEach((t, v) -> rows.add(List.of(ReportModel.seriesLabel(r), Integer.toString(t),
                    v.forks() + " x " + Fmt.f("%.0f", v.rounds()), Fmt.f("%.0f%%", 100 * v.betweenShare()),
                    Fmt.f("±%.1f%%", 100 * v.relativeHalfWidth(v.forks(), v.rounds())), plan(v, 0.05),
                    plan(v, 0.02), cheapest(v, 0.05, costs))));
        }
        return new Table(List.of("trial", "threads", "forks x rounds", "variance between forks",
                "expected ± of the mean", "forks for ±5%", "forks for ±2%", "cheapest for ±5% (forks x rounds)"),
                rows);
    }

    private static String cheapest(VarianceSplit v, double target, TrialCosts c) {
        if (Double.isNaN(c.roundCost())) {
            return "-";
        }
        VarianceSplit.Plan p = v.cheapest(target, c.forkCost(), c.roundCost(), MAX_PLAN_ROUNDS);
        return p.forks() + " x " + p.rounds();
    }

    /** The most rounds per fork a plan proposes: past it, a fork's warm-up state may drift. */
    static final int MAX_PLAN_ROUNDS = 100;

    private static String plan(VarianceSplit v, double target) {
        int n = v.forksFor(target);
        return n + (v.roundsHelp() ? "" : " (rounds do not help)");
    }

    /** Per trial of a CPU or I/O workload: median at 1 thread, then speedup [CI] and cpu/wall per N. */
    static Table scaling(ReportModel model, List<TrialResult> trials) {
        TreeSet<Integer> threads = new TreeSet<>();
        trials.forEach(r -> threads.addAll(r.threadCounts()));
        List<String> header = new ArrayList<>(List.of("runtime", "implementation", "size", "1 thread: median [95% CI]"));
        threads.stream().filter(t -> t > 1).forEach(t -> header.add(t + " threads: speedup [95% CI]"));
        threads.stream().filter(t -> t > 1).forEach(t -> header.add("cpu/wall at " + t));
        header.add("notes");
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult r : trials) {
            TrialAnalysis a = model.analysis(r);
            List<String> row = new ArrayList<>(List.of(ReportModel.seriesLabel(r), ReportModel.implementation(r),
                    r.size() == null ? "-" : r.size().toString()));
            SampleSummary one = a.at(1);
            row.add(one == null || one.n() == 0 ? "-" : Fmt.secondsWithCi(one.median(), one.ciLow(), one.ciHigh()));
            List<String> notes = new ArrayList<>();
            if (!r.ok()) {
                notes.add(r.status() + ": " + r.message());
            }
            for (int t : threads.tailSet(2)) {
                Scaling sc = a.scaling().get(t);
                row.add(sc == null ? "-" : Fmt.speedup(sc.speedup(), sc.ciLow(), sc.ciHigh()));
                if (sc != null && sc.oversubscribed()) {
                    notes.add(t + " threads > cores");
                }
            }
            for (int t : threads.tailSet(2)) {
                Scaling sc = a.scaling().get(t);
                row.add(sc == null || sc.effectiveParallelism() == null ? "-"
                        : Fmt.f("%.2f", sc.effectiveParallelism()));
            }
            a.summaries().forEach((t, s) -> {
                if (s.isUnstable()) {
                    notes.add(t + (t == 1 ? " thread" : " threads") + " unstable: " + String.join(", ", s.unstable()));
                }
            });
            if (ReportModel.interpreterOnly(r)) {
                notes.add("GraalPy without its JIT");
            }
            String jitNote = r.jitBusyNote();
            if (jitNote != null) {
                notes.add(jitNote);
            }
            row.add(String.join("; ", notes));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** Time per unit at 1 thread and the ratio to the baseline, for one workload. */
    static Table comparison(ReportModel model, String workload) {
        RuntimeComparison cmp = model.comparison();
        List<List<String>> rows = new ArrayList<>();
        for (RuntimeComparison.Row row : cmp.rows(workload)) {
            SampleSummary s = row.perUnit();
            Comparison c = row.vsBaseline();
            rows.add(List.of(ReportModel.seriesLabel(row.trial()), ReportModel.implementation(row.trial()),
                    Fmt.secondsWithCi(s.median(), s.ciLow(), s.ciHigh()),
                    c == null ? (row.trial().runtime().equals(cmp.baseline()) ? "baseline" : "-")
                            : Fmt.ratio(c.ratio(), c.ciLow(), c.ciHigh()),
                    c == null ? "-" : RuntimeComparison.effect(c),
                    c == null ? "-" : RuntimeComparison.p(c), RuntimeComparison.verdict(c)));
        }
        return new Table(List.of("runtime", "implementation", "time per unit [95% CI]",
                "vs " + cmp.baseline() + " [95% CI]", "effect (HL shift, Cliff's δ)", "p (Mann-Whitney, Holm)",
                "verdict"), rows);
    }

    /** The convoy's figures per count of CPU threads: latency p50 and p99, p99 against none, throughput. */
    static Table convoy(List<TrialResult> trials) {
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult r : trials) {
            if (!r.ok()) {
                rows.add(List.of(ReportModel.seriesLabel(r), ReportModel.implementation(r), "-", "-", "-", "-", "-",
                        r.status() + ": " + r.message()));
                continue;
            }
            SampleSummary base = MixedFigures.summary(r, 0, MixedFigures.P99);
            for (int k : r.threadCounts()) {
                SampleSummary p50 = MixedFigures.summary(r, k, MixedFigures.P50);
                SampleSummary p99 = MixedFigures.summary(r, k, MixedFigures.P99);
                SampleSummary rps = MixedFigures.summary(r, k, MixedFigures.RPS);
                rows.add(List.of(ReportModel.seriesLabel(r), ReportModel.implementation(r), Integer.toString(k),
                        p50.n() == 0 ? "-" : Fmt.seconds(p50.median()),
                        p99.n() == 0 ? "-" : Fmt.secondsWithCi(p99.median(), p99.ciLow(), p99.ciHigh()),
                        k > 0 && p99.n() > 0 && base.n() > 0 && base.median() > 0
                                ? Fmt.f("%.1fx", p99.median() / base.median()) : "",
                        rps.n() == 0 ? "-" : Fmt.f("%.0f", rps.median()), MixedFigures.stops(r, k)));
            }
        }
        return new Table(List.of("runtime", "implementation", "CPU threads", "latency p50", "latency p99 [95% CI]",
                "p99 vs 0 CPU threads", "requests/s", "notes"), rows);
    }

    /** Every trial that did not end ok, with why. */
    static Table failures(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult r : model.failures()) {
            rows.add(List.of(r.trial(), r.status().name(), r.message() == null ? "" : r.message()));
        }
        return new Table(List.of("trial", "status", "message"), rows);
    }

    /** One row per runtime: what it really was (version, GIL, JIT) and how gillab launched it. */
    static Table implementations(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (String runtime : model.runtimes()) {
            List<TrialResult> of = model.results().stream().filter(r -> r.runtime().equals(runtime)).toList();
            TrialResult r = of.stream().filter(t -> t.implementation() != null).findFirst().orElse(of.get(0));
            JsonNode impl = r.implementation();
            JsonNode host = r.host();
            String gil = impl == null ? "-" : gil(impl);
            rows.add(List.of(runtime, ReportModel.implementation(r),
                    impl == null ? "-" : impl.path("implementation_version").asText(impl.path("version").asText("-")),
                    gil, jit(r), launch(r), impl == null ? "-" : impl.path("executable").asText("-"),
                    host == null ? "-" : host.path("java_version").asText("-") + " " + host.path("jvm_args").toString(),
                    of.size() + " (" + of.stream().filter(TrialResult::ok).count() + " ok)"));
        }
        return new Table(List.of("runtime", "implementation", "version", "GIL", "JIT", "launched as", "executable",
                "worker JVM", "trials"), rows);
    }

    private static String gil(JsonNode impl) {
        JsonNode g = impl.path("gil");
        String state = g.isBoolean() ? (g.asBoolean() ? "yes" : "no") : "unknown";
        String source = impl.path("gil_source").asText("");
        return source.isEmpty() ? state : state + " (from " + source + ")";
    }

    /** The JIT situation in words; an interpreter-only GraalPy says so loudly. */
    static String jit(TrialResult r) {
        JsonNode host = r.host();
        if (host != null && "graalpy".equals(host.path("engine").asText())) {
            return host.path("jit").asBoolean() ? "Graal JIT on" : "INTERPRETER ONLY (no Graal JIT)";
        }
        if (host != null && "jython".equals(host.path("engine").asText())) {
            return "JVM JIT (" + host.path("java_vm").asText("HotSpot") + ")";
        }
        JsonNode impl = r.implementation();
        if (impl != null && "pypy".equalsIgnoreCase(impl.path("implementation_name").asText())) {
            return "PyPy tracing JIT";
        }
        return impl == null ? "-" : "none";
    }

    private static String launch(TrialResult r) {
        if (r.launch() == null) {
            return "-";
        }
        Object kind = r.launch().get("kind");
        Object image = r.launch().get("image");
        return (kind == null ? "?" : kind.toString()) + (image == null ? "" : " " + image);
    }
}
