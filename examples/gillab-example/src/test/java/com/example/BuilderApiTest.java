package com.example;

import static io.gillab.junit.GillabAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.api.Gillab;
import io.gillab.api.RunResults;
import io.gillab.model.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** gillab from code: a run built step by step, its trials as data, judged with the same assertions. */
class BuilderApiTest {

    @Test
    void graalPyRunsTheProjectsWorkloadWithItsJit() throws IOException {
        RunResults run = Gillab.run()
                .runtimes("graalpy", "cpython-local")
                .workloads("word_count")
                .path(Path.of("src/test/python"))
                .threads(1, 2)
                .quick()
                .out(Path.of("target/gillab/builder"))
                .execute();

        TrialResult graalpy = run.trial("word_count", "graalpy");
        assertThat(graalpy).isOk();
        // the compiler artifact on this project's test class path reached the GraalPy worker
        assertTrue(graalpy.host().path("jit").asBoolean(false), () -> "GraalPy ran without its JIT: " + graalpy.message());
        assertThat(run.trial("word_count", "cpython-local")).isOk().speedup(2).isAtMost(1.3);
        assertTrue(Files.isRegularFile(run.report()), "report.html is written beside results.jsonl");
        assertEquals(run.dir().resolve("report.html"), run.report());
    }
}
