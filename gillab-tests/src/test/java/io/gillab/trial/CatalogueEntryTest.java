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
}
