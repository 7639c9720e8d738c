package io.gillab.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.results.ResultSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a run's time went: the parts add up to the trials' wall time, and the calibration is split right. */
class RunCostTest {

    @Test
    void calibrationSplitsTheFirstCalibrationFromALaterOne() throws Exception {
        var cal = new ObjectMapper().readTree("{\"min_time\": 0.2, \"runs\": [[1000, 0.05], [4000, 0.21], [4000, 0.08], [8000, 0.16]]}");
        double[] c = RunCost.Part.calibration(cal);
        assertEquals(0.50, c[0], 1e-9, "every calibration run");
        assertEquals(0.26, c[1], 1e-9, "the runs before the first sample");
        assertArrayEquals(new double[] {0, 0}, RunCost.Part.calibration(null));
    }

    @Test
    void partsAddUpToTheWallTime() {
        var a = new RunCost.Part(1, 3, 10, 4, 2, 1, 0.5, 1.5);
        var b = new RunCost.Part(1, 1, 2, 0, 0, 0, 0, 1);
        var s = a.plus(b);
        assertEquals(12, s.wall(), 1e-9);
        assertEquals(4, s.processes());
        assertEquals(12 - 4 - 2 - 1 - 0.5 - 2.5, s.rest(), 1e-9);
    }

    @Test
    void aRecordedRunSplitsPerRuntime() throws Exception {
        ResultSet run = ResultSet.load(Path.of("src/test/resources/fixtures/merge/full"));
        RunCost cost = RunCost.of(run.results(), 100);
        assertEquals(java.util.Set.of("jython", "cpython-local"), cost.perRuntime().keySet());
        RunCost.Part all = cost.all();
        assertEquals(8, all.trials());
        assertTrue(all.measured() > 0 && all.measured() < all.wall(), all.toString());
        assertEquals(all.wall(), all.measured() + all.warmup() + all.calibration() + all.jitWait() + all.startup()
                + all.rest(), 1e-9);
        assertEquals(all.measured() / 100, cost.efficiency(), 1e-12);
        assertTrue(cost.summaryLine().startsWith("run time 1 min 40 s; "), cost.summaryLine());
    }
}
