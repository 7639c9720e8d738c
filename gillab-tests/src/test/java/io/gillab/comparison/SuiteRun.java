package io.gillab.comparison;

import io.gillab.api.RuntimeChoice;
import io.gillab.api.Runtimes;
import io.gillab.junit.LoadMonitor;
import io.gillab.model.ExecutionMode;
import io.gillab.model.TrialResult;
import io.gillab.runtime.GillabHome;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The trials of the comparison suite: run once per runtime and kind (probes, workloads) with the quick
 * preset, as {@code ./gillab run --quick} would, into {@code target/gillab-suite/} (one results.jsonl,
 * one run-*.json per run), and shared by every test that judges them: {@link ComparisonTest}, and other
 * test classes through {@link #probe} and {@link #workload} (Surefire runs every class in one JVM, so a
 * runtime's probes and workloads run once per {@code mvn verify}, not once per class).
 */
public final class SuiteRun {
    /**
     * The probes the suite runs: every built-in one. The GIL-semantics probes (gil_*) are bounded: each
     * ends within about 1.2 s (two parts of at most 0.5 s each; gil_spin_flag 2 s, up to 3.5 s where a JIT
     * hoists its flag reads: it runs last, as its spinners may then go on until the process ends).
     */
    public static final List<String> PROBES = List.of("refcount", "finalization", "memory_reclaim", "races", "runtime_facts",
            "gil_even_length", "gil_len_contains", "gil_append_pop_bounds", "gil_index_increment", "gil_check_then_get",
            "gil_pair_assignment", "gil_spin_flag");
    /**
     * The workloads the suite measures, chosen for the CI budget: CPU-bound countdown (the seed's
     * claim) and fib, I/O-bound sleep, the convoy. The rest of the catalogue stays in the table and is
     * judged in reports of full runs; {@code -Dgillab.suite.workloads=all} (or a list) measures more.
     */
    static final List<String> DEFAULT_WORKLOADS = List.of("countdown", "fib", "sleep", "convoy");
    static final String WORKLOADS_PROPERTY = "gillab.suite.workloads";

    enum Kind {
        BEHAVIOUR, SCALING
    }

    private static final Map<String, List<TrialResult>> CACHE = new LinkedHashMap<>();
    private static boolean cleaned;
    private static Runtimes runtimes;

    private SuiteRun() {
    }

    static Path dir() {
        String home = System.getProperty("gillab.home");
        return (home != null ? Path.of(home) : Path.of("target")).toAbsolutePath().resolve("gillab-suite");
    }

    static boolean ranAnything() {
        synchronized (CACHE) {
            return !CACHE.isEmpty();
        }
    }

    static List<String> workloads() {
        String p = System.getProperty(WORKLOADS_PROPERTY);
        if (p == null || p.isBlank()) {
            return DEFAULT_WORKLOADS;
        }
        if (p.strip().equals("all")) {
            return builtInWorkloads(GillabHome.locate().scriptsDir().resolve("workloads"));
        }
        return List.of(p.strip().split("\\s*,\\s*"));
    }

    /**
     * Every built-in workload: the NAME.py files of the workloads folder (helpers, whose names start with
     * "_", are not workloads), sorted by name, so that a new workload is measured by {@code all} without
     * a change here.
     */
    static List<String> builtInWorkloads(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".py") && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the built-in workloads in " + folder, e);
        }
    }

    static List<String> subjects(Kind kind) {
        return kind == Kind.BEHAVIOUR ? PROBES : workloads();
    }

    /** The runtimes the suite measures here (detected once, printed once). */
    static synchronized Runtimes runtimes() {
        if (runtimes == null) {
            // -Dgillab.runtimes or GILLAB_RUNTIMES select; by default every implementation, as a project's
            // @GillabTest has it (cpython and pypy: one runtime per local image)
            List<String> requested = Runtimes.requested(Runtimes.DEFAULT);
            runtimes = Runtimes.resolve(requested);
            System.out.println("[gillab-suite] runtimes: " + String.join(",", requested)
                    + (requested == Runtimes.DEFAULT ? " (default; -D" + Runtimes.PROPERTY + " or " + Runtimes.ENV
                            + " selects)" : ""));
            for (RuntimeChoice e : runtimes.all()) {
                System.out.println("[gillab-suite]   " + e.id() + (e.available() ? "" : ": NOT AVAILABLE - " + e.unavailable()));
            }
            runtimes.notes().forEach(n -> System.out.println("[gillab-suite]   " + n));
        }
        return runtimes;
    }

    /** The ids of the available runtimes in containers (or not): one cached run of each kind measures them. */
    static List<String> available(boolean containers) {
        return runtimes().all().stream().filter(e -> e.container() == containers && e.available())
                .map(RuntimeChoice::id).toList();
    }

    /**
     * The suite's trial of a probe on a runtime, when the suite measures that runtime here (it is selected
     * and available); empty otherwise, and the caller runs the probe itself. The trial is the one the
     * comparison tests judge: the same quick preset, the same process.
     */
    public static Optional<TrialResult> probe(String runtime, String name) {
        if (!PROBES.contains(name)) {
            return Optional.empty();
        }
        Optional<RuntimeChoice> entry = runtimes().all().stream().filter(e -> e.id().equals(runtime)).findFirst();
        if (entry.isEmpty() || !entry.get().available()) {
            return Optional.empty();
        }
        // the same selection ComparisonTest asks for, so that both hit one cached run
        return results(Kind.BEHAVIOUR, available(entry.get().container())).stream()
                .filter(r -> r.runtime().equals(runtime) && r.name().equals(name)).findFirst();
    }

    /**
     * The suite's trial of a workload on a runtime in threads mode, when the suite measures that workload on
     * that runtime here ({@link #workloads()}; the runtime selected and available); empty otherwise, and the
     * caller measures it itself. The trial is the one the comparison tests judge: the quick preset (one fresh
     * process, 5 samples, at least 0.2 s per sample) on 1 and 2 threads, the same process.
     */
    public static Optional<TrialResult> workload(String runtime, String name) {
        return workload(runtime, name, ExecutionMode.THREADS);
    }

    /** As {@link #workload(String, String)} in {@code mode}: the suite measures threads mode only. */
    public static Optional<TrialResult> workload(String runtime, String name, String mode) {
        if (!ExecutionMode.THREADS.equals(mode) || !workloads().contains(name)) {
            return Optional.empty();
        }
        Optional<RuntimeChoice> entry = runtimes().all().stream().filter(e -> e.id().equals(runtime)).findFirst();
        if (entry.isEmpty() || !entry.get().available()) {
            return Optional.empty();
        }
        // the same selection ComparisonTest asks for, so that both hit one cached run
        return results(Kind.SCALING, available(entry.get().container())).stream()
                .filter(r -> r.runtime().equals(runtime) && r.name().equals(name)
                        && mode.equals(r.mode() == null ? TrialResult.DEFAULT_MODE : r.mode()))
                .findFirst();
    }

    /** The results for these runtimes (every one available), running the trials the first time. */
    static List<TrialResult> results(Kind kind, List<String> runtimes) {
        if (runtimes.isEmpty()) {
            return List.of();
        }
        String key = kind + " " + runtimes;
        synchronized (CACHE) {
            List<TrialResult> cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
            try {
                List<TrialResult> r = new ArrayList<>();
                List<String> names = subjects(kind);
                // The convoy gets fewer rounds: each of its samples lasts up to 1.5 s at 3 thread counts,
                // and its p99 ratio does not depend on a JIT's warm state the way timings do.
                List<String> main = names.stream().filter(n -> !n.equals("convoy")).toList();
                if (!main.isEmpty()) {
                    r.addAll(run(kind, runtimes, main, QUICK));
                }
                if (names.contains("convoy")) {
                    r.addAll(run(kind, runtimes, List.of("convoy"), QUICK_CONVOY));
                }
                CACHE.put(key, r);
                return r;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The quick preset: one process per trial, 5 samples, the runtime's warm-ups. */
    static final Presets.Measurement QUICK = new Presets.Measurement("quick", null, null, null, null, 0.2, "strong");
    /** The convoy: one process, 2 warm-up and 3 measured rounds at each of K = 0, 1, 2. */
    static final Presets.Measurement QUICK_CONVOY = new Presets.Measurement("quick", null, 3, 2, null, 0.2, "strong");

    private static List<TrialResult> run(Kind kind, List<String> runtimes, List<String> names,
            Presets.Measurement measurement) throws IOException {
        Path dir = dir();
        LoadMonitor.start();
        if (!cleaned) {
            // Results of an earlier `mvn verify` would be mixed into this one's reports.
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            cleaned = true;
        }
        Files.createDirectories(dir);
        String command = "./mvnw verify (comparison suite, " + kind.name().toLowerCase() + "): --runtimes "
                + String.join(",", runtimes) + " --workloads " + String.join(",", names) + " --quick" + (measurement.samples() == null ? "" : " --samples " + measurement.samples())
                + (measurement.warmups() == null ? "" : " --warmups " + measurement.warmups());
        RunOptions options = RunOptions.builder().runtimes(runtimes).names(names).threads(List.of(1, 2))
                .measurement(measurement).timeout(Duration.ofMinutes(4)).outDir(dir).commandLine(command)
                // the suite's runs (probes, workloads, the convoy; per runtime) make one report together
                .append(true).build();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String x) {
                super.println("[gillab-suite] " + x);
            }
        };
        out.println(command);
        long t0 = System.nanoTime();
        Run.Outcome o = new Run(options, GillabHome.locate(), out).execute();
        out.println(String.format("%d trials in %.0f s", o.results().size(), (System.nanoTime() - t0) / 1e9));
        return new ArrayList<>(o.results());
    }
}
