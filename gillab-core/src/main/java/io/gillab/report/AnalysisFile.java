package io.gillab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.Scaling;
import io.gillab.stats.TrialAnalysis;
import io.gillab.stats.VarianceSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code analysis.json}: the statistics derived from results.jsonl, per trial — warm-up end and time to
 * steady state, median with its CI and the other summary figures per thread count, and scaling. Derived
 * data: regenerated from the raw samples at any time, never edited by hand.
 */
public final class AnalysisFile {
    public static final String NAME = "analysis.json";

    private AnalysisFile() {
    }

    public static Path write(Path dir, List<TrialResult> results) throws IOException {
        ObjectNode root = ResultsFile.json().createObjectNode();
        root.put("derived_from", ResultsFile.NAME);
        root.put("confidence_level", SampleSummary.LEVEL);
        root.put("interval_method", "percentile bootstrap, hierarchical: forks resampled, then samples within each"
                + " drawn fork; speedups from paired rounds (T1/TN within a round)");
        ArrayNode trials = root.putArray("trials");
        for (TrialResult r : results) {
            if ("probe".equals(r.kind()) || r.samples() == null || r.samples().isEmpty()) {
                continue;
            }
            TrialAnalysis a = TrialAnalysis.of(r);
            ObjectNode t = trials.addObject();
            t.put("trial", r.trial());
            t.put("runtime", r.runtime());
            t.put("name", r.name());
            t.put("status", r.status().name());
            t.put("size", r.size());
            t.put("forks", r.forkCount());
            t.put("time_to_steady_seconds", a.timeToSteady());
            t.put("extra_warmup_samples_excluded", a.extraWarmup());
            ObjectNode per = t.putObject("threads");
            for (Map.Entry<Integer, SampleSummary> e : a.summaries().entrySet()) {
                ObjectNode n = per.putObject(e.getKey().toString());
                n.set("summary", ResultsFile.json().valueToTree(e.getValue()));
                n.put("warmup_end", a.warmupEnd().getOrDefault(e.getKey(), 0));
                n.put("excluded_leading_samples", a.steadyStart().getOrDefault(e.getKey(), 0));
                Scaling s = a.scaling().get(e.getKey());
                if (s != null) {
                    n.set("scaling", ResultsFile.json().valueToTree(s));
                }
                VarianceSplit v = a.variance().get(e.getKey());
                if (v != null) {
                    n.set("variance", variance(v, TrialCosts.of(r)));
                }
            }
        }
        Path out = dir.resolve(NAME);
        Files.writeString(out, ResultsFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return out;
    }

    /** Between- and within-fork variance, and the forks a ±2% and ±5% interval would take. */
    private static ObjectNode variance(VarianceSplit v, TrialCosts costs) {
        ObjectNode n = ResultsFile.json().createObjectNode();
        n.put("forks", v.forks());
        n.put("rounds_per_fork", v.rounds());
        n.put("between_forks", v.between());
        n.put("within_forks", v.within());
        n.put("between_share", v.betweenShare());
        n.put("rounds_help", v.roundsHelp());
        ObjectNode plan = n.putObject("plan");
        for (double target : new double[] {0.02, 0.05}) {
            ObjectNode p = plan.putObject(String.format(java.util.Locale.ROOT, "%.0f%%", target * 100));
            p.put("forks", v.forksFor(target));
            p.put("rounds_per_fork", Math.round(v.rounds()));
            if (!Double.isNaN(costs.roundCost())) {
                VarianceSplit.Plan c = v.cheapest(target, costs.forkCost(), costs.roundCost(),
                        ReportTables.MAX_PLAN_ROUNDS);
                ObjectNode cheapest = p.putObject("cheapest");
                cheapest.put("forks", c.forks());
                cheapest.put("rounds_per_fork", c.rounds());
                cheapest.put("fork_cost_seconds", costs.forkCost());
                cheapest.put("round_cost_seconds", costs.roundCost());
            }
        }
        return n;
    }
}
