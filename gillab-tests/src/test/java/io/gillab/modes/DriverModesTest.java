package io.gillab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.driver.DriverOutput;
import io.gillab.driver.LocalDriver;
import io.gillab.model.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's {@code --mode} on local interpreters, without containers or worker JVMs: the same
 * records as threads mode, the mode named in a {@code mode} record and on every sample, and a mode the
 * interpreter lacks as one {@code ModeNotAvailable} error. Python 2.7 (pyenv) checks that the code still
 * runs there (it is what Jython runs).
 */
class DriverModesTest {
    static DriverOutput driver(String python, String... args) throws IOException {
        return DriverOutput.parse(LocalDriver.run(python, args).stdoutLines());
    }

    @ParameterizedTest(name = "processes mode on {0}: the threads-mode records, one process per worker")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void processesModeGivesTheSameRecords(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        DriverOutput d = driver(python, "run", "countdown", "--threads", "1,2", "--samples", "2", "--warmups", "1",
                "--size", "200000", "--mode", "processes");
        assertTrue(d.errors().isEmpty(), () -> "errors: " + d.errors());
        assertTrue(d.finished());
        assertEquals(6, d.samples().size());
        assertEquals(List.of(1, 2, 2, 1, 1, 2), d.samples().stream().map(Sample::threads).toList(),
                "rounds alternate the order as in threads mode");
        // (os.times on Python 2.7 ticks in 10 ms: a short sample may read 0)
        assertTrue(d.samples().stream().allMatch(s -> s.cpuSeconds() != null && s.cpuSeconds() >= 0),
                "cpu_seconds includes the worker processes' CPU time");
    }

    @Test
    void processesModeReportsAWorkersFailedCheckWithItsWorker() throws IOException {
        Path dir = LocalDriver.workloadDir("wrong", """
                KIND = "cpu"
                DESCRIPTION = "gives a wrong answer on its second worker"
                PREDICTION = "none"
                DEFAULT_SIZE = 10
                def run(size):
                    return size
                def check(size, result):
                    assert size == 11, "wrong answer for %d" % size
                """);
        DriverOutput d = driver("python3", "run", "wrong", "--threads", "2", "--samples", "1", "--warmups", "0",
                "--size", "21", "--mode", "processes", "--path", dir.toString());
        assertEquals(1, d.errors().size(), () -> "errors: " + d.errors());
        JsonNode e = d.errors().get(0);
        assertEquals("check", e.path("stage").asText());
        assertEquals("AssertionError", e.path("exception").asText());
        assertEquals(1, e.path("thread").asInt(), "the second worker got 10 of 21, not 11");
        assertTrue(e.path("file").asText().endsWith("wrong.py"));
    }

    @ParameterizedTest(name = "mode {0} on CPython 3.11 is not available, with the reason")
    @ValueSource(strings = {"interpreters", "contexts"})
    void missingModeIsOneNotAvailableError(String mode) throws IOException {
        DriverOutput d = driver("python3", "run", "countdown", "--threads", "1,2", "--size", "1000", "--mode", mode);
        assertEquals(1, d.errors().size(), () -> "errors: " + d.errors());
        JsonNode e = d.errors().get(0);
        assertEquals("ModeNotAvailable", e.path("exception").asText());
        assertEquals("args", e.path("stage").asText());
        assertTrue(e.path("message").asText().startsWith("mode " + mode + " not available on CPython 3."),
                () -> e.path("message").asText());
        assertTrue(d.samples().isEmpty());
    }

    @Test
    void measureWorkloadsHaveNoProcessesMode() throws IOException {
        DriverOutput d = driver("python3", "run", "convoy", "--threads", "1", "--mode", "processes");
        assertEquals("ModeNotAvailable", d.errors().get(0).path("exception").asText());
        assertTrue(d.errors().get(0).path("message").asText().contains("measure()"));
    }

    @Test
    void probesIgnoreTheMode() throws IOException {
        DriverOutput d = driver("python3", "run", "refcount", "--mode", "processes");
        assertTrue(d.errors().isEmpty() && d.probe().isPresent(), () -> "errors: " + d.errors());
    }
}
