package io.gillab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GillabVsDirectTest {

    @Test
    void parsesTheDirectScriptsOutput() {
        var d = DirectCountdown.parse(List.of("interpreter /usr/bin/python3 3.11.7", "warmup 0.29",
                "warmup 0.28", "sample 0.2012", "sample 0.19875", "noise", "sample oops"), 1.5);
        assertEquals("/usr/bin/python3 3.11.7", d.interpreter());
        assertEquals(List.of(0.29, 0.28), d.warmups());
        assertEquals(List.of(0.2012, 0.19875), d.samples());
        assertEquals(1.5, d.wallSeconds());
    }

    @Test
    void target() {
        assertTrue(GillabVsDirect.withinTarget(1.0));
        assertTrue(GillabVsDirect.withinTarget(1.019));
        assertTrue(GillabVsDirect.withinTarget(0.985));
        assertFalse(GillabVsDirect.withinTarget(1.03));
        assertFalse(GillabVsDirect.withinTarget(0.97));
    }

    @Test
    void figuresOverBlocks() {
        var fast = new GillabVsDirect.Side("py", List.of(), List.of(0.10, 0.12, 0.11), 1);
        var slow = new GillabVsDirect.Side("py", List.of(), List.of(0.20, 0.22, 0.21), 1);
        var r = new GillabVsDirect.Result(List.of(new GillabVsDirect.Block(1, slow, fast, java.nio.file.Path.of("a")),
                new GillabVsDirect.Block(2, fast, fast, java.nio.file.Path.of("b"))), null, "");
        assertEquals(6, r.allGillab().size());
        assertEquals(0.1, r.gillabMin(), 1e-12);
        assertEquals(1.0, r.blockRatioMin(), 1e-12);
        assertEquals(0.21 / 0.11, r.blockRatioMax(), 1e-12);
        assertTrue(r.longEnough());
        assertFalse(r.targetMet());
    }
}
