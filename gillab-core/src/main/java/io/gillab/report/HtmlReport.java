package io.gillab.report;

import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG charts, no script, no external
 * font or stylesheet) that opens offline — behaviour matrix, scaling matrix, scaling charts, runtime comparison,
 * convoy latency, failures, and the metadata of every run.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:1200px;\
            padding:0 1em;color:#222;line-height:1.4}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
            th{background:#f3f3f3}
            td.match{background:#e8f5e9}td.mismatch{background:#ffebee;border:2px solid #c62828}
            td.nodata{background:#f5f5f5;color:#777}
            .mark{font-weight:bold}.mismatch .mark{color:#c62828}.match .mark{color:#2e7d32}
            .pred{color:#555;font-size:.9em;display:block}.contradicted{color:#c62828;font-weight:bold}
            .confirmed{color:#2e7d32}.na{color:#777}
            .warn{background:#fff3e0;border-left:5px solid #ef6c00;padding:.5em 1em;margin:.5em 0}
            figure{margin:1em 0}svg{max-width:100%;height:auto}figcaption{color:#555;font-size:.9em}
            pre{background:#f7f7f7;padding:.5em;overflow-x:auto;font-size:.85em}
            nav a{margin-right:1em}
            table.matrix{width:100%;table-layout:fixed;font-size:.85em}
            .matrix th,.matrix td,.implementations-table td,.run-table td{overflow-wrap:anywhere}
            /* JVM arguments and option JSON are long words: they wrap instead of widening the page */
            table.implementations-table{width:100%;table-layout:fixed}
            .matrix th.check{width:13%}.matrix .claim{width:16%;font-size:.92em;color:#444}
            .matrix thead th{position:sticky;top:0;z-index:1;box-shadow:0 1px 0 #ccc}
            .scaling-matrix th.check{width:16%}.scaling-matrix td{text-align:right}
            .scaling-matrix .pred{text-align:right}.scaling-matrix td.nodata{text-align:center;font-style:italic}
            .sm-slower{outline:2px dashed #b71c1c;outline-offset:-3px}
            .legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;font-size:.85em;margin:.4em 0;padding:0;list-style:none}
            .legend li{display:flex;align-items:center;gap:.4em}
            .swatch{display:inline-block;width:2.6em;height:1.2em;border:1px solid #999;text-align:center;font-size:.8em}
            .ramp{display:inline-block;width:12em;height:1.2em;border:1px solid #999;vertical-align:middle;            background:linear-gradient(to right,hsl(8,75%,80%),hsl(64,62%,79%),hsl(120,50%,78%))}
            """;

    private final ReportModel model;
    private final StringBuilder out = new StringBuilder();
    private int chartCount;

    private HtmlReport(ReportModel model) {
        this.model = model;
    }

    static String render(ReportModel model) {
        return new HtmlReport(model).page();
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>gillab report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>gillab report</h1>\n");
        summary();
        out.append("<nav><a href=\"#behaviour\">Behaviour</a><a href=\"#claims\">Seed claims</a><a href=\"#scaling-matrix\">Scaling matrix</a>")
                .append("<a href=\"#scaling\">Scaling</a>")
                .append("<a href=\"#comparison\">Runtimes compared</a><a href=\"#convoy\">Convoy</a><a href=\"#variance\">Variance</a>")
                .append("<a href=\"#failures\">Failures</a><a href=\"#metadata\">Metadata</a></nav>\n");
        behaviour();
        seedClaims();
        scalingMatrix();
        scaling();
        comparison();
        convoy();
        variance();
        failures();
        HtmlMetadata.render(model, out);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void summary() {
        List<TrialResult> rs = model.results();
        out.append("<p>").append(rs.size()).append(" trials on ").append(Html.esc(String.join(", ", model.runtimes())))
                .append(": ");
        for (TrialResult.Status s : TrialResult.Status.values()) {
            long n = rs.stream().filter(r -> r.status() == s).count();
            if (n > 0) {
                out.append(n).append(' ').append(s).append(", ");
            }
        }
        out.setLength(out.length() - 2);
        out.append(". From ").append(model.runs().size()).append(" run").append(model.runs().size() == 1 ? "" : "s")
                .append("; every figure is the median of steady samples with its 95% bootstrap CI.</p>\n");
        java.util.Optional.ofNullable(ThreadNote.line(rs)).ifPresent(l -> out.append("<p>").append(Html.esc(l)).append("</p>\n"));
        model.results().stream().filter(ReportModel::interpreterOnly).map(TrialResult::runtime).distinct()
                .forEach(rt -> out.append("<p class=\"warn\">").append(Html.esc(rt))
                        .append(": GraalPy ran <strong>interpreter only</strong> (no Graal JIT): its times are far "
                                + "slower than GraalPy at its best.</p>\n"));
    }

    private void behaviour() {
        BehaviourMatrix m = BehaviourMatrix.of(model);
        out.append("<section id=\"behaviour\">\n<h2>Behaviour matrix</h2>\n");
        if (m.rows().isEmpty()) {
            out.append("<p>No probes or expectations in these results.</p>\n</section>\n");
            return;
        }
        out.append(m.fromVerdicts()
                ? "<p>Each cell: what the implementation did (bold), what gillab's expectations table expects, and "
                        + "what the seed's claim predicts. ✔ matches the expectation, ✘ does not (red).</p>\n"
                : "<p>No expectations were judged on these results: each cell is the probe's answer.</p>\n");
        if (m.fromVerdicts()) {
            out.append("<p>").append(m.mismatches()).append(" mismatch").append(m.mismatches() == 1 ? "" : "es")
                    .append(".</p>\n");
        }
        // Fixed layout: the columns share the page's width however many runtimes there are (six fit a
        // 1280-px window; long values wrap), and the header stays in view on scrolling.
        out.append("<table class=\"matrix\">\n<thead><tr><th class=\"check\">").append(m.fromVerdicts() ? "check" : "probe")
                .append("</th>");
        if (m.fromVerdicts()) {
            out.append("<th class=\"claim\">claim (seed or literature)</th>");
        }
        m.runtimes().forEach(rt -> out.append("<th>").append(Html.breakable(rt)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (BehaviourMatrix.Row row : m.rows()) {
            out.append("<tr><th>").append(Html.breakable(row.check()));
            if (!row.check().equals(row.subject()) && row.subject() != null) {
                out.append("<span class=\"pred\">on ").append(Html.esc(row.subject())).append("</span>");
            }
            out.append("</th>");
            if (m.fromVerdicts()) {
                out.append("<td class=\"claim\">").append(Html.esc(row.claim() == null ? "-" : row.claim()));
                if (row.source() != null) {
                    out.append("<span class=\"pred\">").append(Html.link(row.source())).append("</span>");
                }
                out.append("</td>");
            }
            for (String rt : m.runtimes()) {
                cell(row.cells().get(rt));
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    /** Each claim of the seed: the runtimes it holds for, and those it does not, with the observation. */
    private void seedClaims() {
        var lines = SeedClaims.of(model.input().verdicts() == null ? List.of() : model.input().verdicts());
        if (lines.isEmpty()) {
            return;
        }
        out.append("<section id=\"claims\">\n<h2>Seed claims</h2>\n<table>\n")
                .append("<tr><th>claim</th><th>confirmed for</th><th>contradicted for</th><th>not applicable to</th>")
                .append("<th>against a control</th></tr>\n");
        for (SeedClaims.Line l : lines) {
            out.append("<tr><td>").append(Html.esc(l.claim())).append("</td><td>")
                    .append(Html.esc(String.join(", ", l.confirmed()))).append("</td>");
            claimCell(l.contradicted(), "contradicted");
            claimCell(l.notApplicable(), "na");
            claimCell(l.controls(), "control");
            out.append("</tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    private void claimCell(java.util.Map<String, String> byRuntime, String cls) {
        out.append("<td>");
        byRuntime.forEach((rt, why) -> out.append("<div class=\"").append(cls).append("\"><b>").append(Html.esc(rt))
                .append("</b>: ").append(Html.esc(why)).append("</div>"));
        out.append("</td>");
    }

    private void cell(BehaviourMatrix.Cell c) {
        if (c == null) {
            out.append("<td class=\"nodata\">-</td>");
            return;
        }
        String cls = c.outcome() == null ? "" : switch (c.outcome()) {
            case MATCH -> "match";
            case MISMATCH -> "mismatch";
            case NO_DATA -> "nodata";
        };
        out.append("<td class=\"").append(cls).append("\"");
        if (c.detail() != null) {
            out.append(" title=\"").append(Html.esc(c.detail())).append("\"");
        }
        out.append(">");
        if (c.outcome() == Verdict.Outcome.MATCH) {
            out.append("<span class=\"mark\">✔</span> ");
        } else if (c.outcome() == Verdict.Outcome.MISMATCH) {
            out.append("<span class=\"mark\">✘ MISMATCH</span> ");
        } else if (c.outcome() == Verdict.Outcome.NO_DATA) {
            out.append("no data: ");
        }
        out.append("<strong>").append(Html.esc(c.observed() == null ? "-" : c.observed())).append("</strong>");
        if (c.expected() != null) {
            out.append("<span class=\"pred\">expected: ").append(Html.esc(c.expected())).append("</span>");
        }
        if (c.notApplicable() != null) {
            out.append("<span class=\"pred\" title=\"").append(Html.esc(c.notApplicable()))
                    .append("\">seed's claim: not applicable</span>");
        } else if (c.prediction() != null) {
            out.append("<span class=\"pred\">seed predicts: ").append(Html.esc(c.prediction()));
            if (c.claimHolds() != null) {
                out.append(c.claimHolds() ? " <span class=\"confirmed\">(confirmed)</span>"
                        : " <span class=\"contradicted\">(contradicted)</span>");
            }
            out.append("</span>");
        }
        out.append("</td>");
    }

    /** The background of a measured cell: from red-orange (1x, or slower) through yellow to green (ideal). */
    static String colour(ScalingMatrix.Cell c) {
        return colour(c.band(), c.position());
    }

    /** @param p where the speedup lies from 1x (0) to the ideal (1) */
    static String colour(ScalingMatrix.Band band, double p) {
        if (band == ScalingMatrix.Band.SLOWER) {
            return "hsl(0,65%,75%)";
        }
        return Fmt.f("hsl(%.0f,%.0f%%,%.0f%%)", 8 + 112 * p, 75 - 25 * p, 80 - 2 * p);
    }

    private void scalingMatrix() {
        ScalingMatrix m = ScalingMatrix.of(model);
        out.append("<section id=\"scaling-matrix\">\n<h2>Scaling matrix</h2>\n");
        if (m.isEmpty()) {
            out.append("<p>No workload measured at two or more thread counts in these results.</p>\n</section>\n");
            return;
        }
        out.append("<p>").append(Html.esc(ScalingMatrix.explained()))
                .append(" Rows: the scaling patterns first, then every other workload measured at two or more thread ")
                .append("counts. The colour repeats what the words under each number say.</p>\n");
        out.append("<ul class=\"legend\"><li><span class=\"ramp\"></span> 1x → ideal</li>");
        for (ScalingMatrix.Band b : ScalingMatrix.Band.values()) {
            String example = colour(b, switch (b) {
                case SLOWER, SERIALISED -> 0.1;
                case PARTIAL -> 0.5;
                case PARALLEL -> 0.95;
            });
            out.append("<li><span class=\"swatch ").append(b.cssClass()).append("\" style=\"background:")
                    .append(example).append("\"></span><span><b>").append(b.label).append("</b>: ")
                    .append(Html.esc(b.meaning)).append("</span></li>");
        }
        out.append("<li><span class=\"swatch nodata\" style=\"background:#f5f5f5\"></span><span><b>grey</b>: no ")
                .append("speedup, with why (not measured, failed, timed out, skipped, 1 thread only)</span></li></ul>\n");
        out.append("<table class=\"matrix scaling-matrix\">\n<thead><tr><th class=\"check\">workload</th>");
        m.columns().forEach(c -> out.append("<th>").append(Html.breakable(c)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (ScalingMatrix.Row row : m.rows()) {
            out.append("<tr><th>").append(Html.breakable(row.workload()));
            if (row.group() != null) {
                out.append("<span class=\"pred\">").append(Html.esc(row.group())).append("</span>");
            }
            out.append("</th>");
            for (String column : m.columns()) {
                ScalingMatrix.Cell c = row.cells().get(column);
                if (!c.measured()) {
                    out.append("<td class=\"nodata\"");
                    if (c.detail() != null) {
                        out.append(" title=\"").append(Html.esc(c.detail())).append("\"");
                    }
                    out.append(">").append(Html.esc(c.empty())).append("</td>");
                    continue;
                }
                out.append("<td class=\"").append(c.band().cssClass()).append("\" style=\"background:")
                        .append(colour(c)).append("\" title=\"").append(Html.esc(c.trial().trial()
                                + (c.spans() == null ? "" : ": 95% " + c.spans()))).append("\"><strong>")
                        .append(Html.esc(Fmt.f("%.2fx", c.scaling().speedup()))).append("</strong> ")
                        .append(Html.esc(Double.isNaN(c.scaling().ciLow()) ? "(no CI)"
                                : Fmt.f("[%.2f, %.2f]", c.scaling().ciLow(), c.scaling().ciHigh())))
                        .append("<span class=\"pred\">").append(Html.esc(c.note())).append("</span></td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void scaling() {
        out.append("<section id=\"scaling\">\n<h2>Scaling per workload</h2>\n")
                .append("<p>Speedup of N threads over one (strong scaling: T1/TN; weak: N·T1/TN), with 95% CI bars; ")
                .append("the dashed line is ideal scaling, capped at the ").append(model.cores())
                .append(" cores. cpu/wall near 1 means one core at a time, i.e. a GIL.</p>\n");
        for (String name : model.workloadNames()) {
            List<TrialResult> trials = model.trialsOf(name);
            if (trials.stream().allMatch(ReportModel::isMixed)) {
                continue;
            }
            out.append("<h3 id=\"scaling-").append(Html.id(name)).append("\">").append(Html.esc(name))
                    .append(" <small>(").append(Html.esc(trials.get(0).kind())).append(")</small></h3>\n");
            figure("scaling", name, Charts.scaling(nextId("scaling", name), name, trials, model),
                    "Speedup vs threads for " + name);
            Html.table(out, ReportTables.scaling(model, trials), "scaling-table");
        }
        out.append("</section>\n");
    }

    private void comparison() {
        out.append("<section id=\"comparison\">\n<h2>Runtimes compared at 1 thread</h2>\n")
                .append("<p>Steady seconds per work unit (each runtime calibrates its own size) and the ratio to ")
                .append(Html.esc(String.valueOf(model.comparison().baseline())))
                .append("; p-values are Holm-corrected over every comparison in this report. ")
                .append(Html.esc(RuntimeComparison.EXPLAINED)).append("</p>\n");
        for (String name : model.workloadNames()) {
            List<RuntimeComparison.Row> rows = model.comparison().rows(name);
            if (rows.isEmpty()) {
                continue;
            }
            out.append("<h3>").append(Html.esc(name)).append("</h3>\n");
            figure("comparison", name, Charts.comparison(nextId("comparison", name), name, rows, model),
                    "Time per unit at 1 thread for " + name);
            Html.table(out, ReportTables.comparison(model, name), "comparison-table");
        }
        out.append("</section>\n");
    }

    private void convoy() {
        out.append("<section id=\"convoy\">\n<h2>Convoy: I/O latency under CPU load</h2>\n")
                .append("<p>An I/O thread answers loopback requests while K CPU-bound threads run. Under a GIL ")
                .append("its latency jumps as soon as one CPU thread runs; without one it stays flat until the ")
                .append("threads outnumber the cores.</p>\n");
        boolean any = false;
        for (String name : model.workloadNames()) {
            List<TrialResult> trials = model.trialsOf(name).stream().filter(ReportModel::isMixed).toList();
            if (trials.isEmpty()) {
                continue;
            }
            any = true;
            out.append("<h3 id=\"convoy-").append(Html.id(name)).append("\">").append(Html.esc(name)).append("</h3>\n");
            figure("latency", name, Charts.latency(nextId("latency", name), name, trials, model),
                    "p99 latency vs CPU threads for " + name);
            Html.table(out, ReportTables.convoy(trials), "convoy-table");
        }
        if (!any) {
            out.append("<p>No mixed workload (convoy) in these results.</p>\n");
        }
        out.append("</section>\n");
    }

    private void variance() {
        ReportTables.Table t = ReportTables.variance(model);
        if (t.isEmpty()) {
            return;
        }
        out.append("<section id=\"variance\">\n<h2>Where the variance is</h2>\n")
                .append("<p>").append(Html.esc(ReportTables.VARIANCE_EXPLAINED)).append("</p>\n");
        Html.table(out, t, "variance-table");
        out.append("</section>\n");
    }

    private void failures() {
        out.append("<section id=\"failures\">\n<h2>Failed, timed-out and skipped trials</h2>\n");
        List<TrialResult> failed = model.failures();
        if (failed.isEmpty()) {
            out.append("<p>None: every trial ended ok.</p>\n</section>\n");
            return;
        }
        Html.table(out, ReportTables.failures(model), "failures-table");
        for (TrialResult r : failed) {
            if (r.stderrTail() != null && !r.stderrTail().isBlank()) {
                out.append("<details><summary>").append(Html.esc(r.trial())).append(": stderr (last lines)</summary>")
                        .append("<pre>").append(Html.esc(r.stderrTail())).append("</pre></details>\n");
            }
        }
        out.append("</section>\n");
    }

    private void figure(String kind, String workload, String svg, String caption) {
        if (svg == null) {
            out.append("<p>No ").append(kind).append(" data to chart for ").append(Html.esc(workload))
                    .append(" (no trial measured at these thread counts).</p>\n");
            return;
        }
        out.append("<figure class=\"chart ").append(kind).append("\" data-workload=\"").append(Html.esc(workload))
                .append("\">\n").append(svg).append("\n<figcaption>").append(Html.esc(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private String nextId(String kind, String workload) {
        return "chart" + (++chartCount) + "-" + kind + "-" + Html.id(workload);
    }
}
