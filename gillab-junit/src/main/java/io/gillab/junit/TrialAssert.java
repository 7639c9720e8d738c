package io.gillab.junit;

import io.gillab.expect.Observation;
import io.gillab.model.TrialResult;
import org.opentest4j.AssertionFailedError;

/** Assertions on one trial ({@link GillabAssertions#assertThat}). */
public final class TrialAssert {
    private final TrialResult trial;

    TrialAssert(TrialResult trial) {
        if (trial == null) {
            throw new AssertionFailedError("no trial to judge (null)");
        }
        this.trial = trial;
    }

    /** The trial ran to the end and its results were checked ({@code status ok}). */
    public TrialAssert isOk() {
        if (trial.status() != TrialResult.Status.ok) {
            throw new AssertionFailedError(trial.name() + "[" + trial.runtime() + "]: expected status ok, was "
                    + trial.status() + (trial.message() == null ? "" : ": " + trial.message())
                    + (trial.stderrTail() == null || trial.stderrTail().isBlank() ? "" : "\n  stderr: " + trial.stderrTail().strip()),
                    "ok", String.valueOf(trial.status()));
        }
        return this;
    }

    /** Median time at 1 thread / median at {@code threads} threads, with its 95% interval. */
    public ObservedAssert speedup(int threads) {
        return observe("speedup(" + threads + ")");
    }

    /** Process CPU time / wall time during the {@code threads}-thread samples. */
    public ObservedAssert cpuPerWall(int threads) {
        return observe("cpu_per_wall(" + threads + ")");
    }

    /** A value in a probe's result: dotted ({@code counter_inplace.lost}) or a JSON pointer. */
    public ObservedAssert value(String path) {
        return observe(path);
    }

    /** Anything the expectations table's {@code observe} column accepts. */
    public ObservedAssert observe(String observation) {
        return new ObservedAssert(trial, Observation.parse(observation, "assertThat(" + trial.name() + ")"));
    }
}
