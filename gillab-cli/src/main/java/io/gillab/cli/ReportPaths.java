package io.gillab.cli;

import io.gillab.report.ReportPublisher;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The closing lines of run, report and merge: where each file went. */
final class ReportPaths {
    private ReportPaths() {
    }

    static void print(PrintWriter out, ReportPublisher.Published p) {
        line(out, "report.html", p.reports().html());
        line(out, "report.md", p.reports().markdown());
        line(out, "results.csv", p.reports().csv());
        if (!p.reports().pyperf().isEmpty()) {
            line(out, "pyperf JSON", p.reports().pyperf().get(0).getParent());
        }
        line(out, "analysis", p.analysis());
    }

    private static void line(PrintWriter out, String what, Path path) {
        out.printf("%-12s %s%n", what + ":", path.toAbsolutePath());
    }
}
