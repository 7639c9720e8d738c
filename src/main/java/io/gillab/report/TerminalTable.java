package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.stats.Stats;
import io.gillab.trial.TrialResult;
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
        if (!probes.isEmpty()) {
            sb.append('\n').append(renderProbes(probes));
        }
        return sb.toString();
    }

    private static String renderWorkloads(List<TrialResult> rows) {
        TreeSet<Integer> threadCounts = new TreeSet<>();
        rows.forEach(r -> threadCounts.addAll(r.threadCounts()));
        List<String> header = new ArrayList<>(List.of("runtime", "implementation", "workload", "kind", "size"));
        threadCounts.forEach(t -> header.add("t=" + t + " median"));
        threadCounts.stream().filter(t -> t > 1).forEach(t -> header.add("speedup " + t + "/1"));
        header.add("notes");
        TextTable table = new TextTable(header);
        for (TrialResult r : rows) {
            List<String> row = new ArrayList<>(List.of(r.runtime(), implementationLabel(List.of(r)), r.name(),
                    r.kind(), r.size() == null ? "-" : r.size().toString()));
            Map<Integer, OptionalDouble> medians = new LinkedHashMap<>();
            for (int t : threadCounts) {
                OptionalDouble m = r.threadCounts().contains(t) ? Stats.median(r.measured(t)) : OptionalDouble.empty();
                medians.put(t, m);
                row.add(m.isPresent() ? formatSeconds(m.getAsDouble()) : "-");
            }
            OptionalDouble base = medians.getOrDefault(1, OptionalDouble.empty());
            for (int t : threadCounts) {
                if (t == 1) {
                    continue;
                }
                OptionalDouble m = medians.get(t);
                row.add(base.isPresent() && m.isPresent() && m.getAsDouble() > 0
                        ? String.format("%.2fx", base.getAsDouble() / m.getAsDouble()) : "-");
            }
            row.add(r.status() == TrialResult.Status.ok ? "" : r.status() + ": " + r.message());
            table.add(row);
        }
        return "Workloads (median of the measured samples; speedup = median at 1 thread / median at N threads,"
                + " same size)\n" + table.render();
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
                        rps.isPresent() ? String.format("%.0f", rps.getAsDouble()) : "-", ""));
            }
        }
        return "Mixed workloads (median over samples of each figure)\n" + table.render();
    }

    private static OptionalDouble metricMedian(TrialResult r, int threads, String metric) {
        return Stats.median(r.samples().stream()
                .filter(s -> !s.warmup() && s.threads() == threads && s.metrics() != null
                        && s.metrics().containsKey(metric))
                .map(s -> s.metrics().get(metric)).toList());
    }

    private static String renderProbes(List<TrialResult> rows) {
        TextTable table = new TextTable(List.of("runtime", "implementation", "probe", "answer"));
        for (TrialResult r : rows) {
            String answer = r.status() == TrialResult.Status.ok ? ProbeAnswer.describe(r.probe())
                    : r.status() + ": " + r.message();
            table.add(List.of(r.runtime(), implementationLabel(List.of(r)), r.name(), answer));
        }
        return "Probes\n" + table.render();
    }

    /** E.g. "CPython 3.11.7, GIL" or "GraalPy 3.12.8, GIL, JIT on". */
    static String implementationLabel(List<TrialResult> group) {
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

    static String formatSeconds(double s) {
        if (s >= 1) {
            return String.format("%.2f s", s);
        }
        if (s >= 0.001) {
            return String.format("%.1f ms", s * 1e3);
        }
        return String.format("%.0f us", s * 1e6);
    }
}
