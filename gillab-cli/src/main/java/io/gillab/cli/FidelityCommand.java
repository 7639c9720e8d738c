package io.gillab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.fidelity.FidelityReport;
import io.gillab.fidelity.GillabVsDirect;
import io.gillab.fidelity.RunSplit;
import io.gillab.report.TextTable;
import io.gillab.runtime.GillabHome;
import io.gillab.trial.RunCost;
import io.gillab.trial.RunOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gillab fidelity}: how faithfully gillab measures, as figures (a benchmark of the harness, not a
 * test): (a) {@link GillabVsDirect}, (b) {@link RunSplit}. The experiment is in io.gillab.fidelity; this
 * command parses its options, runs it and prints what it found.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Measure gillab's own fidelity on CPython: (a) countdown timed through gillab vs. directly "
                + "by the same interpreter; (b) a default-like run's wall time split into measuring and overhead.",
                "Prints figures and writes DIR/fidelity.json; it asserts nothing."},
        resourceBundle = "io.gillab.cli.FidelityHelp")
final class FidelityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SharedRunFlags shared;

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

    private final PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        Path outDir = shared.outDir("fidelity-");
        GillabHome home = GillabHome.locate();
        GillabVsDirect partA;
        RunSplit partB;
        try {
            RunOptions template = shared.options().outDir(outDir).commandLine(commandLine()).build();
            partA = new GillabVsDirect(template, home, new GillabVsDirect.Shape(size, samples, warmups, blocks));
            partB = new RunSplit(template, home, runPreset);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(outDir);

        FidelityReport report = new FidelityReport();
        stdout.println("gillab fidelity -> " + outDir.toAbsolutePath());
        stdout.println("machine: " + describeMachine(report.machine()));
        stdout.println();

        long t0 = System.nanoTime();
        int status = gillabVsDirect(partA, report);
        if (!skipRunSplit) {
            stdout.println();
            status = Math.max(status, runSplit(partB, report));
        }
        double total = (System.nanoTime() - t0) / 1e9;
        Path file = report.write(outDir, total);
        stdout.println();
        stdout.printf(Locale.ROOT, "fidelity took %.1f s; load average now %s; figures: %s%n", total,
                text(report.machineAfter().path("load_average")), file.toAbsolutePath());
        return status;
    }

    private String commandLine() {
        return "gillab " + String.join(" ", spec.commandLine().getParseResult() == null ? List.of("fidelity")
                : spec.commandLine().getParseResult().originalArgs());
    }

    // ------------------------------------------------------------------ (a) gillab vs direct

    private int gillabVsDirect(GillabVsDirect a, FidelityReport report) throws java.io.IOException {
        stdout.printf(Locale.ROOT, "(a) countdown through gillab (cpython-local) vs. the same loop run directly by %s%n",
                a.python());
        stdout.printf(Locale.ROOT, "    size %d, %d warm-ups + %d samples per side per block, %d blocks "
                + "(gillab, direct, gillab, direct, ...)%n", a.shape().size(), a.shape().warmups(), a.shape().samples(),
                a.shape().blocks());
        GillabVsDirect.Result r = a.run(this::printSide);
        report.add(a, r);
        if (r.failed()) {
            stdout.print(r.log());
            stdout.println("  " + r.failure());
            return 1;
        }
        double gm = r.gillabMedian();
        double dm = r.directMedian();
        double gMin = r.gillabMin();
        double dMin = r.directMin();
        stdout.println();
        TextTable t = new TextTable("", "median through gillab", "median direct", "ratio gillab/direct");
        for (GillabVsDirect.Block b : r.blocks()) {
            t.add("block " + b.number(), ms(b.gillab().median()), ms(b.direct().median()), ratio(b.ratio()));
        }
        t.add("all " + r.allGillab().size() + " + " + r.allDirect().size(), ms(gm), ms(dm), ratio(r.ratio()));
        t.add("(fastest sample)", ms(gMin), ms(dMin), ratio(gMin / dMin));
        stdout.print(t.render());
        double lo = r.blockRatioMin();
        double hi = r.blockRatioMax();
        stdout.printf(Locale.ROOT, "ratio spread over the %d blocks: %s .. %s (range %.4f; median of block ratios %s)%n",
                r.blocks().size(), ratio(lo), ratio(hi), hi - lo, ratio(r.blockRatioMedian()));
        int minMs = (int) (GillabVsDirect.TARGET_MIN_SECONDS * 1000);
        stdout.printf(Locale.ROOT, "target: ratio within %.2f (%.4f .. %.4f) for a workload of at least %.0f ms: %s%n",
                GillabVsDirect.TARGET_RATIO, 1 / GillabVsDirect.TARGET_RATIO, GillabVsDirect.TARGET_RATIO,
                GillabVsDirect.TARGET_MIN_SECONDS * 1000,
                !r.longEnough() ? "not applicable (the direct median is under " + minMs + " ms; raise --size)"
                        : r.targetMet() ? "met" : "NOT met");
        return 0;
    }

    private void printSide(int block, String side, GillabVsDirect.Side s) {
        StringBuilder sb = new StringBuilder();
        for (Double x : s.samples()) {
            sb.append(String.format(Locale.ROOT, " %.4f", x));
        }
        StringBuilder wb = new StringBuilder();
        for (Double x : s.warmups()) {
            wb.append(String.format(Locale.ROOT, " %.3f", x));
        }
        stdout.printf(Locale.ROOT, "  block %d %-6s  median %s  samples (s)%s%n", block, side, ms(s.median()), sb);
        stdout.printf(Locale.ROOT, "                  warm-ups (s)%s  [wall %.1f s; %s]%n", wb.length() == 0 ? " none" : wb,
                s.wallSeconds(), s.interpreter());
    }

    // ------------------------------------------------------------------ (b) a run's wall time, split

    private int runSplit(RunSplit b, FidelityReport report) throws java.io.IOException {
        stdout.println("(b) a default-like run: --runtimes " + String.join(",", RunSplit.RUNTIMES) + " --workloads "
                + String.join(",", RunSplit.NAMES) + " --threads 1,2"
                + ("default".equals(b.preset()) ? "" : " --" + b.preset())
                + " (the preset's processes, samples and warm-ups; calibrated to --min-time 0.2)");
        RunSplit.Result r = b.run(stdout);
        report.add(r);
        if (r.failure() != null) {
            stdout.println("  " + r.failure());
            return 1;
        }
        stdout.println();
        stdout.println("Wall time per runtime, seconds. measured, warm-up, calibration, JIT wait: timed inside Python or");
        stdout.println("the worker. start-up: process/JVM/container + interpreter + driver + module load up to the first");
        stdout.println("sample, seen in each trial's first process (later processes assumed alike). rest: gc.collect and");
        stdout.println("thread start before each sample, checks, output, process exit and container removal.");
        TextTable t = new TextTable(RunCost.HEADER);
        r.cost().rows().forEach(t::add);
        stdout.print(t.render());
        stdout.println(r.cost().footer());
        if (r.bad() > 0) {
            stdout.println(r.bad() + " trial(s) failed or timed out; see " + r.outcome().resultsFile().path());
        }
        return 0;
    }

    // ------------------------------------------------------------------ helpers

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
