package io.gillab.junit;

import io.gillab.api.Gillab;
import io.gillab.api.GillabRun;
import io.gillab.api.RuntimeChoice;
import io.gillab.api.Runtimes;
import io.gillab.expect.Expectations;
import io.gillab.model.TrialResult;
import io.gillab.report.ReportPublisher;
import io.gillab.results.ResultSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;

/**
 * The trials of one {@link GillabTest} class: the runtimes it names (resolved and checked once), its
 * expectations table, and each runtime's trials, run the first time a test asks and then shared by every
 * test of the class. All of a runtime's declared workloads run together, in one run: on GraalPy and Jython
 * the probes then share one worker JVM (each in a fresh interpreter), as {@code ./gillab run} does.
 * When the class is done its results and reports are in {@link #outDir()}.
 */
public final class GillabSession {
    private final GillabTest config;
    private final Path outDir;
    private final Runtimes runtimes;
    private final Expectations table;
    private final String tableName;
    private final ExpectationTests expectationTests;
    private final Map<String, List<TrialResult>> byRuntime = new LinkedHashMap<>();
    private boolean ran;

    GillabSession(GillabTest config, Class<?> testClass) {
        this.config = config;
        LoadMonitor.start();
        this.outDir = Path.of(config.out()).toAbsolutePath().resolve(testClass.getSimpleName());
        this.runtimes = Runtimes.resolve(Runtimes.requested(List.of(config.runtimes())));
        if (config.expectations().isBlank()) {
            this.table = Expectations.load();
            this.tableName = "gillab's own " + Expectations.RESOURCE;
        } else {
            this.table = loadTable(config.expectations());
            this.tableName = config.expectations();
        }
        this.expectationTests = new ExpectationTests(table, tableName);
    }

    private static Expectations loadTable(String where) {
        try {
            Path file = Path.of(where);
            if (Files.isRegularFile(file)) {
                return Expectations.load(file);
            }
            try (InputStream in = GillabSession.class.getClassLoader().getResourceAsStream(where.replaceFirst("^/", ""))) {
                if (in == null) {
                    throw new IllegalArgumentException("@GillabTest(expectations = \"" + where + "\"): no such file (in "
                            + Path.of("").toAbsolutePath() + ") and no such class path resource");
                }
                return Expectations.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("@GillabTest(expectations = \"" + where + "\"): " + e.getMessage(), e);
        }
    }

    /** Every runtime the class asked for, available or not (each says why not). */
    public List<RuntimeChoice> runtimes() {
        return runtimes.all();
    }

    public Expectations table() {
        return table;
    }

    /** Where the class's results.jsonl and reports are. */
    public Path outDir() {
        return outDir;
    }

    /**
     * The trial of a workload or probe on a runtime. A runtime that cannot run here aborts the calling test
     * (skipped with the reason); a trial that failed is returned as it is, for the assertions to show.
     */
    public synchronized TrialResult trial(String subject, RuntimeChoice runtime) {
        if (!runtime.available()) {
            Assumptions.abort(runtime.id() + " not available: " + runtime.unavailable());
        }
        TrialResult t = find(subject, runtime);
        if (t == null) {
            run(runtime, subjectsWith(subject));
            t = find(subject, runtime);
        }
        if (t == null) {
            throw new IllegalStateException("the run of " + subject + " on " + runtime.id() + " recorded no trial of it;"
                    + " see " + outDir.resolve("results.jsonl"));
        }
        if (t.status() == TrialResult.Status.skipped) {
            Assumptions.abort(runtime.id() + " not available: " + t.message());
        }
        return t;
    }

    /** The trial on the runtime with this id (as {@link #runtimes()} names it). */
    public TrialResult trial(String subject, String runtimeId) {
        RuntimeChoice rt = runtimes.all().stream().filter(r -> r.id().equals(runtimeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(runtimeId + " is not one of this class's runtimes "
                        + runtimes.all()));
        return trial(subject, rt);
    }

    /** Every cell of the table about the class's workloads, as a test ({@link ExpectationTests}). */
    public Stream<DynamicNode> expectationTests() {
        List<String> subjects = List.of(config.workloads());
        return expectationTests.tests(runtimes.all(), subjects, c -> true, rt -> {
            synchronized (this) {
                for (String s : subjects) {
                    if (find(s, rt) == null) {
                        run(rt, subjectsWith(s));
                    }
                }
                return byRuntime.getOrDefault(rt.id(), List.of());
            }
        });
    }

    private TrialResult find(String subject, RuntimeChoice runtime) {
        return byRuntime.getOrDefault(runtime.id(), List.of()).stream().filter(t -> t.name().equals(subject)).findFirst()
                .orElse(null);
    }

    /** The declared workloads not yet run on the runtime, plus this one. */
    private List<String> subjectsWith(String subject) {
        Set<String> s = new LinkedHashSet<>(Arrays.asList(config.workloads()));
        s.add(subject);
        return new ArrayList<>(s);
    }

    private void run(RuntimeChoice runtime, List<String> subjects) {
        List<String> todo = subjects.stream().filter(s -> find(s, runtime) == null).toList();
        if (todo.isEmpty()) {
            return;
        }
        try {
            if (!ran) {
                clean(outDir); // this class's folder only: an earlier build's trials would mix into its report
                ran = true;
            }
            GillabRun run = Gillab.run().runtimes(runtime.id()).workloads(todo).threads(config.threads())
                    .timeout(Duration.ofSeconds(config.timeoutSeconds())).out(outDir).append().withoutReports()
                    .log(prefixed(runtime.id()));
            for (String p : config.path()) {
                run.path(Path.of(p));
            }
            if (config.quick()) {
                run.quick();
            }
            List<TrialResult> got = run.execute().trials();
            byRuntime.computeIfAbsent(runtime.id(), k -> new ArrayList<>())
                    .addAll(got.stream().filter(t -> t.runtime().equals(runtime.id())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream prefixed(String runtime) {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String x) {
                super.println("[gillab " + runtime + "] " + x);
            }
        };
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** At the end of the class: the reports over its trials, judged by its table, and the summary. */
    void close() throws IOException {
        if (!ran) {
            return;
        }
        ResultSet saved = ResultSet.load(outDir);
        ReportPublisher.Published p = ReportPublisher.publish(outDir, saved.results(), saved.runs(), table);
        for (String line : expectationTests.summary()) {
            System.out.println("[gillab] " + line);
        }
        System.out.println("[gillab] results and reports: " + outDir.resolve("results.jsonl") + ", " + p.reports().html());
    }
}
