package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A claim the table tests: from the seed article (paraphrased) or the literature.
 *
 * @param id      e.g. {@code refcounting}
 * @param text    the claim in a sentence
 * @param source  where it comes from
 * @param scope   the runtimes it is about (null: every runtime its rows predict for)
 * @param control the rows judged against a control runtime outside the scope, or null
 */
public record Claim(String id, String text, String source, ClaimScope scope, ClaimControl control) {

    public Claim(String id, String text, String source) {
        this(id, text, source, null, null);
    }

    /** Why the claim does not apply to a trial's runtime, or null when it does. */
    public String notApplicable(String runtimeId, JsonNode implementation) {
        return scope == null ? null : scope.excludes(runtimeId, implementation);
    }
}
