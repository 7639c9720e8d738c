package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.model.TrialResult;
import io.gillab.results.ProbeAnswer;
import io.gillab.expect.Expectations;
import io.gillab.expect.Verdict;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded results the report tests render: results.jsonl and run-*.json of real quick runs (Jython,
 * GraalPy without JIT and local CPython; countdown, sleep, convoy and the refcount probe, with the
 * failed and not-available trials those runs produced), under src/test/resources/fixtures/reports;
 * and {@link #sixRuntimes()}, a recorded run on six runtimes (fixtures/reports-six, see its README).
 */
final class ReportFixture {
    static final String DIR = "/fixtures/reports";
    static final String SIX = "/fixtures/reports-six";

    private ReportFixture() {
    }

    static Path dir() {
        return dir(DIR);
    }

    static Path dir(String resource) {
        try {
            return Path.of(ReportFixture.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TrialResult> results() throws IOException {
        return new ResultsFile(dir()).read();
    }

    static List<JsonNode> runs() throws IOException {
        return runs(dir());
    }

    /** Jython, GraalPy, CPython 3.11, 3.13 and 3.14 and PyPy, judged by the real expectations table. */
    static ReportInput sixRuntimes() throws IOException {
        List<TrialResult> results = new ResultsFile(dir(SIX)).read();
        return new ReportInput(results, runs(dir(SIX)), Expectations.load().judge(results));
    }

    private static List<JsonNode> runs(Path dir) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "run-*.json")) {
            for (Path p : s) {
                runs.add(new ObjectMapper().readTree(p.toFile()));
            }
        }
        runs.sort((a, b) -> a.path("run_id").asText().compareTo(b.path("run_id").asText()));
        return runs;
    }

    /**
     * Verdicts as the expectations table would give them for the refcount probe: CPython's 2 matches
     * the seed's claim, every other answer is a mismatch (the seed predicts 2 everywhere).
     */
    static List<Verdict> refcountVerdicts(List<TrialResult> results) {
        List<Verdict> verdicts = new ArrayList<>();
        for (TrialResult r : results) {
            if (!"refcount".equals(r.name())) {
                continue;
            }
            String observed = r.ok() ? ProbeAnswer.describe(r.name(), r.probe()) : r.status().name();
            Verdict.Outcome outcome = !r.ok() ? Verdict.Outcome.NO_DATA
                    : r.runtime().startsWith("cpython") ? Verdict.Outcome.MATCH : Verdict.Outcome.MISMATCH;
            verdicts.add(new Verdict("refcount_fresh_dict", "refcount", r.trial(), r.runtime(), observed, "2", null,
                    outcome, r.probe() == null ? null : r.probe().toString(),
                    "sys.getrefcount on a fresh dict prints 2", "2",
                    outcome == Verdict.Outcome.NO_DATA ? null : outcome == Verdict.Outcome.MATCH,
                    "https://docs.python.org/3/library/sys.html#sys.getrefcount", "the variable plus the argument"));
        }
        return verdicts;
    }

    static ReportInput input(boolean withVerdicts) throws IOException {
        List<TrialResult> results = results();
        return new ReportInput(results, runs(), withVerdicts ? refcountVerdicts(results) : List.of());
    }
}
