/**
 * gillab in a JUnit 5 test suite, in the manner of Testcontainers' {@code @Testcontainers}:
 * {@link io.gillab.junit.GillabTest} on a class names the runtimes, the project's workloads and its
 * expectations table; {@link io.gillab.junit.OnEachRuntime} repeats a test on each runtime (one that
 * cannot run here is skipped with the reason); a {@link io.gillab.junit.GillabSession} parameter runs
 * and caches the trials; {@link io.gillab.junit.GillabAssertions} judges them with messages that show the
 * observed value, the expectation and the evidence; {@link io.gillab.junit.GillabSession#expectationTests()}
 * turns every cell of the table into a test.
 */
package io.gillab.junit;
