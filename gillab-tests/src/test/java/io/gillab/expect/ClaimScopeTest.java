package io.gillab.expect;

import static io.gillab.expect.ExpectationsTest.json;
import static io.gillab.expect.ExpectationsTest.probe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A claim's scope: what the trial observed decides, the declared runtimes only where it observed nothing. */
class ClaimScopeTest {
    static final Expectations TABLE = Expectations.load();

    static String gilScope(String runtime, String implementation) {
        return TABLE.claims().get("one_thread_at_a_time").notApplicable(runtime,
                implementation == null ? null : json(implementation));
    }

    @Test
    void aGilClaimFollowsTheObservedGilState() {
        // a free-threaded CPython build is outside, whatever its family
        String ft = gilScope("cpython:3.14t", "{\"gil\": false, \"gil_source\": \"sys._is_gil_enabled\"}");
        assertTrue(ft.startsWith("no GIL (the trial reported gil: false, gil_source: sys._is_gil_enabled)"), ft);
        // the same build run with the GIL switched back on (PYTHON_GIL=1) is inside
        assertNull(gilScope("cpython:3.14t", "{\"gil\": true, \"gil_source\": \"sys._is_gil_enabled\"}"));
        // observed beats the declared families both ways
        assertNull(gilScope("jython", "{\"gil\": true}"));
        // not recorded: the declared families decide
        assertNull(gilScope("cpython:3.13", "{}"));
        assertNull(gilScope("pypy:bookworm", null));
        String j = gilScope("jython", null);
        assertTrue(j.contains("not one of cpython, pypy, graalpy, and the trial did not report gil"), j);
    }

    @Test
    void pypyStaysInTheRefcountingClaimAndItsFinalizationContradictsIt() {
        Claim refcounting = TABLE.claims().get("refcounting");
        assertNull(refcounting.notApplicable("pypy:bookworm", json("{\"gil\": true}")));
        assertNull(refcounting.notApplicable("jython", json("{\"gil\": false}")));
        assertTrue(refcounting.notApplicable("graalpy", null).startsWith("not named by the claim"));
        Verdict pypy = TABLE.judge(TABLE.check("finalization_del"),
                probe("pypy:bookworm", "finalization", "{\"del\": \"after_collect\"}"));
        assertEquals(Boolean.FALSE, pypy.claimHolds(), "PyPy runs __del__ only at a collection");
        assertNull(pypy.notApplicable());
        Verdict graal = TABLE.judge(TABLE.check("finalization_del"),
                probe("graalpy", "finalization", "{\"del\": \"never\"}"));
        assertNull(graal.claimHolds());
        assertTrue(graal.notApplicable().startsWith("not named by the claim"), graal.notApplicable());
    }

    @Test
    void aBadScopeOrControlIsRefusedWithTheClaim() {
        String row = "checks:\n  - check: a\n    subject: s\n    observe: x\n    expect: {\"*\": 1}\n    claim: c\n";
        IllegalArgumentException noOutside = assertThrows(IllegalArgumentException.class, () -> Expectations.parse(
                "claims:\n  c: {text: t, scope: {observed: gil}}\n" + row, "t.yaml"));
        assertTrue(noOutside.getMessage().contains("claim 'c'") && noOutside.getMessage().contains("outside"),
                noOutside.getMessage());
        IllegalArgumentException badControl = assertThrows(IllegalArgumentException.class, () -> Expectations.parse(
                "claims:\n  c: {text: t, control: {checks: [b], share: s}}\n" + row, "t.yaml"));
        assertTrue(badControl.getMessage().contains("control check 'b'"), badControl.getMessage());
    }
}
