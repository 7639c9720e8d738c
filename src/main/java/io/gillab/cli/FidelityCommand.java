package io.gillab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.driver.DriverOutput;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.report.TextTable;
import io.gillab.results.MachineInfo;
import io.gillab.results.ResultsFile;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.ProcessRunner;
import io.gillab.runtime.container.ContainerLimits;
import io.gillab.stats.Stats;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gillab fidelity}: how faithfully gillab measures, as figures (a benchmark of the harness, not a
 * test): (a) the countdown workload timed through gillab on the local CPython versus the same loop timed
 * by the same interpreter directly, alternated in blocks; (b) the wall time of a default-like run split
 * into time spent measuring and overhead, per runtime.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Measure gillab's own fidelity on CPython: (a) countdown timed through gillab vs. directly "
                + "by the same interpreter; (b) a default-like run's wall time split into measuring and overhead.",
                "Prints figures and writes DIR/fidelity.json; it asserts nothing."})
final class FidelityCommand implements Callable<Integer> {
    /** The target: gillab's median within 2% of the direct median for a workload of at least 100 ms. */
    static final double TARGET_RATIO = 1.02;
    static final double TARGET_MIN_SECONDS = 0.1;

    /**
     * The direct side: the countdown workload's own loop, timed like the driver times it (perf_counter
     * around the call), with nothing else: no harness, no worker thread, no gc.collect(). The loop is in
     * a function, as in countdown.py: at module level {@code n} would be a global, which is slower on
     * CPython and would measure name lookup rather than the harness.
     */
    static final String DIRECT_SCRIPT = String.join("\n",
            "import sys, time",
            "def run(n):",
            "    while n > 0:",
            "        n -= 1",
            "    return n",
            "size, warmups, samples = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])",
            "print('interpreter %s %s' % (sys.executable, sys.version.split()[0]))",
            "clock = time.perf_counter",
            "for i in range(warmups + samples):",
            "    t0 = clock()",
            "    r = run(size)",
            "    t1 = clock()",
            "    if r != 0:",
            "        raise SystemExit('countdown ended at %r' % (r,))",
            "    print('%s %r' % ('warmup' if i < warmups else 'sample', t1 - t0))",
            "");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "python3",
            description = "The interpreter for both sides of (a) and behind cpython-local (default: ${DEFAULT-VALUE} on PATH).")
    String python;

    @Option(names = "--size", paramLabel = "UNITS", defaultValue = "14000000",
            description = "Countdown size for (a), the same on both sides (default: ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "9",
            description = "Measured samples per side per block in (a) (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "8",
            description = "Warm-up runs per side per block in (a) (default: ${DEFAULT-VALUE}: CPython 3.11+ specialises "
                    + "a function's bytecode at its 8th call, so earlier runs are ~40%% slower).")
    int warmups;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "3",
            description = "Blocks in (a); each runs gillab then direct, so drift cancels (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--skip-run-split", description = "Skip (b), the split of a default-like run's wall time.")
    boolean skipRunSplit;

    @Option(names = "--run-preset", paramLabel = "quick|default|rigorous", defaultValue = "quick",
            description = "The measuring preset of (b)'s run (default: ${DEFAULT-VALUE}: one process per trial, 5 samples, "
                    + "each runtime's warm-ups, so (b) stays within a few minutes; 'default' runs 2-3 processes per trial, "
                    + "multiplying the start-ups).")
    String runPreset;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time limit per trial and per direct process (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/fidelity-<date-time>).")
    Path out;

    private final PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 1, got " + samples);
        }
        if (warmups < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmups must be 0 or more, got " + warmups);
        }
        if (size < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size must be at least 1, got " + size);
        }
        if (blocks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--blocks must be at least 1, got " + blocks);
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (!List.of("quick", "default", "rigorous").contains(runPreset)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--run-preset must be quick, default or rigorous, got '" + runPreset + "'");
        }
        Path outDir = out != null ? out
                : Path.of("results", "fidelity-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(outDir);
        GillabHome home = GillabHome.locate();

        ObjectNode report = ResultsFile.json().createObjectNode();
        ObjectNode machine = MachineInfo.collect(ResultsFile.json());
        report.set("machine", machine);
        stdout.println("gillab fidelity -> " + outDir.toAbsolutePath());
        stdout.println("machine: " + describeMachine(machine));
        stdout.println();

        long t0 = System.nanoTime();
        int status = partA(home, outDir, report.putObject("a_gillab_vs_direct"));
        if (!skipRunSplit) {
            stdout.println();
            status = Math.max(status, partB(home, outDir, report.putObject("b_run_split")));
        }
        double total = (System.nanoTime() - t0) / 1e9;
        report.put("fidelity_wall_seconds", total);
        report.set("machine_after", MachineInfo.collect(ResultsFile.json()));
        Path file = outDir.resolve("fidelity.json");
        Files.writeString(file, ResultsFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        stdout.println();
        stdout.printf(Locale.ROOT, "fidelity took %.1f s; load average now %s; figures: %s%n", total,
                text(report.path("machine_after").path("load_average")), file.toAbsolutePath());
        return status;
    }

    // ------------------------------------------------------------------ (a) gillab vs direct

    private int partA(GillabHome home, Path outDir, ObjectNode json) throws IOException {
        stdout.printf(Locale.ROOT, "(a) countdown through gillab (cpython-local) vs. the same loop run directly by %s%n", python);
        stdout.printf(Locale.ROOT, "    size %d, %d warm-ups + %d samples per side per block, %d blocks "
                + "(gillab, direct, gillab, direct, ...)%n", size, warmups, samples, blocks);
        json.put("python", python).put("size", size).put("warmups", warmups).put("samples", samples)
                .put("blocks", blocks);
        ArrayNode blockJson = json.putArray("blocks");
        List<Double> allGillab = new ArrayList<>();
        List<Double> allDirect = new ArrayList<>();
        List<double[]> medians = new ArrayList<>();
        for (int b = 1; b <= blocks; b++) {
            ObjectNode bj = blockJson.addObject().put("block", b);

            // gillab: the driver in a child process, exactly as './gillab run --runtimes cpython-local' runs it
            ByteArrayOutputStream chatter = new ByteArrayOutputStream();
            // one process, the given warm-ups and samples, the fixed size: the direct side's exact shape
            RunOptions options = runOptions(List.of("cpython-local"), List.of("countdown"), List.of(1),
                    new Presets.Measurement("default", 1, samples, warmups, size, 0.2, "strong"),
                    outDir.resolve("a-block-" + b));
            long g0 = System.nanoTime();
            Run.Outcome outcome;
            try {
                outcome = new Run(options, home, new PrintStream(chatter, true, StandardCharsets.UTF_8)).execute();
            } catch (Run.UsageException e) {
                stdout.print(chatter.toString(StandardCharsets.UTF_8));
                stdout.println("  the gillab side could not run: " + e.getMessage());
                return 1;
            }
            double gWall = (System.nanoTime() - g0) / 1e9;
            TrialResult r = outcome.results().stream().filter(x -> x.name().equals("countdown")).findFirst().orElse(null);
            if (r == null || !r.ok()) {
                stdout.print(chatter.toString(StandardCharsets.UTF_8));
                stdout.println("  the gillab side failed: " + (r == null ? "no countdown trial" : r.status() + ": " + r.message()));
                return 1;
            }
            List<Double> g = r.measured(1);
            List<Double> gWarm = r.samples().stream().filter(Sample::warmup).map(Sample::seconds).toList();
            String gInterp = r.implementation() == null ? "?"
                    : r.implementation().path("executable").asText("?") + " " + r.implementation().path("version").asText("?");
            printSide(b, "gillab", gWarm, g, gWall, gInterp);

            // direct: the same interpreter, the bare loop, nothing else
            long d0 = System.nanoTime();
            ProcessOutput po = ProcessRunner.run(List.of(python, "-u", "-c", DIRECT_SCRIPT, Long.toString(size),
                    Integer.toString(warmups), Integer.toString(samples)), Map.of(), null, Duration.ofSeconds(timeoutSeconds));
            double dWall = (System.nanoTime() - d0) / 1e9;
            DirectRun d = DirectRun.parse(po.stdoutLines());
            if (po.timedOut() || po.exitCode() != 0 || d.samples().size() != samples) {
                stdout.println("  the direct side failed (exit " + po.exitCode() + (po.timedOut() ? ", timed out" : "")
                        + "): " + po.stderrTail().strip());
                return 1;
            }
            printSide(b, "direct", d.warmups(), d.samples(), dWall, d.interpreter());

            double gm = Stats.median(g).orElse(Double.NaN);
            double dm = Stats.median(d.samples()).orElse(Double.NaN);
            medians.add(new double[] {gm, dm});
            allGillab.addAll(g);
            allDirect.addAll(d.samples());
            bj.put("gillab_median", gm).put("direct_median", dm).put("ratio", gm / dm)
                    .put("gillab_wall_seconds", gWall).put("direct_wall_seconds", dWall)
                    .put("gillab_interpreter", gInterp).put("direct_interpreter", d.interpreter())
                    .put("gillab_results", outcome.resultsFile().path().toString());
            bj.putPOJO("gillab_samples", g).putPOJO("gillab_warmups", gWarm)
                    .putPOJO("direct_samples", d.samples()).putPOJO("direct_warmups", d.warmups());
        }

        double gm = Stats.median(allGillab).orElse(Double.NaN);
        double dm = Stats.median(allDirect).orElse(Double.NaN);
        double ratio = gm / dm;
        double[] ratios = medians.stream().mapToDouble(m -> m[0] / m[1]).toArray();
        double lo = java.util.Arrays.stream(ratios).min().orElse(Double.NaN);
        double hi = java.util.Arrays.stream(ratios).max().orElse(Double.NaN);
        double blockMedian = Stats.medianOf(ratios);
        // noise on a shared machine only ever adds time: the fastest samples are a second, robust view
        double gMin = allGillab.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double dMin = allDirect.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);

        stdout.println();
        TextTable t = new TextTable("", "median through gillab", "median direct", "ratio gillab/direct");
        for (int i = 0; i < medians.size(); i++) {
            t.add("block " + (i + 1), ms(medians.get(i)[0]), ms(medians.get(i)[1]), ratio(ratios[i]));
        }
        t.add("all " + allGillab.size() + " + " + allDirect.size(), ms(gm), ms(dm), ratio(ratio));
        t.add("(fastest sample)", ms(gMin), ms(dMin), ratio(gMin / dMin));
        stdout.print(t.render());
        stdout.printf(Locale.ROOT, "ratio spread over the %d blocks: %s .. %s (range %.4f; median of block ratios %s)%n",
                ratios.length, ratio(lo), ratio(hi), hi - lo, ratio(blockMedian));
        boolean within = withinTarget(ratio);
        boolean longEnough = dm >= TARGET_MIN_SECONDS;
        stdout.printf(Locale.ROOT, "target: ratio within %.2f (%.4f .. %.4f) for a workload of at least %.0f ms: %s%n",
                TARGET_RATIO, 1 / TARGET_RATIO, TARGET_RATIO, TARGET_MIN_SECONDS * 1000,
                !longEnough ? "not applicable (the direct median is under " + (int) (TARGET_MIN_SECONDS * 1000) + " ms; raise --size)"
                        : within ? "met" : "NOT met");
        json.put("gillab_median", gm).put("direct_median", dm).put("ratio", ratio).put("block_ratio_min", lo)
                .put("block_ratio_max", hi).put("block_ratio_median", blockMedian).put("gillab_min", gMin)
                .put("direct_min", dMin).put("min_ratio", gMin / dMin).put("target_ratio", TARGET_RATIO).put("target_met", longEnough && within);
        return 0;
    }

    static boolean withinTarget(double ratio) {
        return ratio <= TARGET_RATIO && ratio >= 1 / TARGET_RATIO;
    }

    private void printSide(int block, String side, List<Double> warm, List<Double> measured, double wall, String interp) {
        StringBuilder sb = new StringBuilder();
        for (Double s : measured) {
            sb.append(String.format(Locale.ROOT, " %.4f", s));
        }
        StringBuilder wb = new StringBuilder();
        for (Double s : warm) {
            wb.append(String.format(Locale.ROOT, " %.3f", s));
        }
        stdout.printf(Locale.ROOT, "  block %d %-6s  median %s  samples (s)%s%n", block, side,
                ms(Stats.median(measured).orElse(Double.NaN)), sb);
        stdout.printf(Locale.ROOT, "                  warm-ups (s)%s  [wall %.1f s; %s]%n", wb.length() == 0 ? " none" : wb,
                wall, interp);
    }

    /** What the direct script printed: its interpreter, warm-up and sample seconds. */
    record DirectRun(String interpreter, List<Double> warmups, List<Double> samples) {
        static DirectRun parse(List<String> lines) {
            String interp = "?";
            List<Double> warm = new ArrayList<>();
            List<Double> measured = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.strip().split("\\s+", 2);
                if (f.length < 2) {
                    continue;
                }
                try {
                    switch (f[0]) {
                        case "interpreter" -> interp = f[1];
                        case "warmup" -> warm.add(Double.parseDouble(f[1]));
                        case "sample" -> measured.add(Double.parseDouble(f[1]));
                        default -> {
                        }
                    }
                } catch (NumberFormatException ignored) {
                    // not a sample line
                }
            }
            return new DirectRun(interp, List.copyOf(warm), List.copyOf(measured));
        }
    }

    // ------------------------------------------------------------------ (b) a run's wall time, split

    private int partB(GillabHome home, Path outDir, ObjectNode json) throws IOException {
        List<String> runtimes = List.of("jython", "graalpy", "cpython");
        List<String> names = List.of("countdown", "sleep", "refcount");
        stdout.println("(b) a default-like run: --runtimes " + String.join(",", runtimes) + " --workloads "
                + String.join(",", names) + " --threads 1,2" + ("default".equals(runPreset) ? "" : " --" + runPreset)
                + " (the preset's processes, samples and warm-ups; calibrated to --min-time 0.2)");
        Presets.Measurement d = Presets.defaults();
        Presets.Measurement m = new Presets.Measurement(runPreset, null, null, null, null, d.minSeconds(), d.scaling());
        RunOptions options = runOptions(runtimes, names, List.of(1, 2), m, outDir.resolve("b-run"));
        long r0 = System.nanoTime();
        Run.Outcome outcome;
        try {
            outcome = new Run(options, home, stdout).execute();
        } catch (Run.UsageException e) {
            stdout.println("  the run could not start: " + e.getMessage());
            return 1;
        }
        double runWall = (System.nanoTime() - r0) / 1e9;

        io.gillab.trial.RunCost cost = io.gillab.trial.RunCost.of(outcome.results(), runWall);
        ArrayNode trials = json.putArray("trials");
        for (TrialResult r : outcome.results()) {
            if (r.wallSeconds() != null) {
                com.fasterxml.jackson.databind.node.ObjectNode one = (com.fasterxml.jackson.databind.node.ObjectNode)
                        io.gillab.trial.RunCost.of(List.of(r), r.wallSeconds()).toJson().get("all_trials");
                trials.add(one.put("label", r.trial()));
            }
        }
        stdout.println();
        stdout.println("Wall time per runtime, seconds. measured, warm-up, calibration, JIT wait: timed inside Python or");
        stdout.println("the worker. start-up: process/JVM/container + interpreter + driver + module load up to the first");
        stdout.println("sample, seen in each trial's first process (later processes assumed alike). rest: gc.collect and");
        stdout.println("thread start before each sample, checks, output, process exit and container removal.");
        TextTable t = new TextTable(io.gillab.trial.RunCost.HEADER);
        cost.rows().forEach(t::add);
        stdout.print(t.render());
        stdout.println(cost.footer());
        long bad = outcome.results().stream().filter(r -> r.status() == TrialResult.Status.failed
                || r.status() == TrialResult.Status.timeout).count();
        if (bad > 0) {
            stdout.println(bad + " trial(s) failed or timed out; see " + outcome.resultsFile().path());
        }
        json.setAll(cost.toJson());
        json.put("results", outcome.resultsFile().path().toString());
        return 0;
    }

    // ------------------------------------------------------------------ helpers

    /** The one place that builds RunOptions (a record that grows): change here when it does. */
    private RunOptions runOptions(List<String> runtimes, List<String> names, List<Integer> threads,
            Presets.Measurement measurement, Path dir) {
        String commandLine = "gillab " + String.join(" ", spec.commandLine().getParseResult() == null ? List.of("fidelity")
                : spec.commandLine().getParseResult().originalArgs());
        return new RunOptions(runtimes, names, threads, measurement, Duration.ofSeconds(timeoutSeconds), dir, python,
                List.of(), ContainerLimits.defaults(), commandLine, false);
    }


    private static String describeMachine(ObjectNode m) {
        return String.format(Locale.ROOT, "%s, %s CPUs (cgroup quota %s), %s GiB, kernel %s, Java %s, load average %s, governor %s",
                text(m.path("cpu_model")), text(m.path("cpu_count")), text(m.path("cgroup_cpu_quota")),
                m.path("memory_total_bytes").isNumber()
                        ? String.format(Locale.ROOT, "%.1f", m.get("memory_total_bytes").asLong() / (double) (1L << 30)) : "?",
                text(m.path("kernel")), text(m.path("java_version")), text(m.path("load_average")),
                text(m.path("cpu_governor")));
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "none";
        }
        return n.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.2f", n.asDouble()) : n.asText();
    }

    private static String ms(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.4f", r);
    }
}
