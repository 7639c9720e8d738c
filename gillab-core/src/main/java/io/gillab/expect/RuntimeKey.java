package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * How a runtime id picks its cell in the table. A row's keys are runtime ids ({@code cpython:3.14},
 * {@code graalpy-nojit}), families ({@code cpython}, {@code pypy}, {@code graalpy}, {@code jython}),
 * family plus version ({@code cpython:3.14} also matches a {@code local:...} CPython 3.14), or
 * {@code "*"} for every runtime. The most specific key wins: the exact id, then family:version (the
 * longest version prefix), then the family, then {@code *}.
 *
 * <p>Families: {@code cpython:*} and {@code cpython-local} are cpython; {@code pypy:*} is pypy;
 * {@code graalpy-nojit} is graalpy; any {@code x:y} is x; a {@code local:PATH} runtime takes its family
 * from the implementation the trial reported ({@code sys.implementation.name}).
 */
public final class RuntimeKey {
    private RuntimeKey() {
    }

    /** The family of a runtime id (and, for local:PATH, of the implementation it reported). */
    public static String family(String runtimeId, JsonNode implementation) {
        if (runtimeId.startsWith("local:") || runtimeId.equals("local")) {
            String name = implementation == null ? "" : implementation.path("implementation_name").asText("");
            return name.isEmpty() ? "local" : name.toLowerCase(java.util.Locale.ROOT);
        }
        if (runtimeId.equals("cpython-local")) {
            return "cpython";
        }
        if (runtimeId.startsWith("graalpy")) {
            return "graalpy";
        }
        int colon = runtimeId.indexOf(':');
        return colon < 0 ? runtimeId : runtimeId.substring(0, colon);
    }

    /** The language version a runtime runs, from its id (cpython:3.13) or what the trial reported. */
    public static String version(String runtimeId, JsonNode implementation) {
        if (implementation != null && implementation.path("version").isTextual()) {
            return implementation.get("version").asText();
        }
        int colon = runtimeId.indexOf(':');
        return colon < 0 || runtimeId.startsWith("local:") ? null : runtimeId.substring(colon + 1);
    }

    /**
     * How well a key matches a runtime: -1 no match; 0 {@code *}; 1 the family; 2 + the version prefix
     * length for family:version; 1000 the exact id.
     */
    public static int score(String key, String runtimeId, JsonNode implementation) {
        if (key.equals(runtimeId)) {
            return 1000;
        }
        if (key.equals("*")) {
            return 0;
        }
        String family = family(runtimeId, implementation);
        if (key.equals(family)) {
            return 1;
        }
        int colon = key.indexOf(':');
        if (colon > 0 && key.substring(0, colon).equals(family)) {
            String want = key.substring(colon + 1);
            String have = version(runtimeId, implementation);
            if (have != null && (have.equals(want) || have.startsWith(want + "."))) {
                return 2 + want.length();
            }
        }
        return -1;
    }

    /** The key of a row that applies to a runtime, or null when none does. */
    public static <T> String best(Map<String, T> row, String runtimeId, JsonNode implementation) {
        String best = null;
        int bestScore = -1;
        for (String key : row.keySet()) {
            int s = score(key, runtimeId, implementation);
            if (s > bestScore) {
                best = key;
                bestScore = s;
            }
        }
        return best;
    }
}
