package io.gillab.expect;

import io.gillab.trial.TrialResult;
import java.util.List;

/**
 * The expectations table ({@code src/main/resources/expectations.yaml}): for every probe and for the
 * scaling direction of every workload, what each implementation is expected to do, and the seed's
 * claims beside them. Used by the comparison test suite (assertions) and by the reports (the
 * behaviour matrix).
 */
public final class Expectations {

    /** The table bundled with gillab. */
    public static Expectations load() {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Every expectation that applies to one of these results, judged. */
    public List<Verdict> judge(List<TrialResult> results) {
        throw new UnsupportedOperationException("not written yet");
    }
}
