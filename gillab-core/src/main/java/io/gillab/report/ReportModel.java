package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import io.gillab.stats.TrialAnalysis;
import io.gillab.model.ExecutionMode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every renderer of one report needs, derived once: the trials by kind, each trial's analysis
 * (bootstraps are not cheap, and every renderer must show the same figures), labels and the core count.
 */
final class ReportModel {
    private final ReportInput input;
    private final Map<TrialResult, TrialAnalysis> analyses = new IdentityHashMap<>();
    private RuntimeComparison comparison;

    ReportModel(ReportInput input) {
        this.input = input;
    }

    ReportInput input() {
        return input;
    }

    List<TrialResult> results() {
        return input.results();
    }

    List<JsonNode> runs() {
        return input.runs() == null ? List.of() : input.runs();
    }

    synchronized TrialAnalysis analysis(TrialResult r) {
        return analyses.computeIfAbsent(r, TrialAnalysis::of);
    }

    synchronized RuntimeComparison comparison() {
        if (comparison == null) {
            comparison = RuntimeComparison.of(this);
        }
        return comparison;
    }

    static boolean isProbe(TrialResult r) {
        return "probe".equals(r.kind());
    }

    /** Mixed workloads (the convoy) measure latency against K CPU threads, not speedup. */
    static boolean isMixed(TrialResult r) {
        return "mixed".equals(r.kind());
    }

    List<TrialResult> probes() {
        return results().stream().filter(ReportModel::isProbe).toList();
    }

    /** Workload names (probes excluded) in the order the matrix ran them. */
    List<String> workloadNames() {
        return results().stream().filter(r -> !isProbe(r)).map(TrialResult::name).distinct().toList();
    }

    List<TrialResult> trialsOf(String name) {
        return results().stream().filter(r -> !isProbe(r) && r.name().equals(name)).toList();
    }

    List<String> runtimes() {
        return results().stream().map(TrialResult::runtime).distinct().toList();
    }

    List<TrialResult> failures() {
        return results().stream().filter(r -> r.status() != TrialResult.Status.ok).toList();
    }

    /** "jython", or "graalpy [contexts]" when the workers are not threads. */
    static String seriesLabel(TrialResult r) {
        return ExecutionMode.THREADS.equals(r.executionMode()) ? r.runtime()
                : r.runtime() + " [" + r.executionMode() + "]";
    }

    static String implementation(TrialResult r) {
        return TerminalTable.implementationLabel(List.of(r));
    }

    /** An embedded GraalPy that ran without the Graal JIT: its times are far from its best. */
    static boolean interpreterOnly(TrialResult r) {
        JsonNode host = r.host();
        return host != null && "graalpy".equals(host.path("engine").asText()) && !host.path("jit").asBoolean();
    }

    /** Cores of the machine(s) that ran the trials: the ideal line of scaling charts stops there. */
    int cores() {
        int fromRuns = runs().stream().mapToInt(j -> j.path("available_processors").asInt(0)).max().orElse(0);
        if (fromRuns > 0) {
            return fromRuns;
        }
        return results().stream().filter(r -> r.implementation() != null)
                .mapToInt(r -> r.implementation().path("cpu_count").asInt(0)).max().orElse(0);
    }
}
