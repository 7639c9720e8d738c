package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.runtime.GillabHome;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Without the Graal compiler jars (JVMCI unavailable), 'graalpy' still runs, interpreted, and says so
 * loudly: in the runtime line, in the trial's message, and in the host record (jit false). Simulated with a
 * copy of the build directory that has the runtime jars but no jvmci/ folder; the real one is untouched.
 */
@Tag("slow")
class JvmciMissingTest {

    @Test
    void graalPyWithoutJvmciSaysItRanInterpreted() throws IOException {
        FaultRun.need("graalpy");
        GillabHome real = RunFixture.home();
        Path build = Files.createTempDirectory("gillab-no-jvmci-");
        GillabHome home = new GillabHome(build, real.scriptsDir());
        assertTrue(home.graalCompilerJars().isEmpty());

        List<String> names = List.of("refcount");
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of("graalpy"), names, Duration.ofSeconds(120), null),
                home);
        r.assertAllRecorded(names);
        assertTrue(r.log().contains("runtime graalpy: embedded GraalPy WITHOUT its JIT: no Graal compiler jars in "
                + build.resolve("jvmci")), r.log());
        TrialResult t = r.get("refcount");
        assertEquals(TrialResult.Status.ok, t.status(), t::message);
        assertFalse(t.host().path("jit").asBoolean(true), t.host()::toString);
        assertTrue(t.message().startsWith("JIT OFF: GraalPy ran interpreter-only"), t.message());
        assertTrue(t.message().contains("no Graal compiler jars in " + build.resolve("jvmci")), t.message());
        assertTrue(r.log().contains("note: JIT OFF"), r.log());
    }
}
