package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One row of the expectations table.
 *
 * @param name      e.g. {@code refcount_fresh_dict}; unique in the table
 * @param subject   the probe or workload it reads, e.g. {@code refcount}, {@code countdown}
 * @param observe   what to read from the trial
 * @param mode      the execution mode of the trials it judges (threads unless said)
 * @param minCores  the fewest cores the trial must have had for the expectation to apply (scaling), or 0
 * @param expect    per runtime key (id, family, family:version, or *): the expectation
 * @param claim     the id of the seed's (or literature's) claim this row tests, or null
 * @param predict   per runtime key: what that claim predicts (empty without a claim)
 * @param reason    why the table expects this
 * @param source    a link or citation
 * @param tags      behaviour or scaling (from the observation), plus any the row adds (e.g. slow)
 */
public record Check(String name, String subject, Observation observe, String mode, int minCores,
        Map<String, Matcher> expect, String claim, Map<String, Matcher> predict, String reason, String source,
        List<String> tags) {

    /** The expectation for a runtime (the most specific key), or null when the row says nothing about it. */
    public Matcher expectationFor(String runtimeId, JsonNode implementation) {
        String key = RuntimeKey.best(expect, runtimeId, implementation);
        return key == null ? null : expect.get(key);
    }

    /** The key of the cell that applies to a runtime, or null. */
    public String keyFor(String runtimeId, JsonNode implementation) {
        return RuntimeKey.best(expect, runtimeId, implementation);
    }

    /** What the row's claim predicts for a runtime, or null. */
    public Matcher predictionFor(String runtimeId, JsonNode implementation) {
        String key = RuntimeKey.best(predict, runtimeId, implementation);
        return key == null ? null : predict.get(key);
    }

    public boolean isScaling() {
        return observe.isScaling();
    }
}
