package io.gillab.runtime.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.driver.DriverOutput;
import io.gillab.runtime.GillabHome;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The driver inside a CPython container, the Testcontainers JUnit 5 way: one long-lived container
 * (network none) that the tests exec into. Skipped when Docker or the image is not there.
 */
@Tag("containers")
@Testcontainers(disabledWithoutDocker = true)
@EnabledIf("imagePresent")
class ContainerDriverTest {
    static final String IMAGE = "gillab/cpython:3.13";

    @org.testcontainers.junit.jupiter.Container
    static final GenericContainer<?> PYTHON = new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withNetworkMode("none")
            .withCopyFileToContainer(MountableFile.forHostPath(GillabHome.locate().scriptsDir()), "/gillab/python-scripts")
            .withCommand("sleep", "infinity");

    /** The image is there, and Testcontainers' lifecycle can run it (NoBridgeSettings). */
    static boolean imagePresent() {
        DockerEndpoint docker = DockerEndpoint.fromEnvironment();
        return docker.whyUnreachable() == null && ContainerImage.inspect(IMAGE).isPresent()
                && NoBridgeSettings.missing(docker, System.getenv()) == null;
    }

    private static DriverOutput driver(String... args) throws Exception {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "python3";
        cmd[1] = "/gillab/python-scripts/driver.py";
        System.arraycopy(args, 0, cmd, 2, args.length);
        Container.ExecResult r = PYTHON.execInContainer(cmd);
        assertEquals(0, r.getExitCode(), r.getStderr());
        return DriverOutput.parse(r.getStdout().lines().toList());
    }

    @Test
    void refcountOfAFreshDictIsTwo() throws Exception {
        DriverOutput out = driver("run", "refcount");
        assertEquals("CPython", out.meta().orElseThrow().path("implementation").asText());
        assertEquals(2, out.probe().orElseThrow().path("result").path("value").asInt());
        assertTrue(out.finished());
    }

    @Test
    void containerHasNoNetworkButLoopback() throws Exception {
        Container.ExecResult r = PYTHON.execInContainer("python3", "-c",
                "import socket; print(sorted(set(i[4][0] for i in socket.getaddrinfo('localhost', 1))))");
        assertEquals(0, r.getExitCode(), r.getStderr());
        Container.ExecResult links = PYTHON.execInContainer("cat", "/proc/net/dev");
        List<String> interfaces = links.getStdout().lines().skip(2).map(l -> l.strip().split(":")[0]).toList();
        assertEquals(List.of("lo"), interfaces, links.getStdout());
    }
}
