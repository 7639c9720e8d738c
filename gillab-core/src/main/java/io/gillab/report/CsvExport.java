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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code results.csv}: one row per trial and thread count, for spreadsheets and notebooks. A probe is
 * one row with its headline; a trial that measured nothing (failed early, skipped) one row with an empty
 * thread count. Numbers are plain decimals in seconds; an empty cell means "not measured". The last
 * columns carry the {@link ScalingMatrix}: the trial's catalogue {@code group}, and on the row that is a
 * matrix cell (the largest thread count with a speedup) {@code scaling_matrix} = its band and
 * {@code scaling_matrix_ideal} the speedup it is measured against; a workload's trial in the matrix with no
 * speedup says why on its first row instead ("failed", "skipped", ...). Columns are only ever added at
 * the end, so readers by position keep working.
 */
final class CsvExport {
    static final List<String> HEADER = List.of("trial", "run_id", "runtime", "implementation", "name", "kind", "mode",
            "scaling", "threads", "status", "message", "forks", "size", "n", "median_s", "ci_low_s", "ci_high_s",
            "mean_s", "stdev_s", "time_per_unit_s", "speedup", "speedup_ci_low", "speedup_ci_high", "efficiency",
            "cpu_per_wall", "unstable", "latency_p50_s", "latency_p99_s", "requests_per_second", "probe_answer",
            "group", "scaling_matrix", "scaling_matrix_ideal");
    /** The columns before the scaling matrix's: a trial's own figures. */
    private static final int TRIAL_COLUMNS = HEADER.indexOf("group");

    private CsvExport() {
    }

    static void write(Path file, ReportModel model) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, format)) {
            Map<TrialResult, ScalingMatrix.Cell> cells = matrixCells(ScalingMatrix.of(model));
            for (TrialResult r : model.results()) {
                List<List<Object>> rows = rows(r, model);
                for (int i = 0; i < rows.size(); i++) {
                    List<Object> row = rows.get(i);
                    row.add(r.group());
                    ScalingMatrix.Cell c = cells.get(r);
                    Object threads = row.get(HEADER.indexOf("threads"));
                    if (c != null && c.measured() && Integer.valueOf(c.scaling().threads()).equals(threads)) {
                        row.add(c.band().label);
                        row.add(c.ideal());
                    } else if (c != null && !c.measured() && i == 0) {
                        row.add(c.empty());
                        row.add(null);
                    } else {
                        row.add(null);
                        row.add(null);
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    /** Each trial that stands in a matrix cell, with that cell. */
    static Map<TrialResult, ScalingMatrix.Cell> matrixCells(ScalingMatrix m) {
        Map<TrialResult, ScalingMatrix.Cell> cells = new IdentityHashMap<>();
        m.rows().forEach(row -> row.cells().values().stream().filter(c -> c.trial() != null)
                .forEach(c -> cells.put(c.trial(), c)));
        return cells;
    }

    /** A trial's rows, up to and including probe_answer (the scaling matrix's columns come after). */
    static List<List<Object>> rows(TrialResult r, ReportModel model) {
        List<List<Object>> rows = new ArrayList<>();
        boolean measured = r.samples() != null && r.samples().stream().anyMatch(s -> !s.warmup());
        if (ReportModel.isProbe(r) || !measured) {
            List<Object> row = common(r, null);
            row.addAll(Arrays.asList(new Object[TRIAL_COLUMNS - row.size() - 1]));
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
