package io.gillab.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The expectations table: loading, runtime matching, matchers and verdicts, on hand-made trials. */
class ExpectationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static TrialResult probe(String runtime, String name, String result) {
        return probe(runtime, name, result, null);
    }

    static TrialResult probe(String runtime, String name, String result, String implementation) {
        return trial(runtime, name, "probe").probe(json(result))
                .forks(List.of(fork(implementation == null ? null : json(implementation), List.of()).build())).build();
    }

    /** A trial that ended ok, with its identity; add forks and figures. */
    static TrialResult.Builder trial(String runtime, String name, String kind) {
        return TrialResult.builder().runId("r").trial(runtime + "/" + name).runtime(runtime).name(name).kind(kind)
                .threadCounts(List.of()).mode("threads").status(TrialResult.Status.ok).wallSeconds(1.0);
    }

    /** The one process of a trial: its implementation record and samples. */
    static Fork.Builder fork(JsonNode implementation, List<Sample> samples) {
        return Fork.builder().exitCode(0).implementation(implementation).samples(samples).otherOutputLines(0L)
                .otherOutputExamples(List.of());
    }

    /** A workload trial with samples alternating 1 and N threads (seconds given per thread count). */
    static TrialResult workload(String runtime, String name, Map<Integer, double[]> seconds, int cores) {
        List<Sample> samples = new ArrayList<>();
        int i = 0;
        int n = seconds.values().iterator().next().length;
        for (int k = 0; k < n; k++) {
            for (var e : seconds.entrySet()) {
                samples.add(new Sample(i++, false, e.getValue()[k], e.getKey(), 1000, null, null, 0));
            }
        }
        return trial(runtime, name, "cpu").threadCounts(List.copyOf(seconds.keySet())).size(1000L).warmups(0)
                .scalingMode("strong").forks(List.of(fork(json("{\"cpu_count\": " + cores + "}"), samples).build()))
                .build();
    }

    @Test
    void theBundledTableLoadsAndCoversTheCatalogue() {
        Expectations e = Expectations.load();
        Set<String> subjects = new java.util.TreeSet<>();
        e.checks().forEach(c -> subjects.add(c.subject()));
        for (String s : List.of("refcount", "finalization", "memory_reclaim", "races", "runtime_facts", "countdown",
                "fib", "nbody", "spectral_norm", "checksum", "mandelbrot", "objects", "sleep", "file_read", "tcp_echo",
                "convoy")) {
            assertTrue(subjects.contains(s), "no row for " + s);
        }
        // and every built-in workload and probe, whatever its name: a new file needs its rows
        java.nio.file.Path scripts = io.gillab.runtime.GillabHome.locate().scriptsDir();
        for (String folder : List.of("workloads", "probes")) {
            try (var files = java.nio.file.Files.list(scripts.resolve(folder))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".py") && !n.startsWith("_"))
                        .map(n -> n.substring(0, n.length() - 3))
                        .forEach(s -> assertTrue(subjects.contains(s), "no row for " + folder + "/" + s));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        assertTrue(e.claims().keySet().containsAll(List.of("refcounting", "one_thread_at_a_time", "io_unaffected")));
        for (Check c : e.checks()) {
            assertNotNull(c.reason(), c.name() + " has no reason");
            // a claim predicts only where the table also expects something: the report shows both
            for (String key : c.predict().keySet()) {
                assertTrue(key.equals("*") || c.expect().keySet().stream().anyMatch(k -> k.equals(key)
                        || k.startsWith(key + ":") || key.startsWith(k + ":") || k.equals("*")),
                        c.name() + " predicts for " + key + " but expects nothing there");
            }
        }
    }

    @Test
    void exactIdWinsOverFamilyVersionOverFamilyOverStar() {
        Map<String, Integer> row = new java.util.LinkedHashMap<>();
        row.put("*", 0);
        row.put("cpython", 1);
        row.put("cpython:3.14", 2);
        row.put("cpython-local", 3);
        assertEquals("cpython:3.14", RuntimeKey.best(row, "cpython:3.14", null));
        assertEquals("cpython", RuntimeKey.best(row, "cpython:3.13", null));
        assertEquals("cpython-local", RuntimeKey.best(row, "cpython-local", null));
        assertEquals("*", RuntimeKey.best(row, "jython", null));
        // a local CPython 3.14 takes the 3.14 cell from what it reported
        assertEquals("cpython:3.14", RuntimeKey.best(row, "local:/usr/bin/python3.14",
                json("{\"implementation_name\": \"cpython\", \"version\": \"3.14.0\"}")));
        assertEquals("pypy", RuntimeKey.family("pypy:bookworm", null));
        assertEquals("graalpy", RuntimeKey.family("graalpy-nojit", null));
        assertEquals("cpython", RuntimeKey.family("cpython-local", null));
        Map<String, Integer> noStar = Map.of("cpython", 1);
        assertNull(RuntimeKey.best(noStar, "jython", null));
        // 3.1 is not a prefix of 3.14
        assertEquals(-1, RuntimeKey.score("cpython:3.1", "local:x", json("{\"implementation_name\": \"cpython\", \"version\": \"3.14.0\"}")));
    }

    @Test
    void refcountVerdictsAndTheSeedsClaim() {
        Expectations e = Expectations.load();
        List<Verdict> vs = e.judge(List.of(
                probe("cpython:3.13", "refcount", "{\"available\": true, \"value\": 2, \"has_getrefcount\": true,"
                        + " \"in_function\": 2, \"list_reference_counted\": true}"),
                probe("pypy:bookworm", "refcount", "{\"available\": false, \"exception\": \"AttributeError\","
                        + " \"message\": \"module 'sys' has no attribute 'getrefcount'\", \"has_getrefcount\": false}"),
                probe("graalpy", "refcount", "{\"available\": true, \"value\": -1, \"has_getrefcount\": true,"
                        + " \"in_function\": -1, \"list_reference_counted\": false}")));
        Verdict cp = find(vs, "refcount_fresh_dict", "cpython:3.13");
        assertEquals(Verdict.Outcome.MATCH, cp.outcome());
        assertEquals("2", cp.observed());
        assertEquals(Boolean.TRUE, cp.claimHolds());
        Verdict pypy = find(vs, "refcount_fresh_dict", "pypy:bookworm");
        assertEquals(Verdict.Outcome.MATCH, pypy.outcome());
        assertEquals("raises AttributeError", pypy.observed());
        assertEquals("raises AttributeError", pypy.expected());
        Verdict exists = find(vs, "refcount_getrefcount_exists", "pypy:bookworm");
        assertEquals(Verdict.Outcome.MATCH, exists.outcome());
        assertEquals(Boolean.FALSE, exists.claimHolds(), "the seed says PyPy counts references: contradicted");
        assertTrue(exists.claim().contains("PyPy"));
        Verdict graal = find(vs, "refcount_getrefcount_exists", "graalpy");
        assertNull(graal.claimHolds(), "the seed says nothing about GraalPy");
        assertNull(graal.prediction());
    }

    @Test
    void aWrongObservationIsAMismatchWithTheEvidence() {
        Expectations e = Expectations.load();
        Verdict v = e.judge(e.check("refcount_fresh_dict"),
                probe("cpython:3.13", "refcount", "{\"available\": true, \"value\": 3, \"has_getrefcount\": true}"));
        assertEquals(Verdict.Outcome.MISMATCH, v.outcome());
        assertEquals("3", v.observed());
        assertEquals("2", v.expected());
        assertTrue(v.detail().contains("\"value\":3"), v.detail());
    }

    @Test
    void scalingVerdictsUsePairedRounds() {
        Expectations e = Expectations.load();
        TrialResult gil = workload("cpython:3.13", "countdown",
                new java.util.TreeMap<>(Map.of(1, new double[] {0.20, 0.21, 0.20, 0.22, 0.20},
                        2, new double[] {0.21, 0.20, 0.21, 0.22, 0.21})), 2);
        Verdict v = e.judge(e.check("countdown_speedup_2"), gil);
        assertEquals(Verdict.Outcome.MATCH, v.outcome(), v.detail());
        assertTrue(v.observed().matches("[0-9.]+x \\(95% CI [0-9.]+-[0-9.]+\\)"), v.observed());
        assertEquals(Boolean.TRUE, v.claimHolds());
        assertTrue(v.detail().contains("t=1: 5 steady samples"), v.detail());

        TrialResult jython = workload("jython", "countdown",
                new java.util.TreeMap<>(Map.of(1, new double[] {0.20, 0.21, 0.20, 0.22, 0.20},
                        2, new double[] {0.11, 0.10, 0.11, 0.10, 0.11})), 2);
        Verdict j = e.judge(e.check("countdown_speedup_2"), jython);
        assertEquals(Verdict.Outcome.MATCH, j.outcome(), j.detail());
        assertNull(j.claimHolds(), "no GIL: outside the one-thread-at-a-time claim's scope, neither way");
        assertTrue(j.notApplicable().startsWith("no GIL"), j.notApplicable());

        // one core: 2 threads cannot scale, nothing to judge
        TrialResult oneCore = workload("jython", "countdown",
                new java.util.TreeMap<>(Map.of(1, new double[] {0.2, 0.2, 0.2}, 2, new double[] {0.2, 0.2, 0.2})), 1);
        assertEquals(Verdict.Outcome.NO_DATA, e.judge(e.check("countdown_speedup_2"), oneCore).outcome());
    }

    @Test
    void aFailedTrialGivesNoData() {
        Expectations e = Expectations.load();
        TrialResult failed = trial("jython", "refcount", "probe").status(TrialResult.Status.failed)
                .message("exit code 1").forks(List.of(fork(null, List.of()).exitCode(1).stderrTail("Traceback ...")
                        .build())).build();
        Verdict v = e.judge(e.check("refcount_fresh_dict"), failed);
        assertEquals(Verdict.Outcome.NO_DATA, v.outcome());
        assertTrue(v.observed().contains("failed"), v.observed());
        assertNull(v.claimHolds());
    }

    @Test
    void matchersAndTolerances() {
        Matcher.Tolerance pct = Matcher.Tolerance.parse(json("\"1%\""));
        Matcher eq = Matcher.parse(json("0.005"), pct, "t");
        assertTrue(eq.test(obs("0.00504")));
        assertFalse(eq.test(obs("0.0052")));
        assertEquals("±1%", eq.tolerance().toString());
        Matcher atLeast = Matcher.parse(json("{\"at_least\": 1.6, \"tolerance\": 0.1}"), null, "t");
        assertTrue(atLeast.test(obs("1.55")));
        assertFalse(atLeast.test(obs("1.45")));
        assertFalse(atLeast.test(obs("null")));
        assertEquals(">= 1.6", atLeast.describe());
        Matcher range = Matcher.parse(json("{\"range\": [0.5, 1.3]}"), null, "t");
        assertTrue(range.test(obs("1.0")));
        assertFalse(range.test(obs("1.31")));
        Matcher oneOf = Matcher.parse(json("{\"one_of\": [\"after_collect\", \"after_wait\"]}"), null, "t");
        assertTrue(oneOf.test(obs("\"after_wait\"")));
        assertFalse(oneOf.test(obs("\"never\"")));
        Matcher none = Matcher.parse(json("null"), null, "t");
        assertTrue(none.test(new Observed(null, null, "absent", "", null)));
        assertTrue(none.test(obs("null")));
        assertFalse(none.test(obs("\"RuntimeError\"")));
        Matcher raises = Matcher.parse(json("{\"raises\": \"AttributeError\"}"), null, "t");
        assertTrue(raises.test(new Observed(null, "AttributeError", "", "", null)));
        assertFalse(raises.test(new Observed(null, "TypeError", "", "", null)));
        assertFalse(raises.test(obs("2")));
        Matcher any = Matcher.parse(json("{\"any\": true}"), null, "t");
        assertTrue(any.test(obs("0.3")));
        assertEquals("any value (recorded)", any.describe());
        assertEquals("5e-09", Matcher.Values.number(5e-9));
        assertEquals("0.005", Matcher.Values.number(0.005));
    }

    /** A measured number fails a bound only when its whole confidence interval lies past it. */
    @Test
    void aBoundIsJudgedOnTheInterval() {
        Matcher atMost = Matcher.parse(json("{\"at_most\": 1.3}"), null, "t");
        Observed noisy = new Observed(json("1.32"), null, "1.32x", "", null, 1.10, 1.45);
        assertFalse(atMost.test(noisy), "the point is past the bound");
        assertTrue(atMost.consistent(noisy), "the interval reaches it");
        assertFalse(atMost.consistent(new Observed(json("1.6"), null, "1.6x", "", null, 1.45, 1.75)));
        Matcher atLeast = Matcher.parse(json("{\"at_least\": 1.3}"), null, "t");
        assertTrue(atLeast.consistent(new Observed(json("1.2"), null, "", "", null, 1.0, 1.35)));
        assertFalse(atLeast.consistent(new Observed(json("1.0"), null, "", "", null, 0.9, 1.1)));
        assertFalse(atLeast.consistent(obs("1.2")), "no interval: the point decides");
        Matcher range = Matcher.parse(json("{\"range\": [0.5, 1.3]}"), null, "t");
        assertTrue(range.consistent(new Observed(json("1.4"), null, "", "", null, 1.25, 1.6)));
        assertFalse(range.consistent(new Observed(json("1.5"), null, "", "", null, 1.35, 1.6)));
    }

    private static Observed obs(String json) {
        return new Observed(json(json), null, json, "", null);
    }

    @Test
    void badTablesNameTheFileLineAndProblem() {
        String ok = "claims: {}\nchecks:\n  - check: a\n    subject: refcount\n    observe: value\n"
                + "    reason: r\n    expect:\n      cpython: 2\n";
        assertEquals(1, Expectations.parse(ok, "t.yaml").checks().size());
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
                () -> Expectations.parse(ok + "  - check: b\n    subject: refcount\n    observe: value\n"
                        + "    expect:\n      cpython: {at_least: lots}\n", "t.yaml"));
        assertTrue(e1.getMessage().startsWith("t.yaml:9"), e1.getMessage());
        assertTrue(e1.getMessage().contains("at_least needs a number"), e1.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Expectations.parse(ok + "  - check: a\n    subject: races\n    observe: x\n"
                        + "    expect: {jython: 1}\n", "t.yaml"));
        assertTrue(e2.getMessage().contains("appears twice"), e2.getMessage());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                () -> Expectations.parse(ok.replace("observe: value", "observe: speedup(two)"), "t.yaml"));
        assertTrue(e3.getMessage().contains("unknown derived metric"), e3.getMessage());
        IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class,
                () -> Expectations.parse(ok.replace("    reason: r\n", "    claim: nope\n    reason: r\n"), "t.yaml"));
        assertTrue(e4.getMessage().contains("claim 'nope'"), e4.getMessage());
        IllegalArgumentException e5 = assertThrows(IllegalArgumentException.class,
                () -> Expectations.parse(ok.replace("cpython: 2", "cpython: {equal: 2}"), "t.yaml"));
        assertTrue(e5.getMessage().contains("unknown key 'equal'"), e5.getMessage());
        IllegalArgumentException e6 = assertThrows(IllegalArgumentException.class,
                () -> Expectations.parse("checks: [\n", "t.yaml"));
        assertTrue(e6.getMessage().startsWith("t.yaml"), e6.getMessage());
    }

    /**
     * The convoy's ratio compares each side's least disturbed sample. The samples are those of a CI run
     * where two of three baselines (0 threads) were disturbed: their median made 35 ms look like 8.7x.
     */
    @Test
    void theConvoyRatioIsOfTheLeastDisturbedSamples() {
        double[] k0 = {0.000242, 0.004020, 0.004106};
        double[] k1 = {0.0413, 0.0350, 0.0328};
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            samples.add(new Sample(2 * k, false, 0.4, 0, 2000, null, Map.of("latency_p99", k0[k]), 0));
            samples.add(new Sample(2 * k + 1, false, 1.5, 1, 2000, null, Map.of("latency_p99", k1[k]), 0));
        }
        samples.add(new Sample(6, true, 0.4, 0, 2000, null, Map.of("latency_p99", 0.0001), 0)); // warm-up: not read
        TrialResult convoy = trial("cpython:3.13", "convoy", "mixed").threadCounts(List.of(0, 1, 2)).size(2000L)
                .warmups(0).scalingMode("strong").forks(List.of(fork(json("{\"cpu_count\": 2}"), samples).build()))
                .build();
        Verdict v = find(Expectations.load().judge(List.of(convoy)), "convoy_p99_ratio_1_cpu_thread", "cpython:3.13");
        assertEquals(Verdict.Outcome.MATCH, v.outcome(), v.detail());
        assertEquals(String.format(java.util.Locale.ROOT, "%.2fx", 0.0328 / 0.000242), v.observed());
        assertTrue(v.detail().startsWith("smallest latency_p99 32.8 ms at 1 threads / smallest 0.242 ms at 0 threads = 135.54x"),
                v.detail());
    }

    private static Verdict find(List<Verdict> vs, String check, String runtime) {
        return vs.stream().filter(v -> v.check().equals(check) && v.runtime().equals(runtime)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict " + check + "[" + runtime + "] in " + vs));
    }
}
