package io.gillab.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.ProcessOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's side of a catalogue that one file cannot take down (Catalogue reruns the listing without a
 * file that ended it): an import that hangs is named when the import limit runs out, and a named run of a
 * user file that has a built-in's name is refused with both paths.
 */
class ListIsolationTest {
    @ParameterizedTest(name = "a hanging import is named at the limit on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void aHangingImportIsNamed(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        Path dir = LocalDriver.workloadDir("sleeper", "import time\ntime.sleep(100)\n");
        ProcessOutput out = LocalDriver.run(python, "list", "--path", dir.toString(), "--import-limit", "1");
        DriverOutput d = DriverOutput.parse(out.stdoutLines());
        assertEquals(3, out.exitCode(), out::stderrTail);
        JsonNode last = d.loading().get(d.loading().size() - 1);
        assertEquals(dir.resolve("sleeper.py").toString(), last.path("file").asText());
        JsonNode error = d.errors().get(d.errors().size() - 1);
        assertEquals("ImportTimeout", error.path("exception").asText(), error::toString);
        assertEquals(dir.resolve("sleeper.py").toString(), error.path("file").asText());
        assertTrue(error.path("message").asText().startsWith("the import did not finish within 1 s"), error::toString);
    }

    @ParameterizedTest(name = "a user file named like a built-in runs only when allowed on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void aShadowingFileRunsOnlyWhenAllowed(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        Path builtIn = GillabHome.locate().scriptsDir().resolve("workloads/countdown.py");
        Path dir = LocalDriver.workloadDir("countdown", Files.readString(builtIn)
                .replace("DEFAULT_SIZE = 7000000", "DEFAULT_SIZE = 1234"));
        ProcessOutput out = LocalDriver.run(python, "run", "countdown", "--path", dir.toString(), "--samples", "1",
                "--warmups", "0");
        assertEquals(7000000, DriverOutput.parse(out.stdoutLines()).samples().get(0).size(), "the built-in ran");
        ProcessOutput allowed = LocalDriver.run(python, "run", "countdown", "--path", dir.toString(), "--samples", "1",
                "--warmups", "0", "--allow-shadowing");
        assertEquals(1234, DriverOutput.parse(allowed.stdoutLines()).samples().get(0).size(), "the user's file ran");
    }
}
