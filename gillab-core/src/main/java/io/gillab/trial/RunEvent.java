package io.gillab.trial;

import io.gillab.model.TrialResult;

/**
 * What a run tells its display while trials run ({@link Run.Progress}): each event ends one trial of the
 * matrix, recorded or not. {@link #line()} is the text a plain display prints for it.
 */
public sealed interface RunEvent {

    String line();

    /** The {@code index}-th of {@code total} trials ended with {@code status} and is in results.jsonl. */
    record TrialFinished(int index, int total, String trial, TrialResult.Status status, String summary)
            implements RunEvent {
        @Override
        public String line() {
            return String.format("[%d/%d] %-32s %s", index, total, trial, summary);
        }
    }

    /** The run was interrupted during this trial; it is not recorded, so that a resume runs it again. */
    record TrialStopped(String trial) implements RunEvent {
        @Override
        public String line() {
            return "stopped: " + trial + " was interrupted and is not recorded";
        }
    }
}
