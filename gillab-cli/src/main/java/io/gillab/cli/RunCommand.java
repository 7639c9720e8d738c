package io.gillab.cli;

import io.gillab.model.TrialResult;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.registry.RuntimeRegistry;
import io.gillab.runtime.container.ContainerLimits;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunOptions;
import io.gillab.trial.Shard;
import io.gillab.report.TerminalTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gillab run}: runs the trial matrix and prints the comparison table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run workloads and probes on each runtime; write DIR/results.jsonl and print a table.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SharedRunFlags shared;

    @Option(names = "--runtimes", split = ",", paramLabel = "ID",
            description = "Runtimes to compare (default: ${DEFAULT-VALUE}). Known: jython, graalpy, graalpy-nojit, "
                    + "cpython (containers when Docker answers, else local), cpython:<version> (container), cpython-local.")
    List<String> runtimes = RuntimeRegistry.DEFAULT_IDS;

    @Option(names = "--workloads", split = ",", paramLabel = "NAME",
            description = "Workloads and probes to run, or 'all' (default: countdown, sleep, convoy and every probe; see 'gillab list').")
    List<String> workloads;

    @Option(names = "--threads", paramLabel = "N[,N...]|A..B", converter = ThreadCounts.class,
            description = "Thread counts for workloads (default: 1 and 2, or 1..cores).")
    List<Integer> threads;

    @CommandLine.ArgGroup(exclusive = true)
    Preset preset;

    static final class Preset {
        @Option(names = "--quick", description = "One process per trial, few samples: for CI and smoke runs.")
        boolean quick;

        @Option(names = "--rigorous",
                description = "For publication: 20 processes x 3 samples on interpreters, 6 x 10 after 10 warm-ups on JITs.")
        boolean rigorous;
    }

    @Option(names = "--forks", paramLabel = "N",
            description = "Processes per trial (default: 3 on interpreters, 2 on JIT runtimes; --quick 1).")
    Integer forks;

    @Option(names = "--target-ci", paramLabel = "PERCENT",
            description = "Measure each workload until the 95%% CI of every median is within this of it (e.g. 5%%):"
                    + " forks are added (at least 2) up to --max-forks, and where the variance lies within"
                    + " processes later ones take twice the rounds, up to --max-samples.")
    String targetCi;

    @Option(names = "--max-forks", paramLabel = "N", defaultValue = "10",
            description = "With --target-ci: the most processes per trial (default: ${DEFAULT-VALUE}).")
    int maxForks;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "40",
            description = "With --target-ci: the most measured rounds per process (default: ${DEFAULT-VALUE}).")
    int maxSamples;

    @Option(names = "--samples", paramLabel = "N",
            description = "Measured rounds per process (default: 4 interpreters, 6 JIT runtimes; --quick 5).")
    Integer samples;

    @Option(names = "--warmups", paramLabel = "N",
            description = "Warm-up rounds per process, kept out of the statistics (default: 3 CPython and Jython, 10 GraalPy).")
    Integer warmups;

    @Option(names = "--scaling", paramLabel = "strong|weak", defaultValue = "strong",
            converter = RunChoices.ScalingChoice.class,
            description = "strong: the work is split over the threads; weak: every thread does all of it (default: ${DEFAULT-VALUE}).")
    RunChoices.Scaling scaling;

    @Option(names = "--size", paramLabel = "UNITS", description = "Work units per sample (default: calibrated, see --min-time).")
    Long size;

    @Option(names = "--min-time", paramLabel = "SECONDS", defaultValue = "0.2",
            description = "Without --size: calibrate each workload so a one-thread sample takes at least this long (default: ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--jit-wait", paramLabel = "SECONDS", defaultValue = "" + Presets.DEFAULT_JIT_WAIT_SECONDS,
            description = "Jython and GraalPy: before each sample, wait at most this long for the JVM's JIT compilers "
                    + "to go idle, so they do not share the cores with the workload; 0 = never (default: ${DEFAULT-VALUE}).")
    double jitWaitSeconds;

    @Option(names = "--one-thread-on", paramLabel = "worker|main", defaultValue = Presets.Measurement.WORKER,
            converter = RunChoices.OneThreadOnChoice.class,
            description = "Where a 1-thread sample runs: worker (a new thread, as the N-thread samples) or main "
                    + "(the interpreter's main thread, as pyperf); CPython's main thread can settle in a slower mode "
                    + "per process (default: ${DEFAULT-VALUE}).")
    RunChoices.OneThreadOn oneThreadOn;

    @Option(names = "--layout-seed", paramLabel = "N",
            description = "Seed of what each process randomises (environment size, warm-up order); default: drawn "
                    + "at random and recorded in run-*.json, so a run can be repeated with the same layouts.")
    Long layoutSeed;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish an interrupted run in DIR with its recorded options: only trials missing from its results.jsonl run.")
    Path resume;

    @Option(names = "--cpus", paramLabel = "N",
            description = "CPUs for each trial container (default: all cores).")
    Double cpus;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2g",
            description = "Memory limit for each trial container, e.g. 512m, 2g (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--path", paramLabel = "DIR", description = "Extra directory with workload files (repeatable).")
    List<Path> searchPaths = List.of();

    @Option(names = "--append",
            description = "Add this run to an --out folder that holds other runs (one report over all of them; a trial"
                    + " run twice counts once, its latest result). Without it such a folder is refused.")
    boolean append;

    @Option(names = "--allow-shadowing",
            description = "Let a --path file replace a built-in workload or probe of the same name (refused otherwise, "
                    + "naming both files: the built-in's claims would be judged on your code).")
    boolean allowShadowing;

    @Option(names = "--mode", split = ",", paramLabel = "MODE", converter = RunChoices.ModeChoice.class,
            description = "How the N workers of a workload run: threads (default), processes, interpreters (CPython 3.14), "
                    + "contexts (GraalPy); several give one trial each. A mode a runtime lacks is reported as not available.")
    List<RunChoices.Mode> modes = List.of(RunChoices.Mode.threads);

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Run only the i-th of n deterministic slices of the trial matrix (CI matrices); merge with 'gillab merge'.")
    String shard;

    /** --cpus and --memory; {@link RunOptions.Builder#build()} checks their range. */
    private ContainerLimits limits() {
        return new ContainerLimits(cpus != null ? cpus : Runtime.getRuntime().availableProcessors(), parseMemory(memory));
    }

    private static long parseMemory(String text) {
        var m = java.util.regex.Pattern.compile("(?i)([0-9]+)([kmg]?)b?").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--memory must look like 512m or 2g, got '" + text + "'");
        }
        long unit = switch (m.group(2).toLowerCase()) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit); // RunOptions checks the machine's bound
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("--memory " + text + " is more memory than can be counted");
        }
    }

    /** --target-ci as a fraction ("5%" or "0.05"), or null without it. */
    private Presets.Target target() {
        if (targetCi == null) {
            return null;
        }
        String t = targetCi.strip();
        double h;
        try {
            h = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--target-ci must be a percentage such as 5% (or a fraction such as 0.05), got '" + targetCi + "'");
        }
        try {
            return new Presets.Target(h, maxForks, maxSamples);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target-ci: " + e.getMessage(), e);
        }
    }

    /** The options the flags say (or, with --resume, the ones DIR was started with); checked by the builder. */
    private RunOptions options(String commandLine) {
        if (resume != null) {
            if (!java.nio.file.Files.isDirectory(resume)) {
                throw new IllegalArgumentException("--resume: no such directory: " + resume);
            }
            RunOptions recorded;
            try {
                recorded = RunOptions.recordedIn(resume, commandLine);
            } catch (java.io.IOException | RuntimeException e) {
                throw new IllegalArgumentException("--resume: " + e.getMessage(), e);
            }
            ResumeFlags.refuseContradictions(resume, recorded, typedOptions(),
                    () -> flagsAsTyped(commandLine).outDir(resume).build());
            return recorded;
        }
        RunOptions checked = flagsAsTyped(commandLine).outDir(shared.out != null ? shared.out : Path.of("results"))
                .build();
        // the default folder is created only for options that hold, so a usage error leaves nothing behind
        return shared.out != null ? checked : checked.toBuilder().outDir(shared.outDir("")).build();
    }

    /** The long names of the options typed on this command line. */
    private List<String> typedOptions() {
        return spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName()).toList();
    }

    /** The options as the flags say, without an output directory. */
    private RunOptions.Builder flagsAsTyped(String commandLine) {
        String presetName = preset == null ? "default" : preset.quick ? "quick" : preset.rigorous ? "rigorous" : "default";
        Presets.Measurement measurement = new Presets.Measurement(presetName, forks, samples, warmups, size, minSeconds,
                scaling.name(), jitWaitSeconds, oneThreadOn.name()).withTarget(target());
        Shard theShard;
        try {
            theShard = shard == null ? null : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard: " + e.getMessage(), e);
        }
        RunOptions.Builder b = shared.options().runtimes(runtimes).names(workloads).measurement(measurement)
                .searchPaths(searchPaths).limits(limits()).commandLine(commandLine)
                .modes(modes.stream().map(Enum::name).toList()).shard(theShard).layoutSeed(layoutSeed)
                .allowShadowing(allowShadowing).append(append);
        return threads != null ? b.threads(threads) : b;
    }

    @Override
    public Integer call() throws Exception {
        String commandLine = "gillab " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        RunOptions options;
        try {
            options = options(commandLine);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path outDir = options.outDir();
        long started = System.nanoTime();
        var stdout = spec.commandLine().getOut();
        stdout.println("gillab run -> " + outDir.toAbsolutePath());
        if (workloads != null && workloads.stream().distinct().count() < workloads.size()) {
            stdout.println("  note: --workloads names " + workloads.stream().filter(w -> java.util.Collections
                    .frequency(workloads, w) > 1).distinct().toList() + " more than once; each runs once");
        }
        stdout.flush();
        Run.Outcome outcome;
        try {
            var console = new java.io.PrintStream(System.out, true);
            outcome = new Run(options, GillabHome.locate(), console, ProgressBarDisplay.forTerminal(console)).execute();
        } catch (Run.UsageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        System.out.println();
        System.out.print(TerminalTable.render(outcome.results()));
        System.out.println();
        String claims = io.gillab.report.SeedClaims.renderText(
                io.gillab.expect.Expectations.load().judge(outcome.results()));
        if (!claims.isEmpty()) {
            System.out.println(claims);
        }
        var paths = new java.io.PrintWriter(System.out, true);
        paths.printf("%-12s %s%n", "results:", outcome.resultsFile().path().toAbsolutePath());
        // Reports cover the whole directory: after a resume or with shards, every trial it holds.
        io.gillab.results.ResultSet saved = io.gillab.results.ResultSet.load(outDir);
        ReportPaths.print(paths, io.gillab.report.ReportPublisher.publish(outDir, saved.results(), saved.runs()));
        long bad = count(outcome, TrialResult.Status.failed) + count(outcome, TrialResult.Status.timeout);
        if (bad > 0) {
            System.out.println(bad + " trial(s) failed or timed out; see the notes above and results.jsonl");
        }
        long ok = count(outcome, TrialResult.Status.ok);
        long skipped = count(outcome, TrialResult.Status.skipped);
        if (bad == 0 && ok == 0 && skipped > 0) {
            System.out.println("nothing was measured: every trial was skipped; see the notes above");
        }
        // Last: where the time went (also in run-*.json; the table: gillab cost DIR).
        io.gillab.trial.RunCost cost = io.gillab.trial.RunCost.of(outcome.ran(), (System.nanoTime() - started) / 1e9);
        Run.recordCost(outDir, outcome.runId(), cost);
        System.out.println(cost.summaryLine());
        return ExitCodes.ofRun(bad, ok, skipped);
    }

    private static long count(Run.Outcome outcome, TrialResult.Status status) {
        return outcome.results().stream().filter(r -> r.status() == status).count();
    }
}
