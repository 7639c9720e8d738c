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
}
