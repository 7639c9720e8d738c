package io.gillab.report;

import io.gillab.model.TrialResult;
import io.gillab.results.ProbeAnswer;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.Scaling;
import io.gillab.stats.TrialAnalysis;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code results.csv}: one row per trial and thread count, for spreadsheets and notebooks. A probe is
 * one row with its headline; a trial that measured nothing (failed early, skipped) one row with an empty
 * thread count. Numbers are plain decimals in seconds; an empty cell means "not measured".
 */
final class CsvExport {
    static final List<String> HEADER = List.of("trial", "run_id", "runtime", "implementation", "name", "kind", "mode",
            "scaling", "threads", "status", "message", "forks", "size", "n", "median_s", "ci_low_s", "ci_high_s",
            "mean_s", "stdev_s", "time_per_unit_s", "speedup", "speedup_ci_low", "speedup_ci_high", "efficiency",
            "cpu_per_wall", "unstable", "latency_p50_s", "latency_p99_s", "requests_per_second", "probe_answer");

    private CsvExport() {
    }

    static void write(Path file, ReportModel model) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, format)) {
            for (TrialResult r : model.results()) {
                for (List<Object> row : rows(r, model)) {
                    csv.printRecord(row);
                }
            }
        }
    }

    static List<List<Object>> rows(TrialResult r, ReportModel model) {
        List<List<Object>> rows = new ArrayList<>();
        boolean measured = r.samples() != null && r.samples().stream().anyMatch(s -> !s.warmup());
        if (ReportModel.isProbe(r) || !measured) {
            List<Object> row = common(r, null);
            row.addAll(Arrays.asList(new Object[HEADER.size() - row.size() - 1]));
            row.add(ReportModel.isProbe(r) && r.ok() ? ProbeAnswer.describe(r.name(), r.probe()) : null);
            rows.add(row);
            return rows;
        }
        TrialAnalysis a = model.analysis(r);
        for (int t : r.threadCounts()) {
            List<Object> row = common(r, t);
            SampleSummary s = a.at(t);
            boolean has = s != null && s.n() > 0;
            row.add(has ? s.n() : 0);
            row.add(has ? num(s.median()) : null);
            row.add(has ? num(s.ciLow()) : null);
            row.add(has ? num(s.ciHigh()) : null);
            row.add(has ? num(s.mean()) : null);
            row.add(has ? num(s.stdev()) : null);
            row.add(has && r.size() != null && r.size() > 0 ? num(s.median() / r.size()) : null);
            // the convoy's thread counts are CPU threads beside the I/O one: no speedup to speak of
            Scaling sc = ReportModel.isMixed(r) ? null : a.scaling().get(t);
            boolean one = t == 1 && has && !ReportModel.isMixed(r);
            row.add(sc != null ? num(sc.speedup()) : one ? 1.0 : null);
            row.add(sc != null ? num(sc.ciLow()) : null);
            row.add(sc != null ? num(sc.ciHigh()) : null);
            row.add(sc != null ? num(sc.efficiency()) : one ? 1.0 : null);
            row.add(sc != null && sc.effectiveParallelism() != null ? num(sc.effectiveParallelism()) : null);
            row.add(has && s.isUnstable() ? String.join("; ", s.unstable()) : null);
            row.add(metric(r, t, MixedFigures.P50));
            row.add(metric(r, t, MixedFigures.P99));
            row.add(metric(r, t, MixedFigures.RPS));
            row.add(null);
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> common(TrialResult r, Integer threads) {
        return new ArrayList<>(Arrays.asList(r.trial(), r.runId(), r.runtime(), ReportModel.implementation(r), r.name(),
                r.kind(), r.executionMode(), r.scalingMode(), threads, r.status().name(), r.message(), r.forkCount(),
                r.size()));
    }

    private static Double metric(TrialResult r, int threads, String metric) {
        SampleSummary s = MixedFigures.summary(r, threads, metric);
        return s.n() == 0 ? null : num(s.median());
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
