package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import io.gillab.results.ProbeAnswer;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.Scaling;
import io.gillab.stats.Stats;
import io.gillab.stats.TrialAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The summary printed at the end of {@code ./gillab run}: per runtime and workload the median time at
 * each thread count and the speedup of N threads over one; per runtime the probes' answers.
 */
public final class TerminalTable {
    private TerminalTable() {
    }

    public static String render(List<TrialResult> results) {
        StringBuilder sb = new StringBuilder();
        List<TrialResult> workloads = results.stream()
                .filter(r -> !"probe".equals(r.kind()) && !"mixed".equals(r.kind())).toList();
        List<TrialResult> mixed = results.stream().filter(r -> "mixed".equals(r.kind())).toList();
        List<TrialResult> probes = results.stream().filter(r -> "probe".equals(r.kind())).toList();
        if (!workloads.isEmpty()) {
            sb.append(renderWorkloads(workloads));
        }
        if (!mixed.isEmpty()) {
            sb.append('\n').append(renderMixed(mixed));
        }
        if (!workloads.isEmpty()) {
            String cmp = ComparisonTable.render(workloads);
            if (!cmp.isEmpty()) {
                sb.append('\n').append(cmp);
            }
        }
        if (!probes.isEmpty()) {
            sb.append('\n').append(renderProbes(probes));
        }
        return sb.toString();
    }

    private static String renderWorkloads(List<TrialResult> rows) {
        TreeSet<Integer> threadCounts = new TreeSet<>();
        rows.forEach(r -> threadCounts.addAll(r.threadCounts()));
        List<String> header = new ArrayList<>(List.of("runtime", "implementation", "workload", "kind", "size"));
        threadCounts.forEach(t -> header.add("t=" + t + " median ±95% CI"));
        threadCounts.stream().filter(t -> t > 1).forEach(t -> header.add("speedup " + t + "/1 [95% CI]"));
        threadCounts.stream().filter(t -> t > 1).forEach(t -> header.add("cpu/wall t=" + t));
        header.add("notes");
        TextTable table = new TextTable(header);
        for (TrialResult r : rows) {
            List<String> row = new ArrayList<>(List.of(ReportModel.seriesLabel(r), implementationLabel(List.of(r)), r.name(),
                    r.kind(), r.size() == null ? "-" : r.size().toString()));
            TrialAnalysis a = TrialAnalysis.of(r);
            List<String> notes = new ArrayList<>();
            for (int t : threadCounts) {
                SampleSummary s = a.at(t);
                if (s == null || s.n() == 0) {
                    row.add("-");
                    continue;
                }
                double half = s.relativeHalfWidth();
                row.add(formatSeconds(s.median()) + (Double.isNaN(half) ? " (no CI)" : String.format(" ±%.1f%%", 100 * half))
                        + (s.isUnstable() ? " !" : ""));
                if (s.isUnstable()) {
                    notes.add("t=" + t + " unstable: " + String.join(", ", s.unstable()));
                }
            }
            for (int t : threadCounts) {
                if (t == 1) {
                    continue;
                }
                Scaling sc = a.scaling().get(t);
                row.add(sc == null ? "-" : String.format("%.2fx [%.2f, %.2f]", sc.speedup(), sc.ciLow(), sc.ciHigh()));
                if (sc != null && sc.oversubscribed()) {
                    notes.add(t + " threads > cores");
                }
            }
            for (int t : threadCounts) {
                if (t == 1) {
                    continue;
                }
                Scaling sc = a.scaling().get(t);
                row.add(sc == null || sc.effectiveParallelism() == null ? "-"
                        : String.format("%.2f", sc.effectiveParallelism()));
            }
            int end = a.warmupEnd().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (a.extraWarmup() > 0) {
                notes.add(String.format("warm-up detected past the warm-up rounds: %d more samples excluded, "
                        + "%.1f s to steady state", a.extraWarmup(), a.timeToSteady()));
            } else if (end > 0) {
                notes.add(String.format("warm-up ends at sample %d, %.1f s to steady state (within the warm-up rounds)",
                        end, a.timeToSteady()));
            }
            String jitNote = r.jitBusyNote();
            if (jitNote != null) {
                notes.add(jitNote);
            }
            if (r.status() != TrialResult.Status.ok) {
                notes.add(0, r.status() + ": " + r.message());
            }
            row.add(String.join("; ", notes));
            table.add(row);
        }
        return "Workloads (median of steady samples over " + forksLabel(rows) + "; ! = unstable; speedup = "
                + "median at 1 thread / median at N threads, same size; cpu/wall = process CPU time / wall time, "
                + "about 1 under a GIL)\n" + java.util.Optional.ofNullable(ThreadNote.line(rows)).map(l -> l + "\n").orElse("")
                + table.render();
    }

    private static String forksLabel(List<TrialResult> rows) {
        int min = rows.stream().mapToInt(TrialResult::forkCount).filter(f -> f > 0).min().orElse(1);
        int max = rows.stream().mapToInt(TrialResult::forkCount).max().orElse(1);
        return (min == max ? String.valueOf(max) : min + "-" + max) + " process" + (max == 1 ? "" : "es");
    }

    /** The convoy effect: latency of the I/O thread while K CPU-bound threads run. */
    private static String renderMixed(List<TrialResult> rows) {
        TextTable table = new TextTable(List.of("runtime", "implementation", "workload", "cpu threads",
                "latency p50", "latency p99", "p99 vs 0 cpu threads", "requests/s", "notes"));
        for (TrialResult r : rows) {
            if (r.status() != TrialResult.Status.ok) {
                table.add(List.of(r.runtime(), implementationLabel(List.of(r)), r.name(), "-", "-", "-", "-", "-",
                        r.status() + ": " + r.message()));
                continue;
            }
            OptionalDouble baseP99 = metricMedian(r, 0, "latency_p99");
            for (int k : r.threadCounts()) {
                OptionalDouble p50 = metricMedian(r, k, "latency_p50");
                OptionalDouble p99 = metricMedian(r, k, "latency_p99");
                OptionalDouble rps = metricMedian(r, k, "requests_per_second");
                table.add(List.of(r.runtime(), implementationLabel(List.of(r)), r.name(), Integer.toString(k),
                        p50.isPresent() ? formatSeconds(p50.getAsDouble()) : "-",
                        p99.isPresent() ? formatSeconds(p99.getAsDouble()) : "-",
                        k > 0 && p99.isPresent() && baseP99.isPresent() && baseP99.getAsDouble() > 0
                                ? String.format("%.1fx", p99.getAsDouble() / baseP99.getAsDouble()) : "",
                        rps.isPresent() ? String.format("%.0f", rps.getAsDouble()) : "-", MixedFigures.stops(r, k)));
            }
        }
        return "Mixed workloads (median over samples of each figure)\n" + table.render();
    }

    private static OptionalDouble metricMedian(TrialResult r, int threads, String metric) {
        return Stats.median(MixedFigures.values(r, threads, metric));
    }

    private static String renderProbes(List<TrialResult> rows) {
        TextTable table = new TextTable(List.of("runtime", "implementation", "probe", "answer"));
        for (TrialResult r : rows) {
            String answer = r.status() == TrialResult.Status.ok ? ProbeAnswer.describe(r.name(), r.probe())
                    : r.status() + ": " + r.message();
            table.add(List.of(r.runtime(), implementationLabel(List.of(r)), r.name(), answer));
        }
        return "Probes\n" + table.render();
    }

    /** E.g. "CPython 3.11.7, GIL" or "GraalPy 3.12.8, GIL, JIT on". */
    public static String implementationLabel(List<TrialResult> group) {
        for (TrialResult r : group) {
            JsonNode meta = r.implementation();
            if (meta == null) {
                continue;
            }
            StringBuilder sb = new StringBuilder(meta.path("implementation").asText("?")).append(' ')
                    .append(meta.path("version").asText(""));
            JsonNode gil = meta.path("gil");
            sb.append(gil.isBoolean() ? (gil.asBoolean() ? ", GIL" : ", no GIL") : ", GIL unknown");
            JsonNode host = r.host();
            if (host != null && "graalpy".equals(host.path("engine").asText())) {
                sb.append(host.path("jit").asBoolean() ? ", JIT on" : ", JIT OFF");
            }
            return sb.toString();
        }
        TrialResult first = group.get(0);
        return first.status() == TrialResult.Status.skipped ? "not available" : "-";
    }

    public static String formatSeconds(double s) {
        if (s >= 1) {
            return String.format("%.2f s", s);
        }
        if (s >= 0.001) {
            return String.format("%.1f ms", s * 1e3);
        }
        return String.format("%.0f us", s * 1e6);
    }
}
