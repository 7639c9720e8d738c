package io.gillab.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.Sample;
import io.gillab.runtime.ProcessOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's calibration around the warm-up rounds, with a workload that plays a JIT: its first three
 * calls take 1 ms per unit, later ones 0.1 ms. The first calibration picks a size on the slow calls; after
 * the warm-ups the runs are 10x faster, the re-calibration grows the size, and the warm-up rounds must
 * run again at that size before any measured round (a JIT has not yet seen runs that long).
 */
class DriverCalibrationTest {
    /** jitlike.py: 1 ms per unit for its first 3 calls, then 0.1 ms (bench/driver-records.py uses it too). */
    static final Path JIT_LIKE_DIR = Path.of("src/test/resources/fixtures/calibration").toAbsolutePath();

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void warmupsRunAgainAtTheSizeTheRecalibrationPicks(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        ProcessOutput out = LocalDriver.run(python, "run", "jitlike", "--threads", "1", "--warmups", "2",
                "--samples", "3", "--min-time", "0.05", "--path", JIT_LIKE_DIR.toString());
        DriverOutput d = DriverOutput.parse(out.stdoutLines());
        assertTrue(d.errors().isEmpty() && d.finished(), () -> "errors: " + d.errors() + "\n" + out.stderrTail());

        // first calibration: 10 units take 10 ms, so 80 (80 ms); after the warm-ups 80 units take 8 ms
        // against min_time/2 = 25 ms, so 320 (32 ms)
        List<Sample> samples = d.samples();
        List<String> seen = samples.stream().map(s -> (s.warmup() ? "w" : "m") + s.size()).toList();
        assertEquals(List.of("w80", "w80", "w320", "w320", "m320", "m320", "m320"), seen,
                "warm-ups at the first size, warm-ups again at the re-calibrated size, then the measured rounds");
        long calibrations = out.stdoutLines().stream().filter(l -> l.contains("\"record\":\"calibration\"")).count();
        assertEquals(2, calibrations, "one calibration record before the warm-ups, one after");
    }
}
