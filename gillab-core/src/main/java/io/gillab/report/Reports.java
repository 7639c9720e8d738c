package io.gillab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the derived reports of one set of results: report.html (charts, for reading), report.md (for
 * a CI job summary), results.csv (for spreadsheets) and pyperf/RUNTIME.json (for pyperf's tools). All
 * are regenerated from results.jsonl and the run metadata; none is ever edited by hand.
 */
public final class Reports {
    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";
    public static final String CSV = "results.csv";

    private Reports() {
    }

    /** The files written; {@code pyperf} has one file per runtime with at least one measured trial. */
    public record Written(Path html, Path markdown, Path csv, List<Path> pyperf) {
    }

    public static Written write(Path dir, ReportInput input) throws IOException {
        Files.createDirectories(dir);
        ReportModel model = new ReportModel(input);
        Path html = dir.resolve(HTML);
        Files.writeString(html, HtmlReport.render(model), StandardCharsets.UTF_8);
        Path md = dir.resolve(MARKDOWN);
        Files.writeString(md, MarkdownReport.render(model), StandardCharsets.UTF_8);
        Path csv = dir.resolve(CSV);
        CsvExport.write(csv, model);
        List<Path> pyperf = PyperfExport.write(dir, model);
        return new Written(html, md, csv, pyperf);
    }
}
