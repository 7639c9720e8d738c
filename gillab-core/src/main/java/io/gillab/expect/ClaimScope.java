package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtimes a claim is about ({@code scope:} under a claim in the table). Outside it the claim is
 * neither confirmed nor contradicted: a claim about what a GIL does says nothing about a runtime
 * without one.
 *
 * <p>Membership is read first from what the trial observed: {@code observed} names a boolean in the
 * trial's implementation metadata (the driver's {@code gil}, from {@code sys._is_gil_enabled()} where it
 * exists, else the implementation), so a free-threaded build is outside a GIL scope whatever its family.
 * Only where the trial did not record it (a failed start, an older driver) do the declared
 * {@code runtimes} keys decide; without {@code observed} they always do.
 *
 * @param observed a boolean field of the trial's implementation metadata, e.g. {@code gil}, or null
 * @param runtimes runtime keys (ids, families) in the scope when {@code observed} is unknown or not used
 * @param outside  how the report names a runtime outside, e.g. {@code no GIL}
 * @param reason   why the claim is scoped so, in a sentence
 */
public record ClaimScope(String observed, List<String> runtimes, String outside, String reason) {

    /** Why the claim does not apply to this runtime and trial, or null when it does. */
    public String excludes(String runtimeId, JsonNode implementation) {
        JsonNode seen = observed == null || implementation == null ? null : implementation.get(observed);
        if (seen != null && seen.isBoolean()) {
            if (seen.booleanValue()) {
                return null;
            }
            String from = implementation.path(observed + "_source").asText("");
            return why("the trial reported " + observed + ": false"
                    + (from.isEmpty() ? "" : ", " + observed + "_source: " + from));
        }
        if (runtimes.stream().anyMatch(k -> RuntimeKey.score(k, runtimeId, implementation) >= 0)) {
            return null;
        }
        return why("not one of " + String.join(", ", runtimes)
                + (observed == null ? "" : ", and the trial did not report " + observed));
    }

    private String why(String evidence) {
        return outside + " (" + evidence + ")" + (reason == null ? "" : ": " + reason);
    }

    static ClaimScope parse(JsonNode n, String where) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": scope must be a map with observed, runtimes, outside, reason");
        }
        for (var it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("observed", "runtimes", "outside", "reason").contains(f)) {
                throw new IllegalArgumentException(where + ": unknown scope key '" + f
                        + "' (known: observed, runtimes, outside, reason)");
            }
        }
        List<String> keys = new ArrayList<>();
        n.path("runtimes").forEach(k -> keys.add(k.asText().strip()));
        String observed = n.hasNonNull("observed") ? n.get("observed").asText().strip() : null;
        if (observed == null && keys.isEmpty()) {
            throw new IllegalArgumentException(where + ": scope needs 'observed' (a metadata field such as gil) or"
                    + " 'runtimes' (a list of runtime keys), or both");
        }
        if (!n.path("outside").isTextual()) {
            throw new IllegalArgumentException(where + ": scope needs 'outside', how a runtime outside it is named"
                    + " (e.g. no GIL)");
        }
        return new ClaimScope(observed, List.copyOf(keys), n.get("outside").asText().strip(),
                n.hasNonNull("reason") ? n.get("reason").asText().strip() : null);
    }
}
