package io.gillab.runtime.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gillab finds Docker where Testcontainers would: here a daemon (a fake one) listening only on a socket
 * in an unusual place, named by {@code docker.host} in {@code ~/.testcontainers.properties}. Testcontainers
 * reads that file once per JVM from {@code user.home}, so the finding runs in a child JVM with its own home.
 */
class DockerDiscoveryTest {
    @TempDir
    Path tmp;

    @Test
    void findsADaemonNamedOnlyInTestcontainersProperties() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path socket = tmp.resolve("odd/place/docker.sock");
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=unix://" + socket + "\n");
        try (FakeDockerDaemon daemon = new FakeDockerDaemon(socket, false)) {
            String out = findInChildJvm(home);
            assertTrue(out.contains("endpoint: unix://" + socket + " (Testcontainers' "
                    + "EnvironmentAndSystemPropertyClientProviderStrategy: docker.host in " + home
                    + "/.testcontainers.properties)"), out);
            assertTrue(out.contains("unreachable: null"), out);
            // Testcontainers itself chose it: its strategy asks the daemon for /info, gillab's ping does not.
            assertTrue(daemon.requests().stream().anyMatch(p -> p.endsWith("/info")), daemon.requests().toString());
            assertTrue(out.contains("bridge: false"), out);
            assertTrue(out.contains("no-bridge settings: the Docker daemon at unix://" + socket + " has no bridge network;"
                    + " Testcontainers' containers need TESTCONTAINERS_RYUK_DISABLED=true and"
                    + " TESTCONTAINERS_HOST_OVERRIDE=localhost in the environment"), out);
        }
    }

    @Test
    void aDaemonThatNeverAnswersCostsFiveSecondsAtMost() throws Exception {
        Path socket = tmp.resolve("wedged/docker.sock");
        try (FakeDockerDaemon wedged = new FakeDockerDaemon(socket, true)) {
            long start = System.nanoTime();
            String why = new DockerEndpoint("unix://" + socket).whyUnreachable();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("the Docker daemon at unix://" + socket + " did not answer /_ping within 5 s", why);
            assertTrue(seconds < 7, seconds + " s");
        }
    }

    /** PrintDockerEndpoint in a JVM whose home is {@code home}, with no Docker or Testcontainers variables. */
    private static String findInChildJvm(Path home) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                PrintDockerEndpoint.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("TESTCONTAINERS_"));
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM finished");
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
