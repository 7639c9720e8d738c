package com.example;

import static io.gillab.junit.GillabAssertions.assertThat;

import io.gillab.api.RuntimeChoice;
import io.gillab.junit.GillabSession;
import io.gillab.junit.GillabTest;
import io.gillab.junit.OnEachRuntime;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * This project's Python code on every runtime: each test runs once per runtime ([jython], [graalpy],
 * [cpython-local], [cpython:3.13], ...); a runtime that cannot run here is skipped with the reason. The
 * trials run once per runtime and are shared by the tests; results and report.html are in
 * target/gillab/PythonOnEveryRuntimeTest/.
 */
@GillabTest(runtimes = {"jython", "graalpy", "cpython-local", "cpython:3.13", "cpython:3.9"},
        path = "src/test/python", workloads = {"word_count", "dict_order"},
        expectations = "src/test/resources/expectations.yaml")
class PythonOnEveryRuntimeTest {

    @OnEachRuntime
    void wordCountIsRightEverywhere(RuntimeChoice runtime, GillabSession gillab) {
        // the workload's check() verified every sample's result; ok means it ran and agreed
        assertThat(gillab.trial("word_count", runtime)).isOk();
    }

    @OnEachRuntime
    void dictOrderProbeAnswers(RuntimeChoice runtime, GillabSession gillab) {
        assertThat(gillab.trial("dict_order", runtime)).isOk().value("major").isOneOf(2, 3);
    }

    /** Every cell of src/test/resources/expectations.yaml, as a test. */
    @TestFactory
    Stream<DynamicNode> expectations(GillabSession gillab) {
        return gillab.expectationTests();
    }
}
