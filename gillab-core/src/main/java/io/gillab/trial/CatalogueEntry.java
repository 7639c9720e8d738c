package io.gillab.trial;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload or probe as the driver lists it.
 *
 * @param threads the thread counts the workload declares for itself (e.g. the convoy's 0, 1, 2 CPU
 *                threads), or null to use the run's {@code --threads}
 * @param group   which part of the catalogue it belongs to ({@link #GROUPS}, or a file's own); a file that
 *                names none is a {@value #BENCHMARK} when a workload, a {@value #BEHAVIOUR_PROBE} when a probe
 * @param origin  where it comes from, e.g. "CPython Tools/ftscalingbench (object_cfunction)";
 *                {@value #GILLAB} when the file names none
 * @param rounds  the most measured rounds per fork the workload needs (its ROUNDS, e.g. the convoy's 3: each
 *                of its samples already holds hundreds of requests), used when the run sets no
 *                {@code --samples} and the preset would take more; null for the preset's count
 * @param interpreterWarmups the most warm-up rounds per fork the workload needs on an interpreter without a JIT
 *                (its INTERPRETER_WARMUPS, e.g. the convoy's 1), used when the run sets no {@code --warmups};
 *                null for the runtime's count. JIT runtimes always get theirs.
 */
public record CatalogueEntry(String name, String kind, String description, String prediction, Long defaultSize,
        String file, List<Integer> threads, String group, String origin, Integer rounds, Integer interpreterWarmups) {

    public static final String BENCHMARK = "benchmark";
    public static final String SCALING_PATTERN = "scaling pattern";
    public static final String BEHAVIOUR_PROBE = "behaviour probe";
    public static final String GIL_SEMANTICS = "GIL semantics";
    /** The catalogue's groups in the order {@code gillab list} shows them; any other group comes after. */
    public static final List<String> GROUPS = List.of(BENCHMARK, SCALING_PATTERN, BEHAVIOUR_PROBE, GIL_SEMANTICS);
    public static final String GILLAB = "gillab";

    public CatalogueEntry {
        group = group == null || group.isBlank() ? defaultGroup(kind) : group;
        origin = origin == null || origin.isBlank() ? GILLAB : origin;
    }

    /** An entry that asks for no number of warm-up rounds. */
    public CatalogueEntry(String name, String kind, String description, String prediction, Long defaultSize,
            String file, List<Integer> threads, String group, String origin, Integer rounds) {
        this(name, kind, description, prediction, defaultSize, file, threads, group, origin, rounds, null);
    }

    /** An entry that asks for no number of rounds. */
    public CatalogueEntry(String name, String kind, String description, String prediction, Long defaultSize,
            String file, List<Integer> threads, String group, String origin) {
        this(name, kind, description, prediction, defaultSize, file, threads, group, origin, null);
    }

    /** An entry whose file names no group or origin: the defaults. */
    public CatalogueEntry(String name, String kind, String description, String prediction, Long defaultSize,
            String file, List<Integer> threads) {
        this(name, kind, description, prediction, defaultSize, file, threads, null, null);
    }

    /** The group of an entry (or a recorded trial) that names none. */
    public static String defaultGroup(String kind) {
        return "probe".equals(kind) ? BEHAVIOUR_PROBE : BENCHMARK;
    }

    public boolean isProbe() {
        return "probe".equals(kind);
    }

    /** The measured rounds per fork: the run's own {@code --samples} if set, else the preset's, at most {@link #rounds}. */
    public int roundsFor(Integer runSamples, int presetSamples) {
        if (runSamples != null) {
            return runSamples;
        }
        return rounds == null ? presetSamples : Math.min(presetSamples, rounds);
    }

    /**
     * The warm-up rounds per fork: the run's own {@code --warmups} if set; else the runtime's, at most
     * {@link #interpreterWarmups} on an interpreter without a JIT.
     */
    public int warmupsFor(Integer runWarmups, int runtimeWarmups, boolean jit) {
        if (runWarmups != null) {
            return runWarmups;
        }
        return jit || interpreterWarmups == null ? runtimeWarmups : Math.min(runtimeWarmups, interpreterWarmups);
    }

    static CatalogueEntry fromRecord(JsonNode n) {
        List<Integer> threads = null;
        if (n.path("threads").isArray()) {
            threads = new ArrayList<>();
            for (JsonNode t : n.get("threads")) {
                threads.add(t.asInt());
            }
        }
        return new CatalogueEntry(n.path("name").asText(), n.path("kind").asText(), n.path("description").asText(""),
                n.path("prediction").asText(""), n.hasNonNull("default_size") ? n.get("default_size").asLong() : null,
                n.path("file").asText(""), threads, n.path("group").asText(null), n.path("origin").asText(null),
                intOrNull(n.path("rounds")), intOrNull(n.path("interpreter_warmups")));
    }

    private static Integer intOrNull(JsonNode v) {
        return v.canConvertToInt() && v.isIntegralNumber() ? v.asInt() : null;
    }
}
