package io.gillab.report;

import io.gillab.model.TrialResult;
import io.gillab.stats.Comparison;
import java.util.List;

/**
 * The terminal's view of {@link RuntimeComparison}: runtimes against a baseline, per workload at one
 * thread — time per work unit, the ratio with its 95% CI, the effect size, Mann-Whitney p-values
 * Holm-corrected across every comparison — the same figures report.html and report.md show.
 */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static String render(List<TrialResult> workloads) {
        RuntimeComparison rc = RuntimeComparison.of(new ReportModel(new ReportInput(workloads, List.of(), List.of())));
        List<String> names = workloads.stream().map(TrialResult::name).distinct().toList();
        TextTable t = new TextTable(List.of("workload", "runtime", "time per unit vs " + rc.baseline() + " [95% CI]",
                "effect (HL shift, Cliff's δ)", "p (Mann-Whitney, Holm)", "p (Welch)", "verdict"));
        int rows = 0;
        for (String workload : names) {
            for (RuntimeComparison.Row row : rc.rows(workload)) {
                Comparison c = row.vsBaseline();
                if (c == null) {
                    continue;
                }
                rows++;
                t.add(List.of(workload, ReportModel.seriesLabel(row.trial()),
                        Fmt.ratio(c.ratio(), c.ciLow(), c.ciHigh()), RuntimeComparison.effect(c),
                        RuntimeComparison.p(c), Fmt.p(c.pWelch()), RuntimeComparison.verdict(c)));
            }
        }
        return rows == 0 ? "" : "Comparison at 1 thread (ratio < 1: faster than " + rc.baseline() + ")\n" + t.render();
    }
}
