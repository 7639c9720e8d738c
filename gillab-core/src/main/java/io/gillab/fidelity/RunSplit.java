package io.gillab.fidelity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.runtime.GillabHome;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunCost;
import io.gillab.trial.RunOptions;
import io.gillab.model.TrialResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Fidelity part (b): a default-like run (the preset's processes, samples and warm-ups, calibrated to the
 * default minimum time), its wall time split into time spent measuring and overhead, per runtime
 * ({@link RunCost}).
 */
public final class RunSplit {
    public static final List<String> RUNTIMES = List.of("jython", "graalpy", "cpython");
    public static final List<String> NAMES = List.of("countdown", "sleep", "refcount");
    public static final List<Integer> THREADS = List.of(1, 2);
    private static final List<String> PRESETS = List.of("quick", "default", "rigorous");

    private final RunOptions options;
    private final GillabHome home;

    /**
     * @param template the options the run derives from (interpreter, time limit, output directory)
     * @param preset   quick, default or rigorous
     * @throws IllegalArgumentException for another preset
     */
    public RunSplit(RunOptions template, GillabHome home, String preset) {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("--run-preset must be quick, default or rigorous, got '" + preset + "'");
        }
        Presets.Measurement d = Presets.defaults();
        this.options = template.toBuilder().runtimes(RUNTIMES).names(NAMES).threads(THREADS)
                .measurement(new Presets.Measurement(preset, null, null, null, null, d.minSeconds(), d.scaling()))
                .outDir(template.outDir().resolve("b-run")).build();
        this.home = home;
    }

    public String preset() {
        return options.measurement().name();
    }

    /** The run and its cost; {@code failure} says why it could not start (null: it ran). */
    public record Result(Run.Outcome outcome, RunCost cost, String failure) {
        /** Trials that failed or timed out. */
        public long bad() {
            return outcome.results().stream().filter(r -> r.status() == TrialResult.Status.failed
                    || r.status() == TrialResult.Status.timeout).count();
        }
    }

    /** Runs it, its progress lines on {@code log}. */
    public Result run(PrintStream log) throws IOException {
        long r0 = System.nanoTime();
        Run.Outcome outcome;
        try {
            outcome = new Run(options, home, log).execute();
        } catch (Run.UsageException e) {
            return new Result(null, null, "the run could not start: " + e.getMessage());
        }
        return new Result(outcome, RunCost.of(outcome.results(), (System.nanoTime() - r0) / 1e9), null);
    }

    /** Each trial's cost, the run's split and where its results are, into {@code json} (fidelity.json's part b). */
    public static void write(Result r, ObjectNode json) {
        if (r.failure() != null) {
            return;
        }
        ArrayNode trials = json.putArray("trials");
        for (TrialResult t : r.outcome().results()) {
            if (t.wallSeconds() != null) {
                ObjectNode one = (ObjectNode) RunCost.of(List.of(t), t.wallSeconds()).toJson().get("all_trials");
                trials.add(one.put("label", t.trial()));
            }
        }
        json.setAll(r.cost().toJson());
        json.put("results", r.outcome().resultsFile().path().toString());
    }
}
