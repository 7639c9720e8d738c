package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An untrusted workload in a container can write /tmp (a tmpfs) and nothing else: the root file system is
 * read-only and the scripts are bind-mounted read-only; network none.
 */
class ReadOnlyContainerTest {

    @Test
    void workloadCanWriteOnlyTmp() throws IOException {
        String runtime = "cpython:3.11";
        FaultRun.need(runtime);
        List<String> names = List.of("write_probe", "measured");
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(runtime), names, Duration.ofSeconds(90), null));
        r.assertAllRecorded(names);
        TrialResult t = r.get("write_probe");
        assertEquals(TrialResult.Status.ok, t.status(), t::message);
        JsonNode result = t.probe();
        assertEquals("ok", result.path("tmp").asText(), result::toString);
        for (String place : List.of("root", "etc", "usr", "scripts")) {
            assertTrue(result.path(place).asText().endsWith("EROFS"), () -> place + ": " + result);
        }
        assertEquals(Boolean.TRUE, t.launch().get("read_only_root"), t.launch()::toString);
        assertEquals("none", t.launch().get("network"));
        FaultRun.remember(t.toBuilder().message("probe answer: " + result).build());
        assertEquals(TrialResult.Status.ok, r.get("measured").status(), r.log());
    }
}
