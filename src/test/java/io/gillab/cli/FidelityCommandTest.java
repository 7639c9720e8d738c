package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FidelityCommandTest {

    @Test
    void parsesTheDirectScriptsOutput() {
        var d = FidelityCommand.DirectRun.parse(List.of("interpreter /usr/bin/python3 3.11.7", "warmup 0.29",
                "warmup 0.28", "sample 0.2012", "sample 0.19875", "noise", "sample oops"));
        assertEquals("/usr/bin/python3 3.11.7", d.interpreter());
        assertEquals(List.of(0.29, 0.28), d.warmups());
        assertEquals(List.of(0.2012, 0.19875), d.samples());
    }

    @Test
    void calibrationSplitsTheFirstCalibrationFromALaterOne() throws Exception {
        var cal = new ObjectMapper().readTree("{\"min_time\": 0.2, \"runs\": [[1000, 0.05], [4000, 0.21], [4000, 0.08], [8000, 0.16]]}");
        double[] c = FidelityCommand.Split.calibration(cal);
        assertEquals(0.50, c[0], 1e-9, "every calibration run");
        assertEquals(0.26, c[1], 1e-9, "the runs before the first sample");
        assertArrayEquals(new double[] {0, 0}, FidelityCommand.Split.calibration(null));
    }

    @Test
    void splitsAddUp() {
        var a = new FidelityCommand.Split(1, 3, 10, 4, 2, 1, 0.5, 1.5, 1);
        var b = new FidelityCommand.Split(1, 1, 2, 0, 0, 0, Double.NaN, Double.NaN, 0);
        var s = a.plus(b);
        assertEquals(12, s.wall(), 1e-9);
        assertEquals(5, s.overhead(), 1e-9);
        assertEquals(0.5, s.startupPerProcess(), 1e-9);
        assertEquals(3.5, s.rest(), 1e-9);
        assertEquals(4, s.processes());
    }

    @Test
    void target() {
        assertTrue(FidelityCommand.withinTarget(1.0));
        assertTrue(FidelityCommand.withinTarget(1.019));
        assertTrue(FidelityCommand.withinTarget(0.985));
        assertFalse(FidelityCommand.withinTarget(1.03));
        assertFalse(FidelityCommand.withinTarget(0.97));
    }

    @Test
    void badSamplesIsAUsageErrorBeforeAnythingRuns() {
        StringWriter err = new StringWriter();
        CommandLine cl = GillabCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("fidelity", "--samples", "0");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--samples must be at least 1"), err.toString());
    }
}
