package io.gillab.junit;

import static io.gillab.junit.GillabAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.gillab.api.RuntimeChoice;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The JUnit 5 API as a project uses it: a fixture test class with {@link GillabTest} (its own probe folder
 * and expectations table) run through JUnit, and what JUnit reported checked: a test per runtime, the
 * unavailable runtime skipped with its reason, the table's cell a test, a failed assertion's message with
 * the observed value, the expectation and the evidence.
 */
class GillabExtensionTest {
    static final String FIXTURE = "gillab.junit.fixture";

    /** Run only through the test kit below (it fails on purpose): Surefire may find it on its own. */
    @EnabledIfSystemProperty(named = FIXTURE, matches = "true")
    @GillabTest(runtimes = {"cpython-local", "nosuch"}, path = "src/test/resources/fixtures/junit",
            workloads = "answer", expectations = "src/test/resources/fixtures/junit/expectations.yaml",
            out = "target/gillab-junit")
    static class AProjectsTest {
        @OnEachRuntime
        void answers(RuntimeChoice runtime, GillabSession gillab) {
            assertThat(gillab.trial("answer", runtime)).isOk().value("answer").isEqualTo(42);
        }

        @OnEachRuntime
        void wrongOnPurpose(RuntimeChoice runtime, GillabSession gillab) {
            assertThat(gillab.trial("answer", runtime)).value("answer").isEqualTo(41);
        }

        @TestFactory
        Stream<DynamicNode> table(GillabSession gillab) {
            return gillab.expectationTests();
        }
    }

    @Test
    void aProjectsTestClassRunsOnEachRuntimeAndSkipsTheUnavailableWithTheReason() {
        Events tests;
        System.setProperty(FIXTURE, "true");
        try {
            tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AProjectsTest.class)).execute().testEvents();
        } finally {
            System.clearProperty(FIXTURE);
        }
        tests.assertThatEvents()
                .haveExactly(1, event(displayName("[cpython-local]"), finishedSuccessfully()))
                .haveExactly(2, event(displayName("[nosuch]"), abortedWithReason(message(m -> m.startsWith(
                        "nosuch not available: ")))))
                .haveExactly(1, event(displayName("[cpython-local]"), finishedWithFailure(message(m ->
                        m.contains("observed 42, expected 41") && m.contains("evidence: ")))))
                .haveExactly(1, event(displayName("answer_is_42[cpython-local] expects 42"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("answer_is_42[nosuch] expects 42"), abortedWithReason(
                        message(m -> m.startsWith("nosuch not available: ")))));
        tests.assertStatistics(s -> s.started(6).succeeded(2).failed(1).aborted(3).skipped(0));
    }
}
