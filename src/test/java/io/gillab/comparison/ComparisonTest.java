package io.gillab.comparison;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.expect.Check;
import io.gillab.expect.Expectations;
import io.gillab.expect.Matcher;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import io.gillab.report.ReportInput;
import io.gillab.report.Reports;
import io.gillab.results.ResultSet;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The comparison suite: every row of the expectations table ({@code expectations.yaml}) asserted on
 * every selected runtime, one test per (row, runtime), named like
 * {@code refcount_fresh_dict[cpython:3.13] expects 2}.
 *
 * <p>The trials run once per runtime with the quick preset ({@link SuiteRun}); every test judges them
 * with {@link Expectations#judge}. A runtime that cannot run here gets its tests skipped with the
 * reason. At the end the suite prints how many were skipped for what and writes the same results and
 * reports as {@code ./gillab run} under {@code target/gillab-suite/}.
 *
 * <p>Tags: {@code behaviour} (probes), {@code scaling} and {@code slow} (workload timings),
 * {@code containers} (runtimes in containers). Runtimes: {@code -Dgillab.runtimes=jython,cpython:3.13}
 * or {@code GILLAB_RUNTIMES}; see {@link SuiteRuntimes}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComparisonTest {
    private static final Expectations TABLE = Expectations.load();

    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final Map<String, Integer> SKIPPED = new TreeMap<>();

    @TestFactory
    @Order(1)
    @Tag("behaviour")
    Stream<DynamicNode> behaviour() {
        return tests(SuiteRun.Kind.BEHAVIOUR, false);
    }

    @TestFactory
    @Order(2)
    @Tag("behaviour")
    @Tag("containers")
    Stream<DynamicNode> behaviourInContainers() {
        return tests(SuiteRun.Kind.BEHAVIOUR, true);
    }

    @TestFactory
    @Order(3)
    @Tag("scaling")
    @Tag("slow")
    Stream<DynamicNode> scaling() {
        return tests(SuiteRun.Kind.SCALING, false);
    }

    @TestFactory
    @Order(4)
    @Tag("scaling")
    @Tag("slow")
    @Tag("containers")
    Stream<DynamicNode> scalingInContainers() {
        return tests(SuiteRun.Kind.SCALING, true);
    }

    /** One test per (table row, runtime) where the row says something about the runtime. */
    private static Stream<DynamicNode> tests(SuiteRun.Kind kind, boolean containers) {
        List<SuiteRuntimes.Entry> entries = SuiteRun.runtimes().entries().stream().filter(e -> e.container() == containers)
                .toList();
        List<String> available = SuiteRun.available(containers);
        List<String> subjects = SuiteRun.subjects(kind);
        List<TrialResult> results = SuiteRun.results(kind, available);
        // A flat list: each name says its runtime, and Surefire's reports show the names as they are.
        List<DynamicNode> tests = new ArrayList<>();
        for (SuiteRuntimes.Entry e : entries) {
            for (String subject : subjects) {
                TrialResult r = results.stream().filter(x -> x.runtime().equals(e.id()) && x.name().equals(subject))
                        .findFirst().orElse(null);
                JsonNode impl = r == null ? null : r.implementation();
                for (Check c : TABLE.checksFor(subject)) {
                    if ((kind == SuiteRun.Kind.SCALING) != c.isScaling() || !c.mode().equals("threads")) {
                        continue;
                    }
                    Matcher m = c.expectationFor(e.id(), impl);
                    if (m == null || m instanceof Matcher.Any) {
                        continue; // nothing said about this runtime, or recorded only (reports show it)
                    }
                    String name = c.name() + "[" + e.id() + "] expects " + m.describe()
                            + (m.tolerance() == null ? "" : " " + m.tolerance());
                    tests.add(DynamicTest.dynamicTest(name, () -> judge(c, e, r)));
                }
            }
        }
        return tests.stream();
    }

    private static void judge(Check c, SuiteRuntimes.Entry e, TrialResult r) {
        if (!e.available()) {
            skip(e.id() + " not available: " + e.unavailable(), null);
        }
        if (r == null) {
            count(FAILED);
            fail(c.name() + "[" + e.id() + "]: no trial of " + c.subject() + " on " + e.id() + " in "
                    + SuiteRun.dir().resolve(ResultsFile.NAME));
        }
        if (r.status() == TrialResult.Status.skipped) {
            skip(e.id() + " not available: " + r.message(), null);
        }
        Verdict v = TABLE.judge(c, r);
        switch (v.outcome()) {
            case MATCH -> count(PASSED);
            case NO_DATA -> {
                if (r.status() == TrialResult.Status.ok) {
                    // e.g. fewer cores than the expectation needs: nothing to judge here
                    skip(v.observed(), c.name() + "[" + e.id() + "]: " + v.observed());
                }
                count(FAILED);
                fail(message(v));
            }
            case MISMATCH -> {
                String load = "";
                if (c.isScaling()) {
                    OptionalDouble l = loadDuring(r);
                    int cores = Runtime.getRuntime().availableProcessors();
                    if (l.isPresent() && l.getAsDouble() > LoadMonitor.busyThreshold(cores)) {
                        skip(String.format(Locale.ROOT, "machine busy (load average over %.0f on %d cores):"
                                + " scaling not judged", LoadMonitor.busyThreshold(cores), cores),
                                String.format(Locale.ROOT, "%s[%s]: machine busy during the trial (load average %.1f"
                                        + " on %d cores): observed %s, expected %s, not judged", c.name(), e.id(),
                                        l.getAsDouble(), cores, v.observed(), v.expected()));
                    }
                    load = l.isPresent() ? String.format(Locale.ROOT, "%n  load average during the trial: %.1f on %d"
                            + " cores", l.getAsDouble(), cores) : "";
                }
                count(FAILED);
                fail(message(v) + load);
            }
        }
    }

    private static OptionalDouble loadDuring(TrialResult r) {
        if (r.startedAt() == null || r.wallSeconds() == null) {
            return OptionalDouble.empty();
        }
        try {
            Instant from = Instant.parse(r.startedAt());
            return LoadMonitor.meanBetween(from, from.plusMillis((long) (r.wallSeconds() * 1000)));
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** What a failing test prints: enough to tell a changed implementation from a flaky measurement. */
    static String message(Verdict v) {
        StringBuilder sb = new StringBuilder();
        sb.append(v.check()).append('[').append(v.runtime()).append("]: observed ").append(v.observed())
                .append(", expected ").append(v.expected());
        sb.append(v.tolerance() == null ? " (no tolerance)" : " (tolerance " + v.tolerance() + ")");
        sb.append("\n  trial: ").append(v.trial());
        sb.append("\n  evidence: ").append(v.detail());
        if (v.reason() != null) {
            sb.append("\n  why the table expects it: ").append(v.reason());
        }
        if (v.claim() != null) {
            sb.append("\n  claim: ").append(v.claim()).append(" - predicts ").append(v.prediction())
                    .append(v.claimHolds() == null ? "" : v.claimHolds() ? ": confirmed" : ": contradicted");
        }
        if (v.source() != null) {
            sb.append("\n  source: ").append(v.source());
        }
        sb.append("\n  table: src/main/resources/").append(Expectations.RESOURCE);
        return sb.toString();
    }

    /** Skips a test: {@code why} is counted in the summary, {@code message} (or why) is the test's reason. */
    private static void skip(String why, String message) {
        synchronized (SKIPPED) {
            SKIPPED.merge(why, 1, Integer::sum);
        }
        Assumptions.abort(message != null ? message : why);
    }

    private static void count(AtomicInteger n) {
        n.incrementAndGet();
    }

    @AfterAll
    static void summaryAndReports() throws IOException {
        int skipped;
        synchronized (SKIPPED) {
            skipped = SKIPPED.values().stream().mapToInt(Integer::intValue).sum();
        }
        System.out.println("[gillab-suite] " + (PASSED.get() + FAILED.get() + skipped) + " comparison tests: "
                + PASSED.get() + " passed, " + FAILED.get() + " failed, " + skipped + " skipped");
        synchronized (SKIPPED) {
            SKIPPED.forEach((why, n) -> System.out.println("[gillab-suite]   skipped " + n + ": " + why));
        }
        if (!SuiteRun.ranAnything()) {
            return;
        }
        Path dir = SuiteRun.dir();
        ResultSet set = ResultSet.load(dir);
        List<Verdict> verdicts = TABLE.judge(set.results());
        StringBuilder lines = new StringBuilder();
        for (Verdict v : verdicts) {
            lines.append(ResultsFile.json().writeValueAsString(v)).append('\n');
        }
        Files.writeString(dir.resolve("verdicts.jsonl"), lines.toString(), StandardCharsets.UTF_8);
        Reports.Written w = Reports.write(dir, new ReportInput(set.results(), set.runs(), verdicts));
        System.out.println("[gillab-suite] results and reports: " + dir.resolve(ResultsFile.NAME) + ", " + w.html()
                + ", " + w.markdown() + ", " + w.csv() + ", verdicts.jsonl");
    }
}
