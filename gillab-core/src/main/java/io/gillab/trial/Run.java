package io.gillab.trial;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import io.gillab.runtime.Availability;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.JythonRuntime;
import io.gillab.runtime.LocalPythonRuntime;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One {@code ./gillab run}: checks which runtimes are available, loads the catalogue, builds the trial
 * matrix, runs it (appending to results.jsonl) and returns the results.
 */
public final class Run {
    private final RunOptions options;
    private final GillabHome home;
    private final PrintStream out;
    private final Progress progress;

    public Run(RunOptions options, GillabHome home, PrintStream out) {
        this(options, home, out, Progress.lines(out));
    }

    public Run(RunOptions options, GillabHome home, PrintStream out, Progress progress) {
        this.options = options;
        this.home = home;
        this.out = out;
        this.progress = progress;
    }

    /** Follows the trials as they end: plain lines by default, a progress bar on a terminal. */
    public interface Progress extends AutoCloseable {
        /** Called once, before the first trial, with the number of trials to run. */
        void start(int trials);

        /** A trial ended (or the run stopped in it). */
        void trialEnded(RunEvent event);

        @Override
        void close();

        /** The line a display prints for an event, indented like the run's other lines. */
        static String line(RunEvent event) {
            return "  " + event.line();
        }

        static Progress lines(PrintStream out) {
            return new Progress() {
                public void start(int trials) {
                }

                public void trialEnded(RunEvent event) {
                    out.println(line(event));
                }

                public void close() {
                }
            };
        }
    }

    /** Thrown for bad input found before any trial starts (unknown runtime or workload, broken file). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param results every trial of the run's matrix, resumed ones included
     * @param ran     the trials this run itself ran (not those a resume found done)
     */
    public record Outcome(String runId, List<TrialResult> results, List<TrialResult> ran, ResultsFile resultsFile,
            Map<String, Availability> availability) {
    }

    /**
     * One run per folder: the output directory must be a directory gillab can write that holds no other run
     * (results.jsonl or a run-*.json), unless this run resumes it or is appended to it on purpose. Checked before anything runs, so a mistyped
     * {@code --out} costs nothing and mixes nothing.
     */
    private void claimOutDir() {
        Path dir = options.outDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--out " + dir + " cannot be created: " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("--out " + dir + " is not writable");
        }
        if (options.resume() || options.append()) {
            return;
        }
        try (var files = Files.list(dir)) {
            List<String> held = files.filter(p -> p.getFileName().toString().equals(ResultsFile.NAME)
                    || io.gillab.results.ResultSet.isRunRecord(p)).map(p -> p.getFileName().toString()).sorted().toList();
            if (!held.isEmpty()) {
                throw new UsageException("--out " + dir + " already holds a run (" + String.join(", ", held)
                        + "): give a new folder, finish that run with --resume " + dir + ", or add this one to it"
                        + " with --append");
            }
        } catch (IOException e) {
            throw new UsageException("--out " + dir + " cannot be read: " + e.getMessage());
        }
    }

    /** Adds where the run's time went (see {@link RunCost}) to its run-*.json, once the run is over. */
    public static void recordCost(Path outDir, String runId, RunCost cost) throws IOException {
        Path file = outDir.resolve("run-" + runId + ".json");
        ObjectNode meta = (ObjectNode) ResultsFile.json().readTree(file.toFile());
        meta.set("cost", cost.toJson());
        Files.writeString(file, ResultsFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(meta));
    }

    public Outcome execute() throws IOException {
        claimOutDir();
        RuntimeRegistry registry = new RuntimeRegistry(home, options.localPython(), options.limits());
        Map<String, PythonRuntime> runtimes = new LinkedHashMap<>();
        try {
            RuntimeRegistry.Resolution resolution = registry.resolveAll(options.runtimes());
            resolution.runtimes().forEach(r -> runtimes.put(r.id(), r));
            resolution.notes().forEach(n -> out.println("  " + n));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, Availability> availability = new LinkedHashMap<>();
        for (PythonRuntime rt : runtimes.values()) {
            Availability a = rt.availability();
            availability.put(rt.id(), a);
            out.println((a.available() ? "  runtime " : "  runtime NOT AVAILABLE ") + rt.id() + ": " + a.reason());
        }

        Catalogue catalogue = Catalogue.load(catalogueLister(), options.searchPaths(), options.allowShadowing());
        for (String problem : catalogue.problems()) {
            out.println("  workload file problem: " + problem);
        }
        List<CatalogueEntry> entries = selectEntries(catalogue);

        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        ResultsFile results = new ResultsFile(options.outDir());
        // Recorded in run-*.json: with --layout-seed it reproduces every fork's environment size and warm-up order.
        long layoutSeed = options.layoutSeed() != null ? options.layoutSeed()
                : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        writeRunMetadata(runId, availability, layoutSeed);
        List<TrialSpec> matrix = TrialMatrix.build(List.copyOf(runtimes.values()), entries, options.threads(),
                options.measurement(), options.modes()).stream().map(s -> s.withLayoutSeed(layoutSeed)).toList();
        List<TrialSpec> specs = options.shard() == null ? matrix : options.shard().select(matrix);
        if (options.shard() != null) {
            out.println("  shard " + options.shard() + ": " + specs.size() + " of the matrix's " + matrix.size()
                    + " trials");
        }
        // Resuming: a trial that ended (ok, failed, timed out) is kept; a skipped one gets another chance.
        Map<String, TrialResult> done = new LinkedHashMap<>();
        int retried = 0;
        if (options.resume()) {
            for (TrialResult r : results.read()) {
                if (r.status() != TrialResult.Status.skipped) {
                    done.put(r.trial(), r);
                } else if (specs.stream().anyMatch(s -> s.id().equals(r.trial()))) {
                    retried++;
                }
            }
        }
        if (retried > 0) {
            out.println("  " + retried + " trial(s) skipped before run again; a trial's latest line in results.jsonl"
                    + " is the one reports and merge read");
        }
        List<TrialSpec> todo = specs.stream().filter(s -> !done.containsKey(s.id())).toList();
        out.println("  " + specs.size() + " trials" + (options.resume() ? ", " + (specs.size() - todo.size())
                + " already in results.jsonl, " + todo.size() + " to run" : "") + " -> " + results.path());
        TrialRunner runner = new TrialRunner(runtimes, availability, options.searchPaths(), options.timeout(), results,
                runId, progress::trialEnded).target(options.measurement().target()).allowShadowing(options.allowShadowing());
        Map<String, TrialResult> fresh = new LinkedHashMap<>();
        progress.start(todo.size());
        try {
            runner.runAll(todo).forEach(r -> fresh.put(r.trial(), r));
        } finally {
            progress.close();
        }
        List<TrialResult> all = new ArrayList<>();
        for (TrialSpec s : specs) {
            TrialResult r = fresh.containsKey(s.id()) ? fresh.get(s.id()) : done.get(s.id());
            if (r != null) {
                all.add(r);
            }
        }
        return new Outcome(runId, all, List.copyOf(fresh.values()), results, availability);
    }

    /** The driver's catalogue is read on Jython (always bundled, and strict Python 2.7), else CPython. */
    private PythonRuntime catalogueLister() {
        PythonRuntime jython = new JythonRuntime(home);
        if (jython.availability().available()) {
            return jython;
        }
        return new LocalPythonRuntime("cpython", options.localPython() == null ? "python3" : options.localPython(),
                null, home);
    }

    /**
     * What a run without {@code --workloads} measures: the seed's CPU and I/O claims, the convoy, and
     * every probe — the comparison in a few minutes. {@code --workloads all} runs the whole catalogue.
     */
    public static final List<String> DEFAULT_WORKLOADS = List.of("countdown", "sleep", "convoy");

    private List<CatalogueEntry> selectEntries(Catalogue catalogue) {
        List<String> names;
        if (options.names() == null || options.names().isEmpty()) {
            names = catalogue.builtInNames(home.scriptsDir()).stream()
                    .filter(n -> DEFAULT_WORKLOADS.contains(n) || catalogue.entries().get(n).isProbe()).toList();
        } else if (options.names().size() == 1 && options.names().get(0).equals("all")) {
            names = List.copyOf(catalogue.entries().keySet());
        } else {
            names = options.names();
        }
        List<CatalogueEntry> entries = new ArrayList<>();
        for (String n : names) {
            try {
                entries.add(catalogue.require(n.strip()));
            } catch (IllegalArgumentException e) {
                String broken = catalogue.problems().stream().filter(p -> p.contains(n.strip())).findFirst()
                        .orElse(null);
                throw new UsageException(broken != null ? "workload '" + n + "' cannot be loaded: " + broken
                        : e.getMessage());
            }
        }
        if (entries.isEmpty()) {
            throw new UsageException("no workloads to run" + (catalogue.problems().isEmpty() ? ""
                    : ": " + String.join("; ", catalogue.problems())));
        }
        return entries;
    }

    private void writeRunMetadata(String runId, Map<String, Availability> availability, long layoutSeed)
            throws IOException {
        ObjectNode meta = ResultsFile.json().createObjectNode();
        meta.put("run_id", runId);
        meta.put("command_line", options.commandLine());
        meta.put("started_at", Instant.now().toString());
        meta.put("gillab_version", Run.class.getPackage().getImplementationVersion());
        meta.put("java_version", Runtime.version().toString());
        meta.put("available_processors", Runtime.getRuntime().availableProcessors());
        meta.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        ObjectNode o = meta.putObject("options");
        o.putPOJO("runtimes", options.runtimes());
        // What "cpython" resolved to (containers or the local process): a resume runs exactly these.
        o.putPOJO("resolved_runtimes", List.copyOf(availability.keySet()));
        o.putPOJO("names", options.names());
        o.putPOJO("threads", options.threads());
        o.putPOJO("modes", options.modes());
        o.put("shard", options.shard() == null ? null : options.shard().toString());
        o.putPOJO("measurement", options.measurement());
        o.put("layout_seed", layoutSeed);
        o.put("allow_shadowing", options.allowShadowing());
        o.put("timeout_seconds", options.timeout().toSeconds());
        o.put("local_python", options.localPython());
        o.put("container_cpus", options.limits().cpus());
        o.put("container_memory_bytes", options.limits().memoryBytes());
        o.putPOJO("search_paths", options.searchPaths().stream().map(p -> p.toAbsolutePath().toString()).toList());
        meta.set("machine", io.gillab.results.MachineInfo.collect(ResultsFile.json()));
        ObjectNode av = meta.putObject("runtimes");
        availability.forEach((id, a) -> av.putObject(id).put("available", a.available()).put("detail", a.reason()));
        Files.writeString(options.outDir().resolve("run-" + runId + ".json"),
                ResultsFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(meta));
    }
}
