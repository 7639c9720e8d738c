package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.trial.CatalogueEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gillab list} groups the catalogue and says where each entry comes from (issue 19, item 5). */
class ListCommandTest {

    private static CatalogueEntry entry(String name, String kind, String group, String origin) {
        return new CatalogueEntry(name, kind, "what " + name + " does", "", "probe".equals(kind) ? null : 1000L,
                "/x/" + name + ".py", null, group, origin);
    }

    @Test
    void groupsInOrderThenOtherGroupsEachEntryWithItsOrigin() {
        List<CatalogueEntry> entries = List.of(
                entry("races", "probe", "GIL semantics", "gillab"),
                entry("refcount", "probe", null, null),
                entry("custom", "cpu", "my group", "a paper"),
                entry("object_cfunction", "cpu", "scaling pattern", "CPython Tools/ftscalingbench (object_cfunction)"),
                entry("countdown", "cpu", null, null),
                new CatalogueEntry("convoy", "mixed", "I/O latency", "", 500L, "/x/convoy.py", List.of(0, 1, 2)));
        String out = ListCommand.render(entries, List.of("bad.py: no DESCRIPTION"));
        List<String> headings = out.lines().filter(l -> !l.isEmpty() && !l.startsWith(" ") && !l.startsWith("problem"))
                .toList();
        assertEquals(List.of("benchmarks (2)", "scaling patterns (1)", "behaviour probes (1)", "GIL semantics (1)",
                "my group (1)"), headings, out);
        assertTrue(out.contains("  object_cfunction         cpu    1000       -         what object_cfunction does\n"
                + "                           from: CPython Tools/ftscalingbench (object_cfunction)\n"), out);
        assertTrue(out.contains("  convoy                   mixed  500        0,1,2     I/O latency\n"), "threads kept: " + out);
        assertTrue(out.contains("  refcount                 probe  -          -         what refcount does\n"
                + "                           from: gillab\n"), "defaults: " + out);
        assertTrue(out.indexOf("countdown") < out.indexOf("object_cfunction"), out);
        assertTrue(out.endsWith("problem: bad.py: no DESCRIPTION\n"), out);
    }
}
