package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.expect.Expectations;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every derived file of a results directory — analysis.json, report.html, report.md,
 * results.csv and the pyperf exports — from the raw trials, with the expectations table judged on
 * them. Used at the end of {@code gillab run}, by {@code gillab report} and {@code gillab merge}, and
 * by the test suite; the raw results.jsonl is never rewritten here.
 */
public final class ReportPublisher {
    private ReportPublisher() {
    }

    /** The paths written, for the user. */
    public record Published(Path analysis, Reports.Written reports) {
    }

    public static Published publish(Path dir, List<TrialResult> results, List<JsonNode> runs) throws IOException {
        return publish(dir, results, runs, Expectations.load());
    }

    /** As above, judged with another table (a project's own). */
    public static Published publish(Path dir, List<TrialResult> results, List<JsonNode> runs, Expectations table)
            throws IOException {
        List<Verdict> verdicts = table.judge(results);
        Path analysis = AnalysisFile.write(dir, results);
        Reports.Written written = Reports.write(dir, new ReportInput(results, runs, verdicts));
        return new Published(analysis, written);
    }
}
