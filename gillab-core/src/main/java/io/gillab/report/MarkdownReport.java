package io.gillab.report;

import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.md}: the report as GitHub-flavoured Markdown tables, small enough for a CI job summary
 * (no images): behaviour matrix, scaling matrix, per-workload speedups with CIs, the convoy, the runtime comparison and
 * the failures. The charts are in report.html.
 */
final class MarkdownReport {
    /** A job summary is capped (1 MiB); long probe answers and messages are cut, report.html has them. */
    static final int MAX_CELL = 160;

    private final ReportModel model;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(ReportModel model) {
        this.model = model;
    }

    static String render(ReportModel model) {
        return new MarkdownReport(model).document();
    }

    private String document() {
        List<TrialResult> rs = model.results();
        out.append("# gillab report\n\n").append(rs.size()).append(" trials on ")
                .append(String.join(", ", model.runtimes().stream().map(r -> "`" + r + "`").toList())).append(": ");
        List<String> counts = new ArrayList<>();
        for (TrialResult.Status s : TrialResult.Status.values()) {
            long n = rs.stream().filter(r -> r.status() == s).count();
            if (n > 0) {
                counts.add(n + " " + s);
            }
        }
        out.append(String.join(", ", counts)).append(". Medians of steady samples, 95% CIs in brackets (bootstrap over ")
                .append("processes, then samples within each; speedups from rounds paired in time); ")
                .append("charts in report.html.\n\n");
        java.util.Optional.ofNullable(ThreadNote.line(rs)).ifPresent(l -> out.append(l).append("\n\n"));
        model.results().stream().filter(ReportModel::interpreterOnly).map(TrialResult::runtime).distinct()
                .forEach(rt -> out.append("> **Warning:** `").append(rt)
                        .append("` ran GraalPy interpreter only (no Graal JIT).\n\n"));
        behaviour();
        out.append(SeedClaims.renderMarkdown(model.input().verdicts() == null ? List.of() : model.input().verdicts()));
        scalingMatrix();
        workloads();
        comparison();
        variance();
        failures();
        return out.toString();
    }

    private void behaviour() {
        BehaviourMatrix m = BehaviourMatrix.of(model);
        if (m.rows().isEmpty()) {
            return;
        }
        out.append("## Behaviour matrix\n\n");
        if (m.fromVerdicts()) {
            out.append(m.mismatches()).append(" mismatch").append(m.mismatches() == 1 ? "" : "es")
                    .append(". ✅ as expected, ❌ not as expected (expected value after →), ⚪ no data; ")
                    .append("\"seed ✗\" marks an observation that contradicts the seed's claim, \"seed n/a\" one ")
                    .append("outside the claim's scope (see Seed claims).\n\n");
        }
        List<String> header = new ArrayList<>(List.of(m.fromVerdicts() ? "check" : "probe"));
        header.addAll(m.runtimes());
        List<List<String>> rows = new ArrayList<>();
        for (BehaviourMatrix.Row row : m.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.check()));
            for (String rt : m.runtimes()) {
                cells.add(cell(row.cells().get(rt)));
            }
            rows.add(cells);
        }
        table(new ReportTables.Table(header, rows));
    }

    private static String cell(BehaviourMatrix.Cell c) {
        if (c == null) {
            return "-";
        }
        String observed = c.observed() == null ? "-" : c.observed();
        if (c.outcome() == null) {
            return observed;
        }
        String s = switch (c.outcome()) {
            case MATCH -> "✅ " + observed;
            case MISMATCH -> "❌ " + observed + " → " + c.expected();
            case NO_DATA -> "⚪ " + observed;
        };
        return Boolean.FALSE.equals(c.claimHolds()) ? s + " (seed ✗)" : c.notApplicable() != null ? s + " (seed n/a)" : s;
    }

    /** The square that colours a scaling-matrix cell in Markdown (GitHub shows no cell backgrounds). */
    static String square(ScalingMatrix.Band b) {
        return b == null ? "⬜" : switch (b) {
            case SLOWER -> "🟥";
            case SERIALISED -> "🟧";
            case PARTIAL -> "🟨";
            case PARALLEL -> "🟩";
        };
    }

    private void scalingMatrix() {
        ScalingMatrix m = ScalingMatrix.of(model);
        if (m.isEmpty()) {
            return;
        }
        out.append("## Scaling matrix\n\n").append(ScalingMatrix.explained())
                .append(" Rows: the scaling patterns first, then every other workload measured at two or more thread ")
                .append("counts.\n\n");
        List<String> legend = new ArrayList<>();
        for (ScalingMatrix.Band b : ScalingMatrix.Band.values()) {
            legend.add(square(b) + " **" + b.label + "**: " + b.meaning);
        }
        legend.add(square(null) + " no speedup, with why");
        out.append(String.join("; ", legend)).append(".\n\n");
        List<String> header = new ArrayList<>(List.of("workload"));
        header.addAll(m.columns());
        List<List<String>> rows = new ArrayList<>();
        for (ScalingMatrix.Row row : m.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.group() == null ? row.workload()
                    : row.workload() + " (" + row.group() + ")"));
            for (String column : m.columns()) {
                ScalingMatrix.Cell c = row.cells().get(column);
                cells.add(square(c.band()) + " " + c.text());
            }
            rows.add(cells);
        }
        table(new ReportTables.Table(header, rows));
    }

    private void workloads() {
        for (String name : model.workloadNames()) {
            List<TrialResult> trials = model.trialsOf(name);
            List<TrialResult> mixed = trials.stream().filter(ReportModel::isMixed).toList();
            out.append("## ").append(name).append(" (").append(trials.get(0).kind()).append(")\n\n");
            if (!mixed.isEmpty()) {
                out.append("I/O latency while K CPU-bound threads run.\n\n");
                table(ReportTables.convoy(mixed));
            }
            List<TrialResult> rest = trials.stream().filter(r -> !ReportModel.isMixed(r)).toList();
            if (!rest.isEmpty()) {
                table(ReportTables.scaling(model, rest));
            }
        }
    }

    private void comparison() {
        List<String> names = model.workloadNames().stream()
                .filter(n -> model.comparison().rows(n).size() > 1).toList();
        if (names.isEmpty()) {
            return;
        }
        out.append("## Runtimes compared at 1 thread (time per work unit)\n\n")
                .append(RuntimeComparison.EXPLAINED).append("\n\n");
        for (String name : names) {
            out.append("**").append(name).append("**\n\n");
            table(ReportTables.comparison(model, name));
        }
    }

    private void variance() {
        ReportTables.Table t = ReportTables.variance(model);
        if (t.isEmpty()) {
            return;
        }
        out.append("## Where the variance is\n\n").append(ReportTables.VARIANCE_EXPLAINED).append("\n\n");
        table(t);
    }

    private void failures() {
        ReportTables.Table t = ReportTables.failures(model);
        out.append("## Failed, timed-out and skipped trials\n\n");
        if (t.isEmpty()) {
            out.append("None.\n");
            return;
        }
        table(t);
    }

    private void table(ReportTables.Table t) {
        out.append('|');
        t.header().forEach(h -> out.append(' ').append(esc(h)).append(" |"));
        out.append("\n|");
        t.header().forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<String> row : t.rows()) {
            out.append('|');
            row.forEach(c -> out.append(' ').append(esc(c)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    /** One line per cell, pipes escaped, HTML inert, long text cut. */
    static String esc(String s) {
        if (s == null || s.isEmpty()) {
            return " ";
        }
        String one = s.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("<", "&lt;");
        return one.length() > MAX_CELL ? one.substring(0, MAX_CELL - 1) + "…" : one;
    }
}
