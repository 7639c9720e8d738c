package io.gillab.report;

import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import io.gillab.results.ProbeAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The behaviour matrix shared by the HTML and Markdown reports: one row per check (or per probe, when
 * no expectations were judged), one column per runtime, each cell what was observed beside what the
 * expectations table and the seed's claim predicted.
 *
 * @param fromVerdicts false when the rows are the probes' headlines (no expectations table judged)
 */
record BehaviourMatrix(List<String> runtimes, List<Row> rows, boolean fromVerdicts) {

    /** outcome null = not judged (probe headline only). */
    /** notApplicable: why the row's claim does not apply to this runtime, or null. */
    record Cell(String observed, String expected, String prediction, Verdict.Outcome outcome, Boolean claimHolds,
            String detail, String notApplicable) {
        boolean mismatch() {
            return outcome == Verdict.Outcome.MISMATCH;
        }
    }

    record Row(String check, String subject, String claim, String reason, String source, Map<String, Cell> cells) {
    }

    long mismatches() {
        return rows.stream().flatMap(r -> r.cells().values().stream()).filter(Cell::mismatch).count();
    }

    static BehaviourMatrix of(ReportModel model) {
        List<Verdict> verdicts = model.input().verdicts() == null ? List.of() : model.input().verdicts();
        return verdicts.isEmpty() ? fromProbes(model) : fromVerdicts(model, verdicts);
    }

    private static BehaviourMatrix fromVerdicts(ReportModel model, List<Verdict> verdicts) {
        Set<String> runtimes = new LinkedHashSet<>(model.runtimes());
        Map<String, List<Verdict>> byRow = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            runtimes.add(v.runtime());
            byRow.computeIfAbsent(rowKey(v), k -> new ArrayList<>()).add(v);
        }
        List<Row> rows = new ArrayList<>();
        byRow.forEach((key, vs) -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Verdict v : vs) {
                cells.putIfAbsent(v.runtime(), new Cell(v.observed(), v.expected()
                        + (v.tolerance() == null ? "" : " (" + v.tolerance() + ")"), v.prediction(), v.outcome(),
                        v.claimHolds(), v.detail(), v.notApplicable()));
            }
            rows.add(new Row(key, vs.get(0).subject(), first(vs, Verdict::claim), first(vs, Verdict::reason),
                    first(vs, Verdict::source), cells));
        });
        return new BehaviourMatrix(List.copyOf(runtimes), rows, true);
    }

    /** A check judged on a non-thread mode (trial id "rt/name@mode") gets its own row. */
    private static String rowKey(Verdict v) {
        int at = v.trial() == null ? -1 : v.trial().indexOf('@');
        return at < 0 ? v.check() : v.check() + " [" + v.trial().substring(at + 1) + "]";
    }

    private static String first(List<Verdict> vs, java.util.function.Function<Verdict, String> f) {
        return vs.stream().map(f).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static BehaviourMatrix fromProbes(ReportModel model) {
        List<TrialResult> probes = model.probes();
        List<String> runtimes = probes.stream().map(TrialResult::runtime).distinct().toList();
        Map<String, Map<String, Cell>> byProbe = new LinkedHashMap<>();
        for (TrialResult r : probes) {
            String answer = r.ok() ? ProbeAnswer.describe(r.name(), r.probe()) : r.status() + ": " + r.message();
            byProbe.computeIfAbsent(r.name(), k -> new LinkedHashMap<>()).putIfAbsent(r.runtime(),
                    new Cell(answer, null, null, null, null, r.probe() == null ? null : r.probe().toString(), null));
        }
        List<Row> rows = new ArrayList<>();
        byProbe.forEach((name, cells) -> rows.add(new Row(name, name, null, null, null, cells)));
        return new BehaviourMatrix(runtimes, rows, false);
    }
}
