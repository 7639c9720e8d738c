package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The optional group and origin of a catalogue record, and their defaults when a file names none. */
class CatalogueEntryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void entriesWithoutGroupOrOriginGetTheDefaults() throws Exception {
        CatalogueEntry w = CatalogueEntry.fromRecord(
                JSON.readTree("{\"name\":\"countdown\",\"kind\":\"cpu\",\"default_size\":10,\"file\":\"/x\"}"));
        CatalogueEntry p = CatalogueEntry.fromRecord(
                JSON.readTree("{\"name\":\"refcount\",\"kind\":\"probe\",\"group\":null,\"origin\":\"\",\"file\":\"/y\"}"));
        assertEquals("benchmark", w.group());
        assertEquals("gillab", w.origin());
        assertEquals("behaviour probe", p.group());
        assertEquals("gillab", p.origin());
    }

    @Test
    void groupAndOriginAreReadWhenGiven() throws Exception {
        CatalogueEntry s = CatalogueEntry.fromRecord(JSON.readTree("{\"name\":\"o\",\"kind\":\"cpu\","
                + "\"group\":\"scaling pattern\",\"origin\":\"CPython Tools/ftscalingbench (object_cfunction)\"}"));
        assertEquals("scaling pattern", s.group());
        assertEquals("CPython Tools/ftscalingbench (object_cfunction)", s.origin());
        assertEquals(CatalogueEntry.GROUPS.get(1), s.group());
    }

    @Test
    void everyTrialRecordsItsEntrysGroup() {
        CatalogueEntry pattern = new CatalogueEntry("object_cfunction", "cpu", "d", "", 1000L, "/x/o.py", null,
                "scaling pattern", "CPython Tools/ftscalingbench (object_cfunction)");
        TrialSpec spec = new TrialSpec("jython", pattern, java.util.List.of(1, 2), 3, 1, null, 0.2, 1, "strong", null,
                0, null, null);
        assertEquals("scaling pattern", TrialRunner.identity(spec, "run").build().group());
        CatalogueEntry plain = new CatalogueEntry("countdown", "cpu", "d", "", 1000L, "/x/c.py", null);
        TrialSpec old = new TrialSpec("jython", plain, java.util.List.of(1, 2), 3, 1, null, 0.2, 1, "strong", null,
                0, null, null);
        assertEquals("benchmark", TrialRunner.identity(old, "run").build().group());
    }

    /** ROUNDS caps the preset's measured rounds per fork; a run's own --samples always wins. */
    @Test
    void roundsCapThePresetButNotTheRunsOwnSamples() throws Exception {
        CatalogueEntry convoy = CatalogueEntry.fromRecord(JSON.readTree(
                "{\"name\":\"convoy\",\"kind\":\"mixed\",\"default_size\":2000,\"file\":\"/x\",\"rounds\":3}"));
        assertEquals(3, convoy.rounds());
        assertEquals(3, convoy.roundsFor(null, 6), "default preset, JIT runtime");
        assertEquals(2, convoy.roundsFor(null, 2), "a preset asking fewer keeps its count");
        assertEquals(5, convoy.roundsFor(5, 6), "--samples 5");
        CatalogueEntry plain = CatalogueEntry.fromRecord(JSON.readTree(
                "{\"name\":\"countdown\",\"kind\":\"cpu\",\"default_size\":10,\"file\":\"/x\",\"rounds\":null}"));
        assertEquals(null, plain.rounds());
        assertEquals(6, plain.roundsFor(null, 6));
    }

    /**
     * INTERPRETER_WARMUPS caps the runtime's warm-up rounds on an interpreter only: a JIT runtime keeps its own,
     * and a run's own --warmups always wins.
     */
    @Test
    void interpreterWarmupsCapOnlyAnInterpretersOwnCount() throws Exception {
        CatalogueEntry convoy = CatalogueEntry.fromRecord(JSON.readTree("{\"name\":\"convoy\",\"kind\":\"mixed\","
                + "\"default_size\":2000,\"file\":\"/x\",\"rounds\":3,\"interpreter_warmups\":1}"));
        assertEquals(1, convoy.interpreterWarmups());
        assertEquals(1, convoy.warmupsFor(null, 3, false), "CPython");
        assertEquals(10, convoy.warmupsFor(null, 10, true), "GraalPy");
        assertEquals(3, convoy.warmupsFor(null, 3, true), "Jython");
        assertEquals(5, convoy.warmupsFor(5, 3, false), "--warmups 5");
        assertEquals(0, convoy.warmupsFor(0, 10, true), "--warmups 0");
        CatalogueEntry zero = CatalogueEntry.fromRecord(JSON.readTree(
                "{\"name\":\"z\",\"kind\":\"cpu\",\"default_size\":10,\"file\":\"/x\",\"interpreter_warmups\":0}"));
        assertEquals(0, zero.warmupsFor(null, 3, false));
        CatalogueEntry plain = CatalogueEntry.fromRecord(JSON.readTree(
                "{\"name\":\"countdown\",\"kind\":\"cpu\",\"default_size\":10,\"file\":\"/x\"}"));
        assertEquals(null, plain.interpreterWarmups());
        assertEquals(3, plain.warmupsFor(null, 3, false));
    }

    /** The trial matrix of a default run: the convoy warms up 1 round on CPython, the runtime's count elsewhere. */
    @Test
    void theMatrixGivesTheConvoyOneWarmUpOnCPythonOnly() throws Exception {
        CatalogueEntry convoy = CatalogueEntry.fromRecord(JSON.readTree("{\"name\":\"convoy\",\"kind\":\"mixed\","
                + "\"default_size\":2000,\"file\":\"/x\",\"threads\":[0,1,2],\"rounds\":3,\"interpreter_warmups\":1}"));
        CatalogueEntry countdown = CatalogueEntry.fromRecord(JSON.readTree(
                "{\"name\":\"countdown\",\"kind\":\"cpu\",\"default_size\":10,\"file\":\"/x\"}"));
        java.util.Map<String, Integer> warmups = new java.util.TreeMap<>();
        for (TrialSpec s : TrialMatrix.build(java.util.List.of(RunFixture.runtime("cpython-local"),
                RunFixture.runtime("jython"), RunFixture.runtime("graalpy")), java.util.List.of(convoy, countdown),
                java.util.List.of(1, 2), Presets.defaults(), java.util.List.of("threads"))) {
            warmups.put(s.runtime() + "/" + s.entry().name(), s.warmups());
        }
        assertEquals(java.util.Map.of("cpython-local/convoy", 1, "cpython-local/countdown", 3, "jython/convoy", 3,
                "jython/countdown", 3, "graalpy/convoy", 10, "graalpy/countdown", 10), warmups);
    }
}
