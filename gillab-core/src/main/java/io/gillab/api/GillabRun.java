package io.gillab.api;

import io.gillab.expect.Expectations;
import io.gillab.report.ReportPublisher;
import io.gillab.results.ResultSet;
import io.gillab.runtime.GillabHome;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run, built step by step ({@link Gillab#run()}); {@link #execute()} runs it. Every option has the
 * command line's default and is checked as {@code ./gillab run} checks it: a bad value is an
 * {@link IllegalArgumentException} naming the option, before anything runs.
 */
public final class GillabRun {
    private List<String> runtimes = Runtimes.DEFAULT;
    private List<String> workloads = List.of();
    private final List<Path> paths = new ArrayList<>();
    private List<Integer> threads;
    private String preset = "default";
    private Integer forks;
    private Integer samples;
    private Integer warmups;
    private Duration timeout;
    private Path out;
    private boolean append;
    private String localPython = "python3";
    private Expectations table;
    private boolean reports = true;
    private PrintStream log;

    GillabRun() {
    }

    /** Runtime names as {@code --python} takes them: jython, graalpy, cpython (every local image), cpython:3.13, pypy, ... */
    public GillabRun runtimes(String... ids) {
        return runtimes(List.of(ids));
    }

    public GillabRun runtimes(List<String> ids) {
        runtimes = List.copyOf(ids);
        return this;
    }

    /** Workloads and probes by name (built in, or found in a {@link #path}); none given: the default set. */
    public GillabRun workloads(String... names) {
        return workloads(List.of(names));
    }

    public GillabRun workloads(List<String> names) {
        workloads = List.copyOf(names);
        return this;
    }

    /** A folder of the project's own workloads and probes (searched before the built-in ones). */
    public GillabRun path(Path dir) {
        paths.add(dir.toAbsolutePath());
        return this;
    }

    public GillabRun threads(int... counts) {
        threads = Arrays.stream(counts).boxed().toList();
        return this;
    }

    /** One process per trial, few samples: for tests and CI ({@code --quick}). */
    public GillabRun quick() {
        preset = "quick";
        return this;
    }

    /** More processes and samples, for figures to publish ({@code --rigorous}). */
    public GillabRun rigorous() {
        preset = "rigorous";
        return this;
    }

    public GillabRun forks(int n) {
        forks = n;
        return this;
    }

    public GillabRun samples(int n) {
        samples = n;
        return this;
    }

    public GillabRun warmups(int n) {
        warmups = n;
        return this;
    }

    /** The longest one trial may take. */
    public GillabRun timeout(Duration t) {
        timeout = t;
        return this;
    }

    /** Where results.jsonl and the reports go (default: a new folder under the system's temp folder). */
    public GillabRun out(Path dir) {
        out = dir;
        return this;
    }

    /** Add this run to a folder that already holds others, for one report over all ({@code --append}). */
    public GillabRun append() {
        append = true;
        return this;
    }

    /** The interpreter {@code cpython-local} runs. */
    public GillabRun localPython(String executable) {
        localPython = executable;
        return this;
    }

    /** The table the reports judge the trials by (default: gillab's own). */
    public GillabRun expectations(Expectations t) {
        table = t;
        return this;
    }

    /** Skip report.html, report.md and results.csv (results.jsonl is always written). */
    public GillabRun withoutReports() {
        reports = false;
        return this;
    }

    /** Where the run's progress lines go (default: nowhere). */
    public GillabRun log(PrintStream stream) {
        log = stream;
        return this;
    }

    /** The options as the command line would have them; throws IllegalArgumentException on a bad one. */
    public RunOptions options() throws IOException {
        Presets.Measurement base = Presets.defaults();
        Presets.Measurement m = new Presets.Measurement(preset, forks, samples, warmups, null, base.minSeconds(),
                base.scaling());
        RunOptions.Builder b = RunOptions.builder().runtimes(runtimes).measurement(m).localPython(localPython)
                .searchPaths(List.copyOf(paths)).append(append)
                .outDir(out != null ? out : Files.createTempDirectory("gillab-run-"))
                .commandLine("Gillab.run() " + String.join(",", runtimes) + " " + String.join(",", workloads));
        if (!workloads.isEmpty()) {
            b.names(workloads);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.build();
    }

    /** Runs every trial and writes results.jsonl (and, unless told not to, the reports) in the out folder. */
    public RunResults execute() throws IOException {
        RunOptions options = options();
        PrintStream sink = log != null ? log : new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Run.Outcome outcome;
        try {
            outcome = new Run(options, GillabHome.locate(), sink).execute();
        } catch (Run.UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Path dir = options.outDir();
        ReportPublisher.Published published = null;
        if (reports) {
            ResultSet saved = ResultSet.load(dir);
            published = ReportPublisher.publish(dir, saved.results(), saved.runs(),
                    table != null ? table : Expectations.load());
        }
        return new RunResults(outcome.runId(), dir, outcome.results(), published == null ? null : published.reports().html());
    }
}
