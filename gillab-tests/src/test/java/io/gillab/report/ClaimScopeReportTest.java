package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.driver.DriverOutput;
import io.gillab.expect.Expectations;
import io.gillab.expect.Verdict;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims judged only where they apply, on the recorded fixture (Jython, GraalPy without JIT and CPython
 * 3.11): the GIL claims are not applicable to Jython, and the convoy's claim line gives the GIL's share
 * against Jython where both were measured in the same run (GraalPy), and says why not where they were
 * not (CPython's convoy comes from a second run).
 */
class ClaimScopeReportTest {
    static final String GIL_CLAIM = "Only the thread holding the GIL";
    static final String IO_CLAIM = "I/O-bound threads are not hurt by the GIL";

    private static List<TrialResult> results;
    private static List<Verdict> verdicts;
    private static List<SeedClaims.Line> lines;

    @BeforeAll
    static void judge() throws IOException {
        results = ReportFixture.results();
        verdicts = Expectations.load().judge(results);
        lines = SeedClaims.of(verdicts);
    }

    static SeedClaims.Line line(String claimStart) {
        return lines.stream().filter(l -> l.claim().startsWith(claimStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + claimStart + " in " + lines));
    }

    static TrialResult trial(String id) {
        return results.stream().filter(r -> r.trial().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFixtureHasWhatTheseTestsNeed() {
        assertTrue(trial("jython/convoy").implementation().path("gil").isBoolean(), "Jython's trial recorded gil");
        assertFalse(trial("jython/convoy").implementation().path("gil").booleanValue());
        assertTrue(trial("cpython-local/countdown").implementation().path("gil").booleanValue());
        assertEquals(trial("jython/convoy").runId(), trial("graalpy-nojit/convoy").runId(), "one run");
        assertFalse(trial("jython/convoy").runId().equals(trial("cpython-local/convoy").runId()), "two runs");
    }

    @Test
    void gilClaimsAreNotApplicableToJython() {
        for (String claim : List.of(GIL_CLAIM, IO_CLAIM)) {
            SeedClaims.Line l = line(claim);
            assertFalse(l.confirmed().contains("jython"), claim + ": " + l);
            assertFalse(l.contradicted().containsKey("jython"), claim + ": " + l);
            String why = l.notApplicable().get("jython");
            assertNotNull(why, claim + ": " + l);
            assertTrue(why.startsWith("no GIL (the trial reported gil: false, gil_source: implementation)"), why);
            // the GIL runtimes stay judged
            assertTrue(l.confirmed().contains("cpython-local") || l.contradicted().containsKey("cpython-local"),
                    claim + ": " + l);
        }
        // no verdict on a Jython trial confirms or contradicts a GIL claim
        for (Verdict v : verdicts) {
            if (v.runtime().equals("jython") && v.claim() != null && v.claim().contains("GIL")) {
                assertEquals(null, v.claimHolds(), v.check());
                assertNotNull(v.notApplicable(), v.check());
            }
        }
        String text = SeedClaims.renderText(verdicts);
        assertTrue(text.contains("    not applicable: jython: no GIL"), text);
        assertFalse(text.contains("CONTRADICTED:   jython"), text);
    }

    @Test
    void refcountingStaysJudgedForJythonAndIsNotApplicableToGraalPy() {
        SeedClaims.Line l = line("Reference counting is used by");
        assertTrue(l.confirmed().contains("jython"), l.toString());
        assertTrue(l.notApplicable().get("graalpy-nojit").startsWith("not named by the claim"), l.toString());
    }

    @Test
    void theConvoyLineGivesTheGilsShareAgainstJythonInTheSameRun() {
        double jython = p99Ratio(trial("jython/convoy"));
        double graalpy = p99Ratio(trial("graalpy-nojit/convoy"));
        String control = line(IO_CLAIM).controls().get("graalpy-nojit");
        assertNotNull(control, line(IO_CLAIM).toString());
        assertEquals(String.format(Locale.ROOT,
                "convoy_p99_ratio_1_cpu_thread %.2fx vs %.2fx on jython (no GIL) in the same run: the GIL's share %.2fx",
                graalpy, jython, graalpy / jython), control);
        assertTrue(SeedClaims.renderText(verdicts).contains("    control:        graalpy-nojit: " + control));
    }

    @Test
    void noShareFromAControlOfAnotherRun() {
        String control = line(IO_CLAIM).controls().get("cpython-local");
        assertNotNull(control, line(IO_CLAIM).toString());
        assertFalse(control.contains(" vs "), control);
        assertTrue(control.contains("no control (no GIL) in the same run"), control);
        assertTrue(control.contains("jython's " + String.format(Locale.ROOT, "%.2fx", p99Ratio(trial("jython/convoy")))
                + " is from run " + trial("jython/convoy").runId()), control);
    }

    @Test
    void reportsSayNotApplicableAndGiveTheShare(@TempDir Path dir) throws IOException {
        Reports.Written w = Reports.write(dir, new ReportInput(results, ReportFixture.runs(), verdicts));
        String md = Files.readString(w.markdown());
        String claims = md.substring(md.indexOf("## Seed claims"));
        assertTrue(claims.contains("| not applicable to | against a control |"), claims);
        assertTrue(claims.contains("**jython**: no GIL (the trial reported gil: false"), claims);
        assertTrue(claims.contains("the GIL's share"), claims);
        assertTrue(md.contains("(seed n/a)"), "the matrix marks Jython's cells");
        String html = Files.readString(w.html());
        assertTrue(html.contains("<div class=\"na\"><b>jython</b>: no GIL"), "html claims section");
        assertTrue(html.contains("seed&#39;s claim: not applicable") || html.contains("seed's claim: not applicable"),
                "html matrix cell");
    }

    /** The median of latency_p99 at 1 CPU thread over its median at none, computed here from the samples. */
    static double p99Ratio(TrialResult r) {
        return smallest(r, 1) / smallest(r, 0);
    }

    static double smallest(TrialResult r, int threads) {
        return r.samples().stream().filter(s -> !s.warmup() && s.threads() == threads)
                .mapToDouble((Sample s) -> s.metrics().get("latency_p99")).min().orElseThrow();
    }
}
