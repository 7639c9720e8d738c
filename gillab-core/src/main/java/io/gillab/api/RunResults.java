package io.gillab.api;

import io.gillab.model.TrialResult;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What a run measured: its trials as the results model, where they were written, and the report.
 *
 * @param runId  as in run-*.json
 * @param dir    the folder holding results.jsonl and the reports
 * @param trials every trial of the run (failed and skipped ones too, with their reason)
 * @param report report.html, or null when the run wrote no reports
 */
public record RunResults(String runId, Path dir, List<TrialResult> trials, Path report) {

    public RunResults {
        trials = List.copyOf(trials);
    }

    /** The threads-mode trial of a workload or probe on a runtime. */
    public Optional<TrialResult> find(String workload, String runtime) {
        return trials.stream().filter(t -> t.name().equals(workload) && t.runtime().equals(runtime)
                && io.gillab.model.ExecutionMode.THREADS.equals(t.executionMode())).findFirst();
    }

    /** As {@link #find}, or an exception naming what the run holds. */
    public TrialResult trial(String workload, String runtime) {
        return find(workload, runtime).orElseThrow(() -> new NoSuchElementException("no trial of " + workload
                + " on " + runtime + " in this run (it has: " + trials.stream().map(t -> t.name() + " on "
                        + t.runtime()).distinct().toList() + ")"));
    }
}
