package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scaling matrix (issue 19, item 4): cells, bands, empty cells, and the same matrix in every format. */
class ScalingMatrixTest {
    private static final String P = ScalingMatrixFixture.PATTERN;
    private static final String P2 = ScalingMatrixFixture.PATTERN_2;

    private static ScalingMatrix matrix() {
        return ScalingMatrix.of(new ReportModel(ScalingMatrixFixture.input(false)));
    }

    private static ScalingMatrix.Cell cell(ScalingMatrix m, String workload, String runtime) {
        return m.rows().stream().filter(r -> r.workload().equals(workload)).findFirst().orElseThrow().cells()
                .get(runtime);
    }

    @Test
    void scalingPatternsFirstThenWorkloadsAtTwoOrMoreThreadCounts() {
        ScalingMatrix m = matrix();
        assertEquals(ScalingMatrixFixture.RUNTIMES, m.columns());
        assertEquals(List.of(P, P2, "legacy_bench"), m.rows().stream().map(ScalingMatrix.Row::workload).toList(),
                "patterns first; the 1-thread benchmark and the probe have no row");
        assertEquals("scaling pattern", m.rows().get(0).group());
        assertNull(m.rows().get(2).group(), "results without a group still get a row, with no group shown");
    }

    @Test
    void eachCellIsTheSpeedupAtTheLargestThreadCountWithItsCiAndBand() {
        ScalingMatrix m = matrix();
        ScalingMatrix.Cell jython = cell(m, P, "jython");
        assertTrue(jython.measured());
        assertEquals(4, jython.scaling().threads(), "the largest thread count, not 2");
        assertEquals(3.9, jython.scaling().speedup(), 1e-9);
        assertEquals(3.9, jython.scaling().ciLow(), 1e-9);
        assertEquals(3.9, jython.scaling().ciHigh(), 1e-9);
        assertEquals(4, jython.ideal());
        assertEquals(ScalingMatrix.Band.PARALLEL, jython.band());
        assertEquals("sm-parallel", jython.band().cssClass());
        assertEquals("3.90x [3.90, 3.90] at 4 threads, parallel", jython.text());

        assertEquals(ScalingMatrix.Band.SERIALISED, cell(m, P, "graalpy").band());
        assertEquals(ScalingMatrix.Band.SERIALISED, cell(m, P, "cpython:3.11").band());
        assertEquals(ScalingMatrix.Band.PARTIAL, cell(m, P, "cpython:3.14").band());
        assertEquals(ScalingMatrix.Band.SLOWER, cell(m, P, "pypy:bookworm").band());
        assertEquals(0.5, cell(m, P, "pypy:bookworm").scaling().speedup(), 1e-9);

        // 1.9x at 4 threads on 2 cores: the ideal is 2, so it is parallel
        ScalingMatrix.Cell capped = cell(m, P2, "jython");
        assertEquals(2, capped.ideal());
        assertEquals(ScalingMatrix.Band.PARALLEL, capped.band());
        assertEquals("1.90x [1.90, 1.90] at 4 threads (ideal 2: 2 cores), parallel", capped.text());
        assertEquals(2, cell(m, "legacy_bench", "jython").scaling().threads());
    }

    @Test
    void emptyCellsSayWhy() {
        ScalingMatrix m = matrix();
        assertEquals("failed", cell(m, P2, "graalpy").empty());
        assertEquals("check() failed: expected 4000, got 3999", cell(m, P2, "graalpy").detail());
        assertEquals("skipped", cell(m, P2, "pypy:bookworm").empty());
        assertEquals("not measured", cell(m, P2, "cpython:3.13").empty());
        assertEquals("not measured", cell(m, "legacy_bench", "graalpy").text());
        assertFalse(cell(m, P2, "cpython:3.13").measured());
        assertNull(cell(m, P2, "graalpy").band());
    }

    @Test
    void bandsRunFromSerialisedToParallel() {
        assertEquals(ScalingMatrix.Band.SLOWER, ScalingMatrix.band(0.89, 4));
        assertEquals(ScalingMatrix.Band.SERIALISED, ScalingMatrix.band(0.9, 4));
        assertEquals(ScalingMatrix.Band.SERIALISED, ScalingMatrix.band(1.7, 4)); // 0.233 of the way
        assertEquals(ScalingMatrix.Band.PARTIAL, ScalingMatrix.band(1.75, 4)); // exactly 1/4
        assertEquals(ScalingMatrix.Band.PARTIAL, ScalingMatrix.band(3.2, 4));
        assertEquals(ScalingMatrix.Band.PARALLEL, ScalingMatrix.band(3.25, 4)); // exactly 3/4
        assertEquals(ScalingMatrix.Band.PARALLEL, ScalingMatrix.band(5, 4)); // superlinear: clamped
        assertEquals(ScalingMatrix.Band.PARALLEL, ScalingMatrix.band(1.8, 2));
        assertEquals(ScalingMatrix.Band.SERIALISED, ScalingMatrix.band(1.2, 1), "one core: nothing to gain");
        assertEquals(0.5, ScalingMatrix.position(2.5, 4), 1e-12);
    }

    /** "Slower" is a claim: the whole interval must be below 0.9x; a wide interval says what it spans. */
    @Test
    void aCellIsSlowerOnlyWhenItsWholeIntervalIs() {
        assertEquals(ScalingMatrix.Band.SERIALISED, ScalingMatrix.band(0.83, 0.61, 1.16, 2),
                "0.83x [0.61, 1.16]: the interval reaches 1x");
        assertEquals(ScalingMatrix.Band.SLOWER, ScalingMatrix.band(0.83, 0.61, 0.89, 2));
        assertEquals(ScalingMatrix.Band.SLOWER, ScalingMatrix.band(0.5, Double.NaN, Double.NaN, 2),
                "no interval: the point decides");
        assertEquals(ScalingMatrix.Band.PARALLEL, ScalingMatrix.band(1.9, 1.2, 2.0, 2), "above 0.9x: the point");

        ScalingMatrix.Cell wide = new ScalingMatrix.Cell(null, scaling(0.83, 0.61, 1.16), 2,
                ScalingMatrix.band(0.83, 0.61, 1.16, 2), null, null);
        assertEquals("0.83x [0.61, 1.16] at 2 threads, serialised", wide.text());
        assertEquals("CI spans slower to serialised", wide.spans(), "said in report.html's tooltip");
        ScalingMatrix.Cell tight = new ScalingMatrix.Cell(null, scaling(1.02, 0.98, 1.05), 2,
                ScalingMatrix.band(1.02, 0.98, 1.05, 2), null, null);
        assertEquals("1.02x [0.98, 1.05] at 2 threads, serialised", tight.text());
        assertEquals(null, tight.spans());
    }

    private static io.gillab.stats.Scaling scaling(double speedup, double low, double high) {
        return new io.gillab.stats.Scaling(2, speedup, low, high, speedup / 2, null, false, 8, 1);
    }

    @Test
    void htmlShowsTheMatrixWithLegendNumbersAndColours() {
        String html = HtmlReport.render(new ReportModel(ScalingMatrixFixture.input(false)));
        assertTrue(html.contains("<section id=\"scaling-matrix\">"), "the section");
        assertTrue(html.contains("<a href=\"#scaling-matrix\">"), "in the navigation");
        assertTrue(html.contains("<table class=\"matrix scaling-matrix\">"));
        assertTrue(html.contains("<ul class=\"legend\">"), "a legend");
        for (ScalingMatrix.Band b : ScalingMatrix.Band.values()) {
            assertTrue(html.contains("<b>" + b.label + "</b>"), b.label + " in the legend");
        }
        assertTrue(html.contains("<td class=\"sm-parallel\" style=\"background:hsl(" ), "a coloured cell");
        assertTrue(html.contains("<strong>3.90x</strong> [3.90, 3.90]<span class=\"pred\">at 4 threads, parallel</span>"),
                "the number and the band in words, not only the colour");
        assertTrue(html.contains("<td class=\"nodata\" title=\"check() failed: expected 4000, got 3999\">failed</td>"));
        assertTrue(html.contains("<td class=\"nodata\">not measured</td>"));
        assertTrue(html.indexOf("id=\"scaling-matrix\"") < html.indexOf("id=\"scaling\""),
                "the matrix comes before the per-workload charts");
    }

    @Test
    void colourRunsFromRedThroughYellowToGreen() {
        ScalingMatrix m = matrix();
        assertEquals("hsl(8,75%,80%)", HtmlReport.colour(cell(m, P, "graalpy")));
        assertEquals("hsl(0,65%,75%)", HtmlReport.colour(cell(m, P, "pypy:bookworm")));
        assertEquals("hsl(116,51%,78%)", HtmlReport.colour(cell(m, P, "jython")));
    }

    @Test
    void markdownHasTheSameMatrix() {
        String md = MarkdownReport.render(new ReportModel(ScalingMatrixFixture.input(false)));
        assertTrue(md.contains("## Scaling matrix"), md);
        assertTrue(md.contains("| workload | jython | graalpy | cpython:3.11 | cpython:3.13 | cpython:3.14 | pypy:bookworm |"),
                md);
        assertTrue(md.contains("| " + P + " (scaling pattern) | 🟩 3.90x [3.90, 3.90] at 4 threads, parallel | "
                + "🟧 1.00x [1.00, 1.00] at 4 threads, serialised |"), md);
        assertTrue(md.contains("⬜ failed"), md);
        assertTrue(md.contains("⬜ not measured"), md);
        assertTrue(md.contains("🟥 **slower**"), "the legend");
        assertTrue(md.indexOf("## Scaling matrix") < md.indexOf("## legacy_bench"));
    }

    @Test
    void csvCarriesTheMatrixInColumnsAddedAtTheEnd(@TempDir Path dir) throws IOException {
        Path csv = Reports.write(dir, ScalingMatrixFixture.input(false)).csv();
        List<CSVRecord> records;
        List<String> header;
        try (Reader r = Files.newBufferedReader(csv)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(r);
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        assertEquals(List.of("group", "scaling_matrix", "scaling_matrix_ideal"),
                header.subList(header.size() - 3, header.size()));
        assertEquals("probe_answer", header.get(header.size() - 4), "the existing columns keep their places");
        Map<String, String> parallel = find(records, "jython/" + P, "4");
        assertEquals("scaling pattern", parallel.get("group"));
        assertEquals("parallel", parallel.get("scaling_matrix"));
        assertEquals("4", parallel.get("scaling_matrix_ideal"));
        assertEquals(3.9, Double.parseDouble(parallel.get("speedup")), 1e-9);
        assertEquals("", find(records, "jython/" + P, "2").get("scaling_matrix"), "only the matrix's cell is marked");
        assertEquals("2", find(records, "jython/" + P2, "4").get("scaling_matrix_ideal"));
        assertEquals("failed", find(records, "graalpy/" + P2, "").get("scaling_matrix"));
        assertEquals("skipped", find(records, "pypy:bookworm/" + P2, "").get("scaling_matrix"));
        assertEquals("slower", find(records, "pypy:bookworm/" + P, "4").get("scaling_matrix"));
        assertEquals("", find(records, "jython/legacy_bench", "2").get("group"), "no group recorded: empty");
        assertEquals("serialised", find(records, "cpython:3.11/legacy_bench", "2").get("scaling_matrix"));
        assertEquals("", find(records, "jython/single", "1").get("scaling_matrix"), "not in the matrix");
        long marked = records.stream().filter(r -> !r.get("scaling_matrix").isEmpty()).count();
        assertEquals(6 + 5 + 2, marked, "one row per measured or explained cell (not measured: no trial, no row)");
    }

    private static Map<String, String> find(List<CSVRecord> records, String trial, String threads) {
        List<CSVRecord> found = new ArrayList<>(records.stream()
                .filter(r -> r.get("trial").equals(trial) && r.get("threads").equals(threads)).toList());
        assertEquals(1, found.size(), trial + " at " + threads);
        return found.get(0).toMap();
    }

    @Test
    void groupIsRecordedAndOldResultsWithoutItStillRead(@TempDir Path dir) throws IOException {
        ResultsFile file = new ResultsFile(dir);
        TrialResult with = ScalingMatrixFixture.trial("jython", P, "scaling pattern", List.of(1, 2), 1.5, 0, false);
        TrialResult without = ScalingMatrixFixture.trial("jython", "legacy_bench", null, List.of(1, 2), 1.5, 0, false);
        file.append(with);
        file.append(without);
        String text = Files.readString(dir.resolve("results.jsonl"));
        assertTrue(text.lines().findFirst().orElseThrow().contains("\"group\":\"scaling pattern\""), text);
        assertFalse(text.lines().skip(1).findFirst().orElseThrow().contains("\"group\""), "absent, not null");
        List<TrialResult> read = file.read();
        assertEquals("scaling pattern", read.get(0).group());
        assertNull(read.get(1).group());
        assertEquals("benchmark", read.get(1).groupOrDefault());
    }
}
