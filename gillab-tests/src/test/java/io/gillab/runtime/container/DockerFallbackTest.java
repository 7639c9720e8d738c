package io.gillab.runtime.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.runtime.GillabHome;
import io.gillab.runtime.LocalPythonRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no Docker daemon, 'cpython' falls back to the local interpreter and says why in one line. */
class DockerFallbackTest {
    private static final String NO_SOCKET = "unix:///nonexistent/gillab/docker.sock";
    private String saved;

    @BeforeEach
    void pointAtAMissingSocket() {
        saved = System.getProperty("gillab.docker.host");
        System.setProperty("gillab.docker.host", NO_SOCKET);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("gillab.docker.host");
        } else {
            System.setProperty("gillab.docker.host", saved);
        }
    }

    @Test
    void cpythonFallsBackToALocalProcessWithOneLineWhy() {
        RuntimeRegistry.Resolution r = new RuntimeRegistry(GillabHome.locate(), "python3")
                .resolveAll(List.of("jython", "cpython"));
        assertEquals(List.of("jython", "cpython"), r.runtimes().stream().map(x -> x.id()).toList());
        assertTrue(r.runtimes().get(1) instanceof LocalPythonRuntime);
        assertEquals(1, r.notes().size(), r.notes().toString());
        String note = r.notes().get(0);
        assertTrue(note.startsWith("no Docker daemon at " + NO_SOCKET), note);
        assertTrue(note.endsWith("CPython ran as a local process (python3)"), note);
        assertEquals(1, note.lines().count());
    }

    @Test
    void explicitContainerRuntimeWithoutDockerSaysHowToGetOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuntimeRegistry(GillabHome.locate(), "python3").resolveAll(List.of("cpython:3.13")));
        assertTrue(e.getMessage().contains("no Docker daemon at " + NO_SOCKET), e.getMessage());
        assertTrue(e.getMessage().contains("bash docker/start-daemon.sh"), e.getMessage());
    }

    @Test
    void unreachableDaemonIsNamed() {
        String why = new DockerEndpoint(NO_SOCKET).whyUnreachable();
        assertTrue(why.contains("does not exist"), why);
    }
}
