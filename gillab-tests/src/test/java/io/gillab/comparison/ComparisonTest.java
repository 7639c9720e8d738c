package io.gillab.comparison;

import io.gillab.api.RuntimeChoice;
import io.gillab.expect.Expectations;
import io.gillab.expect.Verdict;
import io.gillab.junit.ExpectationTests;
import io.gillab.report.ReportInput;
import io.gillab.report.Reports;
import io.gillab.results.ResultSet;
import io.gillab.results.ResultsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The comparison suite: every row of gillab's expectations table ({@code expectations.yaml}) asserted on
 * every selected runtime, one test per (row, runtime), named like
 * {@code refcount_fresh_dict[cpython:3.13] expects 2}. It is the first user of the library's JUnit API:
 * the tests, their skips and their failure messages are {@link ExpectationTests}', the runtimes
 * {@link io.gillab.api.Runtimes}'; what is gillab's own is which trials it runs ({@link SuiteRun}: once per
 * runtime and kind, with the quick preset, shared with other test classes).
 *
 * <p>Tags: {@code behaviour} (probes), {@code scaling} and {@code slow} (workload timings),
 * {@code containers} (runtimes in containers). Runtimes: {@code -Dgillab.runtimes=jython,cpython:3.13}
 * or {@code GILLAB_RUNTIMES}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComparisonTest {
    private static final Expectations TABLE = Expectations.load();
    private static final ExpectationTests SUITE = new ExpectationTests(TABLE, Expectations.SOURCE);

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
        List<RuntimeChoice> runtimes = SuiteRun.runtimes().all().stream().filter(e -> e.container() == containers).toList();
        List<String> available = SuiteRun.available(containers);
        // every available runtime of the kind in one run (cached): the trials are measured once
        return SUITE.tests(runtimes, SuiteRun.subjects(kind),
                c -> (kind == SuiteRun.Kind.SCALING) == c.isScaling() && c.mode().equals("threads"),
                rt -> SuiteRun.results(kind, available));
    }

    @AfterAll
    static void summaryAndReports() throws IOException {
        SUITE.summary().forEach(line -> System.out.println("[gillab-suite] " + line.replace("expectation tests",
                "comparison tests")));
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
