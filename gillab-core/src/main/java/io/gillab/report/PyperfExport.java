package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.model.ExecutionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pyperf's JSON format (version "1.0"), one file per runtime, so {@code pyperf stats}, {@code pyperf
 * compare_to} and friends read gillab's measurements.
 *
 * <p>Mapping: a benchmark per (workload, thread count, mode), named {@code countdown-2t} (other modes:
 * {@code -2proc}, {@code -2interp}, {@code -2ctx}); one pyperf run per worker process (fork); a sample
 * is one pyperf value, {@code loops} = its work units, so values are <em>seconds per work unit</em>
 * (runtimes calibrate different sizes: per unit is what compares across files). pyperf's warm-ups
 * are the driver's warm-up rounds and its values every measured sample, as pyperf would have recorded
 * them: equal counts per run, which pyperf's t-test needs. gillab's own figures also leave out a
 * warm-up its detection finds past the driver's rounds, so their medians can differ where one was
 * found (analysis.json says where). A mixed workload (the convoy) exports its p99 latency per
 * sample instead: {@code convoy-p99-1cpu}. Probes and trials that did not end ok are not exported.
 *
 * <p>pyperf rejects metadata values that are empty, null or multi-line, and requires the same
 * hostname, cpu_count, python_version... on every run of a benchmark; both hold by construction here.
 */
final class PyperfExport {
    static final String DIR = "pyperf";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** pyperf's own date format: ISO with a space, no zone (it parses with datetime.fromisoformat). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PyperfExport() {
    }

    /** File name for a runtime id: "cpython:3.13" becomes "cpython_3.13.json". */
    static String fileName(String runtime) {
        return runtime.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    static List<Path> write(Path dir, ReportModel model) throws IOException {
        Map<String, List<TrialResult>> byRuntime = new LinkedHashMap<>();
        for (TrialResult r : model.results()) {
            if (r.ok() && !ReportModel.isProbe(r) && r.samples() != null && !r.samples().isEmpty()) {
                byRuntime.computeIfAbsent(r.runtime(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<TrialResult>> e : byRuntime.entrySet()) {
            ObjectNode suite = suite(e.getKey(), e.getValue(), model);
            if (suite.path("benchmarks").isEmpty()) {
                continue; // pyperf refuses a file without benchmarks
            }
            Path out = dir.resolve(DIR);
            Files.createDirectories(out);
            Path file = out.resolve(fileName(e.getKey()));
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(suite) + "\n");
            written.add(file);
        }
        return written;
    }

    static ObjectNode suite(String runtime, List<TrialResult> trials, ReportModel model) {
        ObjectNode suite = JSON.createObjectNode();
        suite.put("version", "1.0");
        ObjectNode meta = suite.putObject("metadata");
        put(meta, "gillab_runtime", runtime);
        ArrayNode benchmarks = suite.putArray("benchmarks");
        for (TrialResult r : trials) {
            ObjectNode common = commonMetadata(r, model);
            for (int t : r.threadCounts()) {
                ObjectNode bench = ReportModel.isMixed(r) ? latencyBenchmark(r, t, common) : timeBenchmark(r, t, common);
                if (bench != null) {
                    benchmarks.add(bench);
                }
            }
        }
        return suite;
    }

    static String benchmarkName(TrialResult r, int threads) {
        if (ReportModel.isMixed(r)) {
            return r.name() + "-p99-" + threads + "cpu" + modeSuffix(r);
        }
        String suffix = switch (r.executionMode()) {
            case ExecutionMode.PROCESSES -> "proc";
            case ExecutionMode.INTERPRETERS -> "interp";
            case ExecutionMode.CONTEXTS -> "ctx";
            default -> "t";
        };
        return r.name() + "-" + threads + suffix;
    }

    private static String modeSuffix(TrialResult r) {
        return ExecutionMode.THREADS.equals(r.executionMode()) ? "" : "-" + r.executionMode();
    }

    /** Seconds per unit; one pyperf run per fork and sample size. */
    private static ObjectNode timeBenchmark(TrialResult r, int threads, ObjectNode common) {
        boolean weak = "weak".equals(r.scalingMode());
        ArrayNode runs = JSON.createArrayNode();
        for (int fork : forks(r)) {
            List<Sample> series = series(r, fork, threads);
            ArrayNode warmups = JSON.createArrayNode();
            for (Sample s : series) {
                if (s.warmup()) {
                    long loops = loops(s, threads, weak);
                    warmups.add(JSON.createArrayNode().add(loops).add(Math.max(0, s.seconds()) / loops));
                }
            }
            ObjectNode run = null;
            long runLoops = -1;
            for (Sample s : series) {
                long loops = loops(s, threads, weak);
                if (s.warmup() || !(s.seconds() > 0)) {
                    continue; // pyperf accepts only values > 0
                }
                if (run == null || loops != runLoops) { // pyperf: one loop count per run
                    run = newRun(runs, r, fork, loops, run == null ? warmups : null);
                    runLoops = loops;
                }
                ((ArrayNode) run.get("values")).add(s.seconds() / loops);
            }
        }
        return runs.isEmpty() ? null : benchmark(benchmarkName(r, threads), r, threads, common, runs,
                "seconds per work unit" + (weak ? " (weak scaling: units of all threads)" : ""));
    }

    /** The convoy's p99 latency per measured sample (loops = 1: a latency is not divided). */
    private static ObjectNode latencyBenchmark(TrialResult r, int threads, ObjectNode common) {
        ArrayNode runs = JSON.createArrayNode();
        for (int fork : forks(r)) {
            ObjectNode run = null;
            for (Sample s : series(r, fork, threads)) {
                Double p99 = s.metrics() == null ? null : s.metrics().get(MixedFigures.P99);
                if (s.warmup() || p99 == null || !(p99 > 0)) {
                    continue;
                }
                if (run == null) {
                    run = newRun(runs, r, fork, 1, null);
                }
                ((ArrayNode) run.get("values")).add(p99);
            }
        }
        return runs.isEmpty() ? null : benchmark(benchmarkName(r, threads), r, threads, common, runs,
                "p99 latency of the I/O thread (seconds) beside " + threads + " CPU-bound threads");
    }

    private static long loops(Sample s, int threads, boolean weak) {
        long size = Math.max(1, s.size());
        return weak ? size * threads : size;
    }

    private static ObjectNode newRun(ArrayNode runs, TrialResult r, int fork, long loops, ArrayNode warmups) {
        ObjectNode run = runs.addObject();
        ObjectNode meta = run.putObject("metadata");
        meta.put("loops", loops);
        put(meta, "date", date(r.startedAt()));
        meta.put("gillab_fork", fork);
        if (warmups != null && !warmups.isEmpty()) {
            run.set("warmups", warmups);
        }
        run.putArray("values");
        return run;
    }

    private static ObjectNode benchmark(String name, TrialResult r, int threads, ObjectNode common, ArrayNode runs,
            String value) {
        ObjectNode bench = JSON.createObjectNode();
        ObjectNode meta = bench.putObject("metadata");
        meta.put("name", name);
        meta.put("unit", "second");
        meta.setAll(common);
        meta.put("gillab_threads", threads);
        put(meta, "gillab_value", value);
        put(meta, "description", r.name() + " on " + r.runtime() + ", " + threads + " " + r.executionMode() + ": "
                + value);
        bench.set("runs", runs);
        return bench;
    }

    /** What pyperf checks for equality across a benchmark's runs, plus gillab's own keys. */
    private static ObjectNode commonMetadata(TrialResult r, ReportModel model) {
        ObjectNode m = JSON.createObjectNode();
        JsonNode impl = r.implementation();
        if (impl != null) {
            put(m, "python_implementation", impl.path("implementation_name").asText(null));
            put(m, "python_version", impl.path("version").asText(null));
            put(m, "platform", impl.path("platform").asText(null));
            if (impl.path("cpu_count").isInt()) {
                m.put("cpu_count", impl.path("cpu_count").asInt());
            }
            put(m, "gillab_gil", impl.path("gil").isBoolean() ? (impl.path("gil").asBoolean() ? "yes" : "no") : null);
        }
        JsonNode run = model.runs().stream().filter(j -> j.path("run_id").asText("").equals(r.runId())).findFirst()
                .orElse(null);
        if (run != null) {
            put(m, "hostname", run.path("machine").path("hostname").asText(null));
            put(m, "cpu_model_name", run.path("machine").path("cpu_model").asText(null));
        }
        put(m, "gillab_runtime", r.runtime());
        put(m, "gillab_trial", r.trial());
        put(m, "gillab_run_id", r.runId());
        put(m, "gillab_mode", r.executionMode());
        put(m, "gillab_scaling", r.scalingMode());
        put(m, "gillab_jit", ReportTables.jit(r));
        put(m, "gillab_implementation", ReportModel.implementation(r));
        return m;
    }

    private static List<Integer> forks(TrialResult r) {
        return r.samples().stream().map(Sample::fork).distinct().sorted().toList();
    }

    private static List<Sample> series(TrialResult r, int fork, int threads) {
        return r.samples().stream().filter(s -> s.fork() == fork && s.threads() == threads)
                .sorted(Comparator.comparingInt(Sample::index)).toList();
    }

    /** pyperf drops nothing silently: null, blank or multi-line strings would make it refuse the file. */
    private static void put(ObjectNode m, String key, String value) {
        if (value == null) {
            return;
        }
        String one = value.replaceAll("[\\r\\n]+", " ").strip();
        if (!one.isEmpty()) {
            m.put(key, one);
        }
    }

    private static String date(String startedAt) {
        if (startedAt == null) {
            return null;
        }
        try {
            return DATE.format(Instant.parse(startedAt).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
