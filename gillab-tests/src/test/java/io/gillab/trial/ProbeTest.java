package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.comparison.SuiteRun;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every probe of the catalogue on every available runtime: it must run and give structured data; the
 * facts that are not in doubt are checked here (the full expectations per implementation are data of
 * their own).
 */
class ProbeTest {
    /** Every built-in probe: the comparison suite's list. */
    static final List<String> PROBES = SuiteRun.PROBES;

    private static JsonNode probe(String runtime, String name) throws IOException {
        Availability a = RunFixture.availability(runtime);
        assumeTrue(a.available(), () -> runtime + " not available: " + a.reason());
        // The comparison suite runs these probes on its runtimes anyway: judge its trials where it has one
        // (the same path as ./gillab run --quick), run them here only for runtimes outside its selection.
        Optional<TrialResult> suite = SuiteRun.probe(runtime, name);
        TrialResult r = suite.isPresent() ? suite.get() : RunFixture.cached("probes:" + runtime,
                RunFixture.options(List.of(runtime), PROBES, List.of(1), 1, 0.01, Duration.ofMinutes(3))).results()
                .stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertEquals(TrialResult.Status.ok, r.status(), () -> name + " on " + runtime + ": " + r.message());
        assertTrue(r.probe() != null && r.probe().isObject() && r.probe().size() > 0,
                () -> name + " on " + runtime + " gave no structured result: " + r.probe());
        return r.probe();
    }

    @ParameterizedTest(name = "all_probes[{0}] give structured results")
    @ValueSource(strings = {"jython", "graalpy", "cpython-local", "cpython:3.11", "cpython:3.13", "cpython:3.14"})
    void everyProbeRuns(String runtime) throws IOException {
        for (String p : PROBES) {
            probe(runtime, p);
        }
    }

    @ParameterizedTest(name = "finalization[{0}] __del__ runs at once after del (refcounting)")
    @ValueSource(strings = {"cpython-local", "cpython:3.11", "cpython:3.13", "cpython:3.14"})
    void cpythonFinalizesAtOnce(String runtime) throws IOException {
        JsonNode f = probe(runtime, "finalization");
        assertEquals("immediate", f.path("del").asText(), () -> "observed " + f);
    }

    @ParameterizedTest(name = "finalization[{0}] __del__ does not run at del (tracing GC)")
    @ValueSource(strings = {"jython", "graalpy"})
    void jvmRuntimesDeferFinalization(String runtime) throws IOException {
        JsonNode f = probe(runtime, "finalization");
        assertFalse(f.path("del_immediate").asBoolean(true), () -> "observed " + f);
    }

    @ParameterizedTest(name = "runtime_facts[{0}] names the implementation")
    @ValueSource(strings = {"jython", "graalpy", "cpython-local", "cpython:3.14"})
    void runtimeFactsNameTheImplementation(String runtime) throws IOException {
        JsonNode f = probe(runtime, "runtime_facts");
        String expected = runtime.startsWith("cpython") ? "cpython" : runtime;
        assertEquals(expected, f.path("implementation_name").asText(), () -> "observed " + f);
        if (runtime.equals("jython")) {
            assertTrue(f.path("switchinterval").isNull() && f.path("checkinterval").isNumber(), () -> "observed " + f);
        } else if (runtime.startsWith("cpython")) {
            assertEquals(0.005, f.path("switchinterval").asDouble(), 1e-9, () -> "observed " + f);
        }
    }

    @ParameterizedTest(name = "races[{0}] counts lost updates")
    @ValueSource(strings = {"jython", "graalpy", "cpython-local", "cpython:3.14"})
    void racesCountLostUpdates(String runtime) throws IOException {
        JsonNode r = probe(runtime, "races");
        JsonNode c = r.path("counter_read_call_write");
        long expected = c.path("expected").asLong();
        long lost = c.path("lost").asLong(-1);
        assertTrue(expected > 0 && lost >= 0 && lost <= expected, () -> "observed " + c);
    }
}
