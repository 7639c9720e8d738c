package io.gillab.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.runtime.ProcessOutput;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A probe's answer has a stated size limit; over it, the driver names the size instead of a record gillab cuts. */
class ProbeContractTest {
    private static final String BIG = String.join("\n", "KIND = 'probe'", "DESCRIPTION = 'returns 2 MB'",
            "PREDICTION = 'refused, naming the size'", "def probe():", "    return {'blob': 'x' * 2000000}", "");
    private static final String SMALL = BIG.replace("2000000", "1000");

    @ParameterizedTest(name = "a 2 MB probe result is refused with its size on {0}")
    @ValueSource(strings = {"python3", LocalDriver.PY27})
    void anOversizedAnswerIsAnErrorNamingItsSize(String python) throws IOException {
        LocalDriver.assumeInstalled(python);
        Path dir = LocalDriver.workloadDir("bigprobe", BIG);
        ProcessOutput out = LocalDriver.run(python, "run", "bigprobe", "--path", dir.toString());
        DriverOutput d = DriverOutput.parse(out.stdoutLines());
        assertTrue(d.probe().isEmpty(), "no probe record");
        JsonNode error = d.errors().get(0);
        assertEquals("ContractError", error.path("exception").asText(), error::toString);
        assertTrue(error.path("message").asText().startsWith("probe() result is 2000011 bytes as JSON, over the"
                + " contract's limit of 524288"), error::toString);

        Path small = LocalDriver.workloadDir("bigprobe", SMALL);
        DriverOutput ok = DriverOutput.parse(LocalDriver.run(python, "run", "bigprobe", "--path", small.toString())
                .stdoutLines());
        assertEquals(1000, ok.probe().orElseThrow().path("result").path("blob").asText().length());
    }
}
