package io.gillab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.expect.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedClaimsTest {
    static final String REFCOUNTING = "Reference counting is used by CPython and PyPy, not by IronPython or Jython.";

    static Verdict v(String check, String runtime, String observed, String predicted, Boolean holds) {
        return new Verdict(check, "refcount", runtime + "/refcount", runtime, observed, observed, null,
                Verdict.Outcome.MATCH, "", holds == null ? null : REFCOUNTING, predicted, holds, null, null);
    }

    @Test
    void aClaimIsContradictedForARuntimeWhereAnyCheckContradictsIt() {
        List<SeedClaims.Line> lines = SeedClaims.of(List.of(
                v("refcount_getrefcount_exists", "cpython:3.13", "true", "true", true),
                v("refcount_getrefcount_exists", "pypy:bookworm", "false", "true", false),
                v("finalization_del", "pypy:bookworm", "after_collect", "immediate", false),
                v("refcount_getrefcount_exists", "jython", "false", "false", true),
                v("refcount_getrefcount_exists", "graalpy", "true", null, null)));
        assertEquals(1, lines.size());
        SeedClaims.Line l = lines.get(0);
        assertEquals(List.of("cpython:3.13", "jython"), l.confirmed());
        assertEquals(Map.of("pypy:bookworm", "refcount_getrefcount_exists = false (predicted true); "
                + "finalization_del = after_collect (predicted immediate)"), l.contradicted());
        String text = SeedClaims.renderText(List.of(v("refcount_getrefcount_exists", "pypy:bookworm", "false",
                "true", false)));
        assertTrue(text.contains("CONTRADICTED:   pypy:bookworm: refcount_getrefcount_exists = false"), text);
    }

    @Test
    void aRuntimeOutsideTheScopeIsNeitherConfirmedNorContradicted() {
        Verdict inScope = v("finalization_del", "pypy:bookworm", "after_collect", "immediate", false);
        Verdict outside = new Verdict("finalization_del", "finalization", "graalpy/finalization", "graalpy", "never",
                "never", null, Verdict.Outcome.MATCH, "", REFCOUNTING, null, null, null, null,
                "not named by the claim", null);
        Verdict alsoJudged = v("refcount_getrefcount_exists", "jython", "false", "false", true);
        Verdict jythonOutside = new Verdict("x", "refcount", "jython/refcount", "jython", "1", "1", null,
                Verdict.Outcome.MATCH, "", REFCOUNTING, null, null, null, null, "outside on this row", null);
        SeedClaims.Line l = SeedClaims.of(List.of(inScope, outside, alsoJudged, jythonOutside)).get(0);
        assertEquals(Map.of("graalpy", "not named by the claim"), l.notApplicable());
        assertEquals(List.of("jython"), l.confirmed(), "a runtime judged on any row is judged");
        assertEquals(List.of("pypy:bookworm"), List.copyOf(l.contradicted().keySet()));
        String md = SeedClaims.renderMarkdown(List.of(inScope, outside));
        assertTrue(md.contains("| **pypy:bookworm**: finalization_del = after_collect (predicted immediate) | "
                + "**graalpy**: not named by the claim |"), md);
    }

    @Test
    void noClaimsNoSection() {
        assertEquals("", SeedClaims.renderText(List.of(v("refcount_fresh_dict", "graalpy", "-1", null, null))));
        assertEquals("", SeedClaims.renderMarkdown(List.of()));
    }
}
