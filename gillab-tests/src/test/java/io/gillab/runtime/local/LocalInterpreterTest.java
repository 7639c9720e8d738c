package io.gillab.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.LocalInterpreterRuntime;
import io.gillab.runtime.PyenvDiscovery;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import io.gillab.trial.Run;
import io.gillab.trial.RunFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code local:<path>} and the pyenv expansion: any local interpreter, labelled with its implementation,
 * version and GIL state as the driver's {@code info} reports them.
 */
class LocalInterpreterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static RuntimeRegistry registry() {
        return new RuntimeRegistry(GillabHome.locate(), "python3");
    }

    static JsonNode meta(String json) throws IOException {
        return JSON.readTree(json);
    }

    @Test
    void labelsSayImplementationVersionAndGil() throws IOException {
        assertEquals("CPython 3.13.0 (pyenv), GIL enabled", LocalInterpreterRuntime.label(meta("""
                {"implementation":"CPython","implementation_name":"cpython","version":"3.13.0",
                 "implementation_version":"3.13.0","gil":true,"gil_disabled_build":false}"""), "pyenv"));
        assertEquals("CPython 3.14.0, free-threaded build, GIL disabled", LocalInterpreterRuntime.label(meta("""
                {"implementation":"CPython","implementation_name":"cpython","version":"3.14.0",
                 "gil":false,"gil_disabled_build":true}"""), null));
        assertEquals("PyPy 7.3.11 (Python 3.9.16), GIL enabled", LocalInterpreterRuntime.label(meta("""
                {"implementation":"PyPy","implementation_name":"pypy","version":"3.9.16",
                 "implementation_version":"7.3.11","gil":true,"gil_disabled_build":null}"""), null));
        assertEquals("Jython 2.7.4, no GIL", LocalInterpreterRuntime.label(meta("""
                {"implementation":"Jython","implementation_name":"jython","version":"2.7.4","gil":false}"""), null));
    }

    @Test
    void aFreeThreadedBuildWithItsGilBackOnIsFlagged() throws IOException {
        JsonNode m = meta("""
                {"implementation":"CPython","implementation_name":"cpython","version":"3.14.0",
                 "gil":true,"gil_source":"sys._is_gil_enabled","gil_disabled_build":true}""");
        assertTrue(LocalInterpreterRuntime.gilReenabled(m));
        assertTrue(LocalInterpreterRuntime.label(m, null).contains("GIL RE-ENABLED at run time"),
                LocalInterpreterRuntime.label(m, null));
    }

    @Test
    void pyenvVersionsAreFoundAndSortedByVersion() throws IOException {
        Path root = Files.createTempDirectory("pyenv-");
        for (String v : List.of("3.13.0", "2.7.18", "3.9.18", "broken")) {
            Path bin = Files.createDirectories(root.resolve("versions").resolve(v).resolve("bin"));
            if (!v.equals("broken")) {
                Path exe = Files.writeString(bin.resolve("python"), "#!/bin/sh\n");
                Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        PyenvDiscovery d = new PyenvDiscovery(root);
        assertEquals(List.of("2.7.18", "3.9.18", "3.13.0"), d.versions().stream().map(PyenvDiscovery.Version::name).toList());
        assertEquals("local:pyenv-3.9.18", d.find("3.9.18").orElseThrow().runtimeId());
        assertEquals("3.13.0", d.owning(root.resolve("versions/3.13.0/bin/python")).orElseThrow().name());
        assertTrue(d.owning(Path.of("/usr/bin/python3")).isEmpty());
    }

    @Test
    void pyenvSpecsExpandToEveryVersion() {
        PyenvDiscovery d = PyenvDiscovery.fromEnvironment();
        List<PyenvDiscovery.Version> all = d.versions();
        assumeTrue(!all.isEmpty(), () -> "no pyenv versions in " + d.root());
        for (String spec : List.of("local:*pyenv", "local:pyenv:*", "local:pyenv")) {
            RuntimeRegistry.Resolution r = registry().resolveAll(List.of(spec));
            assertEquals(all.stream().map(PyenvDiscovery.Version::runtimeId).toList(),
                    r.runtimes().stream().map(PythonRuntime::id).toList(), spec);
        }
    }

    @Test
    void aMissingInterpreterIsReportedNotDropped() {
        RuntimeRegistry.Resolution r = registry().resolveAll(List.of("local:/nonexistent/python9", "local:pyenv-0.0.1"));
        assertEquals(2, r.runtimes().size());
        for (PythonRuntime rt : r.runtimes()) {
            Availability a = rt.availability();
            assertFalse(a.available());
        }
        assertTrue(r.runtimes().get(1).availability().reason().contains("no pyenv version matches '0.0.1'"));
        assertThrows(IllegalArgumentException.class, () -> registry().resolve("local:"));
    }

    @Test
    void pathsInsidePyenvGetReadableIds() {
        PyenvDiscovery d = PyenvDiscovery.fromEnvironment();
        var v = d.find("2.7.18");
        assumeTrue(v.isPresent(), "pyenv 2.7.18 is not installed here");
        PythonRuntime rt = registry().resolve("local:" + v.get().executable());
        assertEquals("local:pyenv-2.7.18", rt.id());
        assertEquals("CPython 2.7.18 (pyenv), GIL enabled; local process " + v.get().executable(),
                rt.availability().reason());
        assertFalse(rt.isJit());
    }

    /** The acceptance run: pyenv 2.7.18 and 3.13.0 side by side, labelled, on countdown and refcount. */
    @Test
    void pyenv27And313RunSideBySide() throws IOException {
        PyenvDiscovery d = PyenvDiscovery.fromEnvironment();
        assumeTrue(d.find("2.7.18").isPresent() && d.find("3.13.0").isPresent(),
                "pyenv 2.7.18 and 3.13.0 are not both installed here");
        Run.Outcome o = RunFixture.run(RunFixture.options(List.of("local:pyenv-2.7.18", "local:pyenv-3.13.0"),
                List.of("countdown", "refcount"), List.of(1, 2), 2, 0.02, Duration.ofMinutes(2)));
        assertEquals(4, o.results().size());
        for (TrialResult r : o.results()) {
            assertEquals(TrialResult.Status.ok, r.status(), () -> r.trial() + ": " + r.message());
            assertTrue(r.implementation().path("gil").asBoolean(false));
        }
        assertEquals("2.7.18", o.results().stream().filter(r -> r.runtime().equals("local:pyenv-2.7.18")).findFirst()
                .orElseThrow().implementation().path("version").asText());
        TrialResult rc = o.results().stream().filter(r -> r.trial().equals("local:pyenv-3.13.0/refcount")).findFirst()
                .orElseThrow();
        assertEquals(2, rc.probe().path("value").asInt(), () -> "probe " + rc.probe());
    }
}
