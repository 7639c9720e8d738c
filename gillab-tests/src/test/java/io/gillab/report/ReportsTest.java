package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.model.TrialResult;
import io.gillab.results.ProbeAnswer;
import io.gillab.expect.Verdict;
import io.gillab.stats.Scaling;
import io.gillab.stats.TrialAnalysis;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports rendered from the recorded fixture: what each must contain, checked against the data. */
class ReportsTest {
    private static List<TrialResult> results;
    private static ReportInput input;
    private static Reports.Written written;
    private static String html;

    @BeforeAll
    static void render(@TempDir Path dir) throws IOException {
        input = ReportFixture.input(true);
        results = input.results();
        written = Reports.write(dir, input);
        html = Files.readString(written.html());
    }

    private static List<TrialResult> workloads() {
        return results.stream().filter(r -> !"probe".equals(r.kind())).toList();
    }

    @Test
    void fixtureCoversWhatTheReportsMustShow() {
        // the assertions below are only meaningful if the recorded data has each case
        assertTrue(results.stream().anyMatch(r -> "probe".equals(r.kind()) && r.ok()), "an answered probe");
        assertTrue(results.stream().anyMatch(r -> "mixed".equals(r.kind()) && r.ok()), "a measured convoy");
        assertTrue(results.stream().anyMatch(r -> !r.ok()), "a trial that failed or was skipped");
        assertTrue(results.stream().map(TrialResult::runtime).distinct().count() >= 2, "two runtimes");
        assertTrue(input.verdicts().stream().anyMatch(v -> v.outcome() == Verdict.Outcome.MISMATCH), "a mismatch");
    }

    @Test
    void writesEveryFile() {
        for (Path p : List.of(written.html(), written.markdown(), written.csv())) {
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        assertFalse(written.pyperf().isEmpty());
    }

    @Test
    void behaviourMatrixShowsEveryVerdictAndMarksMismatches() {
        String matrix = section("behaviour");
        assertTrue(matrix.contains("<table class=\"matrix\">"), "the matrix table");
        for (Verdict v : input.verdicts()) {
            assertTrue(matrix.contains("<th>" + Html.breakable(v.runtime()) + "</th>"), "column " + v.runtime());
            assertTrue(matrix.contains(Html.esc(v.observed())), "observed value of " + v.trial());
        }
        assertTrue(matrix.contains(Html.esc(input.verdicts().get(0).claim())), "the seed's claim");
        long mismatches = input.verdicts().stream().filter(v -> v.outcome() == Verdict.Outcome.MISMATCH).count();
        assertEquals(mismatches, count(matrix, "class=\"mismatch\""), "one marked cell per mismatch");
        assertEquals(mismatches, count(matrix, "✘ MISMATCH"));
    }

    @Test
    void withoutVerdictsTheMatrixShowsTheProbesAnswers(@TempDir Path dir) throws IOException {
        String page = Files.readString(Reports.write(dir, ReportFixture.input(false)).html());
        for (TrialResult r : results) {
            if ("probe".equals(r.kind()) && r.ok()) {
                assertTrue(page.contains(Html.esc(ProbeAnswer.describe(r.name(), r.probe()))), r.trial());
            }
        }
        assertFalse(page.contains("MISMATCH"));
    }

    @Test
    void oneChartPerWorkloadAsInlineSvg() {
        Set<String> names = new HashSet<>(workloads().stream().map(TrialResult::name).toList());
        for (String name : names) {
            Pattern chart = Pattern.compile("<figure class=\"chart (scaling|latency)\" data-workload=\""
                    + Pattern.quote(name) + "\">\\s*<svg");
            assertTrue(chart.matcher(html).find(), "a scaling or latency chart for " + name);
        }
        // each chart's defs carry its own id prefix, so charts on one page do not share clip paths
        Matcher ids = Pattern.compile("<svg[^>]* id=[\"']([^\"']+)[\"']").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate svg id " + ids.group(1));
        }
        assertTrue(seen.size() >= names.size());
    }

    @Test
    void scalingChartsHaveCiBarsAndTheIdealLine() {
        String scaling = section("scaling");
        assertTrue(scaling.contains("ideal (linear up to"), "the ideal line's legend");
        assertTrue(scaling.contains("95% CI"));
    }

    @Test
    void pageIsSelfContained() {
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertFalse(Pattern.compile("(src|href)=[\"'](https?:)?//").matcher(html.replaceAll(
                "<a href=\"https?://[^\"]*\">", "")).find(), "nothing loaded from the network");
        assertFalse(html.contains("@import") || html.contains("url(http"));
    }

    @Test
    void metadataAndFailuresAreListed() {
        String meta = section("metadata");
        for (JsonNode run : input.runs()) {
            assertTrue(meta.contains(Html.esc(run.path("command_line").asText())), "command line of a run");
            assertTrue(meta.contains(Html.esc(run.path("run_id").asText())));
        }
        String failures = section("failures");
        for (TrialResult r : results) {
            if (!r.ok()) {
                assertTrue(failures.contains(Html.esc(r.trial())), r.trial());
            }
        }
        boolean interpreterOnly = results.stream().anyMatch(ReportModel::interpreterOnly);
        assertEquals(interpreterOnly, html.contains("INTERPRETER ONLY"), "an interpreter-only GraalPy is flagged");
    }

    @Test
    void csvHasOneRowPerTrialAndThreadCountWithTheAnalysisFigures() throws IOException {
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(written.csv())) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        int expected = 0;
        for (TrialResult r : results) {
            boolean measured = r.samples() != null && r.samples().stream().anyMatch(s -> !s.warmup());
            expected += "probe".equals(r.kind()) || !measured ? 1 : r.threadCounts().size();
        }
        assertEquals(expected, rows.size());
        int checked = 0;
        for (TrialResult r : results) {
            List<CSVRecord> mine = rows.stream().filter(c -> c.get("trial").equals(r.trial())).toList();
            assertFalse(mine.isEmpty(), r.trial());
            assertEquals(r.status().name(), mine.get(0).get("status"));
            if ("probe".equals(r.kind()) && r.ok()) {
                assertEquals(ProbeAnswer.describe(r.name(), r.probe()), mine.get(0).get("probe_answer"));
            }
            if (!r.ok() || "probe".equals(r.kind()) || "mixed".equals(r.kind())) {
                continue;
            }
            TrialAnalysis a = TrialAnalysis.of(r);
            for (CSVRecord c : mine) {
                int t = Integer.parseInt(c.get("threads"));
                assertEquals(a.at(t).median(), Double.parseDouble(c.get("median_s")), 0.0, r.trial());
                Scaling sc = a.scaling().get(t);
                if (sc != null) {
                    assertEquals(sc.speedup(), Double.parseDouble(c.get("speedup")), 0.0);
                    assertEquals(sc.ciLow(), Double.parseDouble(c.get("speedup_ci_low")), 0.0);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "some speedups compared");
    }

    @Test
    void pyperfFilesHaveTheSchemaPyperfLoads() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> runtimesWithData = new HashSet<>();
        for (TrialResult r : workloads()) {
            if (r.ok()) {
                runtimesWithData.add(r.runtime());
            }
        }
        assertEquals(runtimesWithData.size(), written.pyperf().size(), "one file per runtime with measurements");
        for (Path file : written.pyperf()) {
            JsonNode suite = json.readTree(file.toFile());
            assertEquals("1.0", suite.path("version").asText());
            Set<String> names = new HashSet<>();
            for (JsonNode bench : suite.path("benchmarks")) {
                JsonNode meta = bench.path("metadata");
                assertTrue(names.add(meta.path("name").asText()), "unique benchmark names");
                assertEquals("second", meta.path("unit").asText());
                assertTrue(bench.path("runs").size() > 0);
                for (JsonNode run : bench.path("runs")) {
                    assertTrue(run.path("metadata").path("loops").isIntegralNumber()
                            && run.path("metadata").path("loops").asLong() >= 1, "loops >= 1");
                    assertTrue(run.path("values").size() > 0);
                    run.path("values").forEach(v -> assertTrue(v.isNumber() && v.asDouble() > 0, "values > 0"));
                    for (JsonNode w : run.path("warmups")) {
                        assertTrue(w.size() == 2 && w.get(0).isIntegralNumber() && w.get(1).asDouble() >= 0);
                    }
                }
                assertMetadataPyperfAccepts(meta);
            }
            assertEquals(expectedBenchmarks(file), names, file.toString());
        }
    }

    /** pyperf's parse_metadata: str/int/float values only, no empty or multi-line string. */
    private static void assertMetadataPyperfAccepts(JsonNode meta) {
        meta.properties().forEach(e -> {
            JsonNode v = e.getValue();
            assertTrue(v.isNumber() || v.isTextual(), e.getKey());
            assertFalse(v.isTextual() && (v.asText().isBlank() || v.asText().contains("\n")), e.getKey());
        });
    }

    private static Set<String> expectedBenchmarks(Path file) {
        Set<String> names = new HashSet<>();
        for (TrialResult r : workloads()) {
            if (r.ok() && PyperfExport.fileName(r.runtime()).equals(file.getFileName().toString())) {
                r.threadCounts().forEach(t -> names.add(PyperfExport.benchmarkName(r, t)));
            }
        }
        return names;
    }

    @Test
    void pyperfValuesAreTheMeasuredSamplesPerUnitAndWarmupsTheDriversRounds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (TrialResult r : workloads()) {
            if (!r.ok() || "mixed".equals(r.kind()) || "weak".equals(r.scalingMode())) {
                continue;
            }
            JsonNode suite = json.readTree(written.pyperf().stream()
                    .filter(p -> p.getFileName().toString().equals(PyperfExport.fileName(r.runtime()))).findFirst()
                    .orElseThrow().toFile());
            for (int t : r.threadCounts()) {
                List<Double> values = new ArrayList<>();
                int warmups = 0;
                for (JsonNode bench : suite.path("benchmarks")) {
                    if (bench.path("metadata").path("name").asText().equals(PyperfExport.benchmarkName(r, t))) {
                        for (JsonNode run : bench.path("runs")) {
                            run.path("values").forEach(v -> values.add(v.asDouble()));
                            warmups += run.path("warmups").size();
                        }
                    }
                }
                int threads = t;
                List<Double> measured = r.samples().stream().filter(s -> !s.warmup() && s.threads() == threads)
                        .map(s -> s.seconds() / s.size()).sorted().toList();
                assertEquals(measured, values.stream().sorted().toList(), r.trial() + " at " + t);
                assertEquals(r.samples().stream().filter(s -> s.warmup() && s.threads() == threads).count(), warmups);
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void markdownHasTheTablesAndNoImages() throws IOException {
        String md = Files.readString(written.markdown());
        assertTrue(md.contains("## Behaviour matrix"));
        for (String name : new HashSet<>(workloads().stream().map(TrialResult::name).toList())) {
            assertTrue(md.contains("## " + name + " ("), "a section for " + name);
        }
        assertTrue(md.contains("## Failed, timed-out and skipped trials"));
        assertFalse(md.contains("<svg") || md.contains("!["), "tables only");
        // every row of a table has as many cells as its header
        int columns = -1;
        for (String line : md.split("\n")) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = line.replace("\\|", "").split("\\|", -1).length;
            if (columns < 0) {
                columns = cells;
            }
            assertEquals(columns, cells, line);
        }
    }

    @Test
    void regeneratingGivesTheSameFiles(@TempDir Path again) throws IOException {
        Reports.Written second = Reports.write(again, input);
        assertEquals(html, Files.readString(second.html()));
        assertEquals(Files.readString(written.markdown()), Files.readString(second.markdown()));
        assertEquals(Files.readString(written.csv()), Files.readString(second.csv()));
        for (int i = 0; i < written.pyperf().size(); i++) {
            assertEquals(Files.readString(written.pyperf().get(i)), Files.readString(second.pyperf().get(i)));
        }
    }

    private static String section(String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static long count(String s, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(s).results().count();
    }
}
