package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.container.ContainerLimits;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import io.gillab.trial.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs gillab on fault fixtures ({@code src/test/resources/fixtures/faults}) the way {@code ./gillab run
 * --quick} does, keeps its log, and checks what every fault test checks: the run went on, and every trial,
 * the ones before the fault included, is intact in results.jsonl.
 */
final class FaultRun {
    private FaultRun() {
    }

    static Path faults() {
        return RunFixture.fixtures().resolve("faults");
    }

    static Availability need(String runtime) {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        return a;
    }

    static RunOptions options(List<String> runtimes, List<String> names, Duration timeout, ContainerLimits limits,
            Path... searchPaths) throws IOException {
        Path out = Files.createTempDirectory("gillab-faults-");
        // One process, one measured sample, no warm-up: the faults strike in the first sample.
        Presets.Measurement m = new Presets.Measurement("quick", 1, 1, 0, null, 0.01, "strong");
        List<Path> paths = searchPaths.length == 0 ? List.of(RunFixture.fixtures(), faults()) : List.of(searchPaths);
        return RunOptions.builder().runtimes(runtimes).names(names).threads(List.of(1)).measurement(m).timeout(timeout)
                .outDir(out).searchPaths(paths).limits(limits == null ? ContainerLimits.defaults() : limits)
                .commandLine("test").build();
    }

    /** A finished run and what it printed. */
    record Result(Run.Outcome outcome, String log) {
        Map<String, TrialResult> byName() {
            return outcome.results().stream().collect(Collectors.toMap(TrialResult::name, Function.identity(),
                    (a, b) -> a, java.util.LinkedHashMap::new));
        }

        TrialResult get(String name) {
            TrialResult r = byName().get(name);
            assertTrue(r != null, () -> "no result for " + name + "; log:\n" + log);
            return r;
        }

        /** The run went on past the fault, and results.jsonl holds every trial in order, whole. */
        void assertAllRecorded(List<String> names) throws IOException {
            List<TrialResult> saved = outcome.resultsFile().read();
            assertEquals(names, saved.stream().map(TrialResult::name).toList(), log);
            long lines = Files.readAllLines(outcome.resultsFile().path()).stream().filter(l -> !l.isBlank()).count();
            assertEquals(names.size(), lines, "every line of results.jsonl parses");
            for (TrialResult r : saved) {
                // The progress line names the trial and says what happened to it.
                assertTrue(log.contains(r.trial()), () -> r.trial() + " not named in the log:\n" + log);
                if (r.message() != null && r.status() != TrialResult.Status.ok) {
                    assertTrue(log.contains(r.message().substring(0, Math.min(60, r.message().length()))),
                            () -> "message of " + r.trial() + " not in the log:\n" + log);
                }
            }
        }
    }

    static Result run(RunOptions options) throws IOException {
        return run(options, RunFixture.home());
    }

    static Result run(RunOptions options, GillabHome home) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Run.Outcome o = new Run(options, home, out).execute();
            Result r = new Result(o, log.toString(StandardCharsets.UTF_8));
            o.results().forEach(FaultRun::remember);
            return r;
        }
    }

    /** A usage error (a broken workload file) for the fault table. */
    static void rememberUsage(String name, String message) {
        append("(before any trial)\t" + name + "\tusage error\t" + message.replace('\n', ' ') + "\n");
    }

    private static void append(String line) {
        try {
            Path table = Path.of("target", "fault-messages.tsv");
            Files.createDirectories(table.getParent());
            Files.writeString(table, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only a convenience
        }
    }

    /**
     * Each fault's status and message, one line per trial in target/fault-messages.tsv: the fault table
     * of docs/faults.md is copied from there.
     */
    static void remember(TrialResult r) {
        append(r.runtime() + "\t" + r.name() + "\t" + r.status() + "\t"
                + (r.message() == null ? "" : r.message().replace('\n', ' ')) + "\n");
    }
}
