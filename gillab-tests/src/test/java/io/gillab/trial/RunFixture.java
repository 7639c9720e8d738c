package io.gillab.trial;

import io.gillab.expect.Expectations;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs gillab the way {@code ./gillab run} does, for tests, and caches runs shared by several tests. */
public final class RunFixture {
    private static final Map<String, Run.Outcome> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Availability> AVAILABILITY = new ConcurrentHashMap<>();

    private RunFixture() {
    }

    public static GillabHome home() {
        return GillabHome.locate();
    }

    /** The root of gillab's checkout (the launcher, bin/, docker/, .github/): the tests run in gillab-tests/. */
    public static Path checkout() {
        String p = System.getProperty("gillab.checkout");
        return (p == null || p.isBlank() ? Path.of("..") : Path.of(p)).toAbsolutePath().normalize();
    }

    /** Test fixtures (a workload that never ends, broken files) live outside python-scripts. */
    public static Path fixtures() {
        return Path.of("src/test/resources/fixtures").toAbsolutePath();
    }

    public static Availability availability(String runtimeId) {
        return AVAILABILITY.computeIfAbsent(runtimeId, id -> runtime(id).availability());
    }

    public static PythonRuntime runtime(String id) {
        return new RuntimeRegistry(home(), "python3").resolve(id);
    }

    public static Run.Outcome run(RunOptions options) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            return new Run(options, home(), out).execute();
        }
    }

    /** One cached run per key: tests that look at the same trial share it. */
    public static Run.Outcome cached(String key, RunOptions options) throws IOException {
        Run.Outcome o = CACHE.get(key);
        if (o == null) {
            o = run(options);
            CACHE.put(key, o);
        }
        return o;
    }

    /** A quick-preset run (one process per trial), as the suite measures. */
    public static RunOptions options(List<String> runtimes, List<String> names, List<Integer> threads, int samples,
            double minSeconds, Duration timeout) throws IOException {
        return options(runtimes, names, threads,
                new Presets.Measurement("quick", 1, samples, null, null, minSeconds, "strong"), timeout);
    }

    /** A run measured as {@code m}, into a new temporary directory ({@link RunOptions#outDir()}). */
    public static RunOptions options(List<String> runtimes, List<String> names, List<Integer> threads,
            Presets.Measurement m, Duration timeout) throws IOException {
        Path out = Files.createTempDirectory("gillab-test-");
        return RunOptions.builder().runtimes(runtimes).names(names).threads(threads).measurement(m).timeout(timeout)
                .outDir(out).searchPaths(List.of(fixtures())).commandLine("test").build();
    }

    /**
     * Asserts the expectations table's own verdict on {@code trial} for {@code check}: a test that repeats a
     * claim of the table judges it by the table's rule (95% interval, tolerance), not by a stricter one of its
     * own that a noisy sample can flip.
     */
    public static void assertTableHolds(String check, TrialResult trial) {
        assertTableHolds(check, trial, "trial " + trial.trial());
    }

    /** As {@link #assertTableHolds(String, TrialResult)}; the failure names the trial as {@code which}. */
    public static void assertTableHolds(String check, TrialResult trial, String which) {
        Expectations table = Expectations.load();
        Verdict v = table.judge(table.check(check), trial);
        org.junit.jupiter.api.Assertions.assertEquals(Verdict.Outcome.MATCH, v.outcome(),
                () -> check + " on " + trial.runtime() + " (" + which + "): observed " + v.observed() + ", expected "
                        + v.expected() + "; " + v.detail());
    }
}
