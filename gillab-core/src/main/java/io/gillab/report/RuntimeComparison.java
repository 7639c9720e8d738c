package io.gillab.report;

import io.gillab.model.TrialResult;
import io.gillab.stats.Comparison;
import io.gillab.stats.EffectSize;
import io.gillab.stats.SampleSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Implementations side by side at one thread, per workload: steady seconds per work unit (runtimes
 * calibrate to different sizes, so per unit is what compares) with the median's 95% CI, and the ratio to
 * a baseline (the first CPython, as in the terminal's comparison table) with Mann-Whitney p-values
 * Holm-corrected across the whole report and an effect size beside each.
 */
final class RuntimeComparison {

    /** One trial's figures; {@code vsBaseline} is null for the baseline itself and when it is missing. */
    record Row(String workload, TrialResult trial, SampleSummary perUnit, Comparison vsBaseline) {
    }

    /** What the effect column and the verdicts mean, for the reports. */
    static final String EXPLAINED = "The effect is the Hodges-Lehmann shift (median of the pairwise differences, "
            + "also relative to the baseline's median) and Cliff's delta (-1: always faster, +1: always slower). "
            + "The Mann-Whitney p is exact for small samples without ties. \"Too few samples to tell\" means "
            + "that even completely separated samples could not reach p < 0.05 after Holm over this table.";

    private final String baseline;
    private final List<Row> rows;

    private RuntimeComparison(String baseline, List<Row> rows) {
        this.baseline = baseline;
        this.rows = rows;
    }

    String baseline() {
        return baseline;
    }

    List<Row> rows(String workload) {
        return rows.stream().filter(r -> r.workload().equals(workload)).toList();
    }

    static RuntimeComparison of(ReportModel model) {
        List<TrialResult> ok = model.results().stream()
                .filter(r -> !ReportModel.isProbe(r) && !ReportModel.isMixed(r) && r.ok()
                        && r.size() != null && r.size() > 0)
                .toList();
        List<String> runtimes = ok.stream().map(TrialResult::runtime).distinct().toList();
        String baseline = runtimes.stream().filter(id -> id.startsWith("cpython")).findFirst()
                .orElse(runtimes.isEmpty() ? null : runtimes.get(0));
        List<Row> rows = new ArrayList<>();
        List<Integer> compared = new ArrayList<>();
        for (String workload : ok.stream().map(TrialResult::name).distinct().toList()) {
            List<TrialResult> trials = ok.stream().filter(r -> r.name().equals(workload)).toList();
            TrialResult base = trials.stream().filter(r -> r.runtime().equals(baseline)
                    && io.gillab.model.ExecutionMode.THREADS.equals(r.executionMode())).findFirst().orElse(null);
            double[][] b = base == null ? new double[0][] : perUnit(model, base);
            for (TrialResult r : trials) {
                double[][] a = perUnit(model, r);
                if (a.length == 0) {
                    continue;
                }
                Comparison c = r == base || b.length == 0 ? null : Comparison.of(a, b);
                if (c != null) {
                    compared.add(rows.size());
                }
                rows.add(new Row(workload, r, SampleSummary.of(a), c));
            }
        }
        List<Comparison> adjusted = Comparison.holm(compared.stream().map(i -> rows.get(i).vsBaseline()).toList());
        for (int k = 0; k < compared.size(); k++) {
            Row row = rows.get(compared.get(k));
            rows.set(compared.get(k), new Row(row.workload(), row.trial(), row.perUnit(), adjusted.get(k)));
        }
        return new RuntimeComparison(baseline, rows);
    }

    /** Steady one-thread seconds divided by the trial's size, per fork. */
    static double[][] perUnit(ReportModel model, TrialResult r) {
        double[][] forks = model.analysis(r).steadyByFork().getOrDefault(1, new double[0][]);
        return java.util.Arrays.stream(forks).map(f -> java.util.Arrays.stream(f).map(x -> x / r.size()).toArray())
                .toArray(double[][]::new);
    }

    /** The Holm-adjusted Mann-Whitney p, marked where it comes from the normal approximation. */
    static String p(Comparison c) {
        return Fmt.p(c.adjustedP()) + (c.exactP() || Double.isNaN(c.adjustedP()) ? "" : " (normal approx.)");
    }

    /**
     * "-1.23 ms (-4.1%), δ -0.84": the Hodges-Lehmann shift of time per unit against the baseline, the
     * same shift relative to the baseline's median, and Cliff's delta (negative: faster than the baseline).
     */
    static String effect(Comparison c) {
        EffectSize e = c.effect();
        if (Double.isNaN(e.shift())) {
            return "-";
        }
        String shift = (e.shift() > 0 ? "+" : "") + Fmt.seconds(e.shift());
        String relative = Double.isNaN(e.relativeShift()) ? "" : Fmt.f(" (%+.1f%%)", 100 * e.relativeShift());
        return Fmt.f("%s%s, δ %+.2f", shift, relative, e.cliffsDelta());
    }

    /**
     * The verdict in words, as the terminal's comparison table puts it. "No significant difference" only
     * where the design could have found one, with the smallest effect it would have found; where even
     * the most extreme data could not get below 5% after Holm, it says so instead.
     */
    static String verdict(Comparison c) {
        if (c == null) {
            return "";
        }
        if (Double.isNaN(c.pMannWhitney())) {
            return "too few samples to tell";
        }
        if (!c.design().canReachSignificance()) {
            return "too few samples to tell (smallest possible p is " + Fmt.p(c.design().smallestP()) + ")";
        }
        if (!c.significant()) {
            return Fmt.f("no significant difference (smallest detectable effect: |Cliff's δ| ≥ %.2f)",
                    c.design().smallestDetectableDelta());
        }
        return c.ratio() < 1 ? Fmt.f("%.2fx faster", 1 / c.ratio()) : Fmt.f("%.2fx slower", c.ratio());
    }
}
