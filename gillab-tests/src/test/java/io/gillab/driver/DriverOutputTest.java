package io.gillab.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriverOutputTest {

    @Test
    void readsRecordsByType() {
        DriverOutput out = DriverOutput.parse(List.of(
                "{\"gillab\":1,\"record\":\"meta\",\"implementation\":\"CPython\",\"version\":\"3.11.7\",\"gil\":true}",
                "{\"gillab\":1,\"record\":\"calibration\",\"size\":8000000,\"seconds\":0.21}",
                "{\"gillab\":1,\"record\":\"sample\",\"workload\":\"countdown\",\"threads\":1,\"size\":8000000,\"index\":0,\"warmup\":true,\"seconds\":0.5}",
                "{\"gillab\":1,\"record\":\"sample\",\"workload\":\"countdown\",\"threads\":2,\"size\":8000000,\"index\":1,\"warmup\":false,\"seconds\":0.25}",
                "{\"gillab\":1,\"record\":\"sample\",\"workload\":\"countdown\",\"threads\":1,\"size\":8000000,\"index\":2,\"warmup\":false,\"seconds\":0.125}",
                "{\"gillab\":1,\"record\":\"end\",\"status\":\"ok\"}"));
        assertEquals("CPython", out.meta().orElseThrow().path("implementation").asText());
        assertEquals(8000000, out.calibration().orElseThrow().path("size").asLong());
        assertEquals(3, out.samples().size());
        assertEquals(List.of(0.25, 0.125), out.measuredSeconds());
        assertEquals(List.of(0.5), out.warmupSeconds());
        assertEquals(2, out.samples().get(1).threads());
        assertTrue(out.finished());
        assertEquals(0, out.otherLines());
    }

    @Test
    void garbageAndForeignJsonAreCountedNotTrusted() {
        DriverOutput out = DriverOutput.parse(List.of(
                "hello from the workload",
                "{\"record\":\"sample\",\"seconds\":0.001}", // JSON, but not a gillab record
                "{\"gillab\":1,\"record\":\"sample\",\"seconds\":", // torn
                "\u0000\u0001binary",
                "",
                "{\"gillab\":1,\"record\":\"probe\",\"probe\":\"refcount\",\"result\":{\"available\":true,\"value\":2}}"));
        assertEquals(4, out.otherLines());
        assertEquals(3, out.otherExamples().size());
        assertTrue(out.samples().isEmpty());
        assertEquals(2, out.probe().orElseThrow().path("result").path("value").asInt());
        assertFalse(out.finished());
    }

    @Test
    void describesErrorsWithFileAndLine() {
        DriverOutput out = DriverOutput.parse(List.of(
                "{\"gillab\":1,\"record\":\"error\",\"stage\":\"load\",\"exception\":\"SyntaxError\","
                        + "\"message\":\"invalid syntax\",\"file\":\"/w/bad.py\",\"line\":3,\"traceback\":\"...\"}"));
        assertEquals("load error: SyntaxError: invalid syntax (/w/bad.py:3)",
                DriverOutput.describeError(out.errors().get(0)));
    }

    @Test
    void keepsTheWaitForAnIdleJitWhereThereWasOne() {
        DriverOutput out = DriverOutput.parse(List.of(
                "{\"gillab\":1,\"record\":\"sample\",\"threads\":2,\"size\":8,\"index\":0,\"warmup\":false,"
                        + "\"seconds\":0.25,\"cpu_seconds\":0.5,\"jit_wait_seconds\":3.01,\"jit_busy\":true}",
                "{\"gillab\":1,\"record\":\"sample\",\"threads\":1,\"size\":8,\"index\":1,\"warmup\":false,"
                        + "\"seconds\":0.5,\"cpu_seconds\":0.5}"));
        assertEquals(3.01, out.samples().get(0).jitWaitSeconds());
        assertEquals(Boolean.TRUE, out.samples().get(0).jitBusy());
        assertEquals(null, out.samples().get(1).jitWaitSeconds());
        assertEquals(null, out.samples().get(1).jitBusy());
        assertEquals(3.01, out.samples().get(0).withFork(1).jitWaitSeconds());
    }
}
