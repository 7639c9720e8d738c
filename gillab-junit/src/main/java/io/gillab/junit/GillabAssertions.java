package io.gillab.junit;

import io.gillab.model.TrialResult;

/**
 * Assertions on a trial, judged by the same rules as the expectations table's cells (95% intervals for
 * speedups, tolerances), failing with the observed value, the expectation and the evidence:
 *
 * <pre>{@code
 * assertThat(trial).isOk();
 * assertThat(trial).speedup(2).isAtMost(1.3);
 * assertThat(trial).value("counter_inplace.lost").isEqualTo(0);
 * assertThat(trial).value("getrefcount").raises("AttributeError");
 * }</pre>
 */
public final class GillabAssertions {
    private GillabAssertions() {
    }

    public static TrialAssert assertThat(TrialResult trial) {
        return new TrialAssert(trial);
    }
}
