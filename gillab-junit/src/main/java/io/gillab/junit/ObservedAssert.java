package io.gillab.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.expect.Check;
import io.gillab.expect.Expectations;
import io.gillab.expect.Matcher;
import io.gillab.expect.Observation;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * One observation of a trial and the expectation it must meet: a cell of an expectations table written in
 * Java, judged by the table's own rules ({@link Expectations#judge}).
 */
public final class ObservedAssert {
    private final TrialResult trial;
    private final Observation observation;
    private Matcher.Tolerance tolerance;

    ObservedAssert(TrialResult trial, Observation observation) {
        this.trial = trial;
        this.observation = observation;
    }

    /** Widens the bounds: {@code "0.1"} (absolute) or {@code "10%"} (relative), read as the table reads it. */
    public ObservedAssert withTolerance(String amount) {
        tolerance = Matcher.Tolerance.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf(amount));
        return this;
    }

    public TrialAssert isEqualTo(Object expected) {
        return judge(new Matcher.Equals(json(expected), tolerance, null));
    }

    public TrialAssert isOneOf(Object... expected) {
        return judge(new Matcher.OneOf(Arrays.stream(expected).map(ObservedAssert::json).toList(), tolerance, null));
    }

    public TrialAssert isAtLeast(double bound) {
        return judge(new Matcher.AtLeast(bound, tolerance, null));
    }

    public TrialAssert isAtMost(double bound) {
        return judge(new Matcher.AtMost(bound, tolerance, null));
    }

    public TrialAssert isBetween(double low, double high) {
        return judge(new Matcher.Range(low, high, tolerance, null));
    }

    /** Reading the value raised this exception type in the probe (e.g. AttributeError). */
    public TrialAssert raises(String exceptionType) {
        return judge(new Matcher.Absent(exceptionType, null));
    }

    /** The value is absent (or null) in the probe's result. */
    public TrialAssert isAbsent() {
        return judge(new Matcher.Absent(null, null));
    }

    private static JsonNode json(Object value) {
        return ResultsFile.json().valueToTree(value);
    }

    private TrialAssert judge(Matcher expected) {
        String name = "assertThat(" + trial.name() + ")." + observation.text();
        Check check = new Check(name, trial.name(), observation, trial.executionMode(), 0, Map.of("*", expected), null,
                Map.of(), null, null, List.of());
        Verdict v = new Expectations(Map.of(), List.of(check)).judge(check, trial);
        switch (v.outcome()) {
            case MATCH -> {
            }
            case NO_DATA -> {
                if (trial.status() == TrialResult.Status.skipped) {
                    Assumptions.abort(trial.runtime() + " not available: " + trial.message());
                }
                throw new AssertionFailedError(ExpectationTests.message(v, null));
            }
            case MISMATCH -> throw new AssertionFailedError(ExpectationTests.message(v, null), v.expected(), v.observed());
        }
        return new TrialAssert(trial);
    }
}
