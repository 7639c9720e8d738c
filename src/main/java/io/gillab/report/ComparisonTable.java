package io.gillab.report;

import io.gillab.stats.Comparison;
import io.gillab.stats.TrialAnalysis;
import io.gillab.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runtimes against a baseline, per workload at one thread: time per work unit (runtimes calibrate to
 * different sizes, so seconds per unit is what compares), the ratio with its 95% CI, and Mann-Whitney
 * p-values Holm-corrected across every comparison in the table.
 */
final class ComparisonTable {
    private ComparisonTable() {
    }

    private record Row(String workload, String runtime, Comparison c) {
    }

    static String render(List<TrialResult> workloads) {
        List<TrialResult> ok = workloads.stream()
                .filter(r -> r.status() == TrialResult.Status.ok && r.size() != null && r.size() > 0).toList();
        List<String> runtimes = ok.stream().map(TrialResult::runtime).distinct().toList();
        if (runtimes.size() < 2) {
            return "";
        }
        String baseline = runtimes.stream().filter(id -> id.startsWith("cpython")).findFirst().orElse(runtimes.get(0));
        List<Row> rows = new ArrayList<>();
        for (String workload : ok.stream().map(TrialResult::name).distinct().toList()) {
            TrialResult base = find(ok, baseline, workload);
            if (base == null) {
                continue;
            }
            double[] b = perUnit(base);
            for (String rt : runtimes) {
                TrialResult r = find(ok, rt, workload);
                if (r == null || rt.equals(baseline)) {
                    continue;
                }
                double[] a = perUnit(r);
                if (a.length > 0 && b.length > 0) {
                    rows.add(new Row(workload, rt, Comparison.of(a, b)));
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        double[] adjusted = Comparison.holm(rows.stream().mapToDouble(r -> r.c().pMannWhitney()).toArray());
        TextTable t = new TextTable(List.of("workload", "runtime", "time per unit vs " + baseline + " [95% CI]",
                "p (Mann-Whitney, Holm)", "p (Welch)", "verdict"));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Comparison c = row.c().withAdjustedP(adjusted[i]);
            String verdict = Double.isNaN(c.pMannWhitney()) ? "too few samples to tell"
                    : !c.significant() ? "no significant difference"
                    : c.ratio() < 1 ? String.format("%.2fx faster", 1 / c.ratio())
                    : String.format("%.2fx slower", c.ratio());
            t.add(List.of(row.workload(), row.runtime(), String.format("%.3f [%.3f, %.3f]", c.ratio(), c.ciLow(),
                    c.ciHigh()), p(c.adjustedP()), p(c.pWelch()), verdict));
        }
        return "Comparison at 1 thread (ratio < 1: faster than " + baseline + ")\n" + t.render();
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "-" : p < 0.001 ? "<0.001" : String.format("%.3f", p);
    }

    private static TrialResult find(List<TrialResult> rs, String runtime, String workload) {
        return rs.stream().filter(r -> r.runtime().equals(runtime) && r.name().equals(workload)).findFirst()
                .orElse(null);
    }

    /** Steady one-thread seconds divided by the trial's size. */
    private static double[] perUnit(TrialResult r) {
        List<Double> steady = TrialAnalysis.of(r).steadySamples().getOrDefault(1, List.of());
        return steady.stream().mapToDouble(x -> x / r.size()).toArray();
    }
}
