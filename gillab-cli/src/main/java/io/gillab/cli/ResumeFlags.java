package io.gillab.cli;

import io.gillab.trial.Presets;
import io.gillab.trial.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code --resume DIR} runs with the options DIR was started with. A flag typed beside it that says otherwise
 * would be silently ignored, so it is refused, naming each contradiction; a flag that repeats the recorded
 * value (the same command line run again with --resume) is fine.
 */
final class ResumeFlags {
    /** What each run flag sets, read from the options (flags not here are not run options: --help). */
    private static final Map<String, Function<RunOptions, Object>> SETS = Map.ofEntries(
            Map.entry("--runtimes", RunOptions::runtimes),
            Map.entry("--workloads", RunOptions::names),
            Map.entry("--threads", RunOptions::threads),
            Map.entry("--quick", o -> o.measurement().name()),
            Map.entry("--rigorous", o -> o.measurement().name()),
            Map.entry("--forks", o -> o.measurement().forks()),
            Map.entry("--samples", o -> o.measurement().samples()),
            Map.entry("--warmups", o -> o.measurement().warmups()),
            Map.entry("--size", o -> o.measurement().size()),
            Map.entry("--min-time", o -> o.measurement().minSeconds()),
            Map.entry("--scaling", o -> o.measurement().scaling()),
            Map.entry("--jit-wait", o -> o.measurement().jitWaitSeconds()),
            Map.entry("--one-thread-on", o -> o.measurement().oneThreadOn()),
            Map.entry("--target-ci", o -> target(o.measurement())),
            Map.entry("--max-forks", o -> target(o.measurement())),
            Map.entry("--max-samples", o -> target(o.measurement())),
            Map.entry("--cpus", o -> o.limits().cpus()),
            Map.entry("--memory", o -> o.limits().memoryBytes()),
            Map.entry("--path", o -> o.searchPaths().stream().map(p -> p.toAbsolutePath().normalize()).toList()),
            Map.entry("--python", RunOptions::localPython),
            Map.entry("--timeout", RunOptions::timeout),
            Map.entry("--mode", RunOptions::modes),
            Map.entry("--shard", RunOptions::shard),
            Map.entry("--layout-seed", RunOptions::layoutSeed),
            Map.entry("--allow-shadowing", RunOptions::allowShadowing),
            Map.entry("--out", o -> o.outDir().toAbsolutePath().normalize()));

    private ResumeFlags() {
    }

    private static Object target(Presets.Measurement m) {
        return m.target();
    }

    /**
     * @param typed   the long names of the options on the command line
     * @param asTyped the options those flags make (with DIR as the output directory), built only when needed
     */
    static void refuseContradictions(Path dir, RunOptions recorded, List<String> typed, Supplier<RunOptions> asTyped) {
        List<String> flags = typed.stream().filter(SETS::containsKey).distinct().toList();
        if (flags.isEmpty()) {
            return;
        }
        RunOptions given = asTyped.get();
        List<String> contradictions = new ArrayList<>();
        for (String flag : flags) {
            Object mine = SETS.get(flag).apply(given);
            Object theirs = SETS.get(flag).apply(recorded);
            // runtimes are recorded as resolved ids (cpython -> cpython:3.13): a typed alias is not a contradiction
            boolean same = Objects.equals(mine, theirs) || flag.equals("--runtimes")
                    && recordedAsTyped(dir).equals(mine);
            if (!same) {
                contradictions.add(flag + " " + words(mine) + " (recorded: " + words(theirs) + ")");
            }
        }
        if (!contradictions.isEmpty()) {
            throw new IllegalArgumentException("--resume " + dir + " runs with the options recorded there; "
                    + String.join(", ", contradictions) + " would be ignored: leave "
                    + (contradictions.size() == 1 ? "it" : "them") + " out, or start a new run in another folder");
        }
    }

    /** The runtimes as they were typed when the run started ({@code options.runtimes} of its run-*.json). */
    private static List<String> recordedAsTyped(Path dir) {
        try {
            Path record = io.gillab.results.ResultSet.runRecords(dir).stream().findFirst().orElse(null);
            if (record == null) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            io.gillab.results.ResultsFile.json().readTree(record.toFile()).path("options").path("runtimes")
                    .forEach(n -> ids.add(n.asText()));
            return ids;
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String words(Object value) {
        return value instanceof java.time.Duration d ? d.toSeconds() + " s" : String.valueOf(value);
    }
}
