package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import java.util.List;

/**
 * Everything the reports are drawn from: the trials, the metadata of each run that produced them
 * (one {@code run-*.json} per run, resume or CI shard) and the expectations judged on them.
 *
 * @param results  every trial, in matrix order
 * @param runs     the contents of each run-*.json (machine, versions, options, command line)
 * @param verdicts the expectations table judged on the results (may be empty)
 */
public record ReportInput(List<TrialResult> results, List<JsonNode> runs, List<Verdict> verdicts) {
}
