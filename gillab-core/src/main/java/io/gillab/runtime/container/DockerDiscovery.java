package io.gillab.runtime.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.DockerMachineClientProviderStrategy;
import org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.TestcontainersHostPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Finds the Docker daemon the way Testcontainers does: its strategies ({@code tc.host} and
 * {@code docker.host} in {@code ~/.testcontainers.properties}, {@code DOCKER_HOST}, the default socket,
 * rootless Docker, Docker Desktop's socket, ...) name the candidates, gillab pings each (5 s at most), and
 * only when one answers does {@link DockerClientFactory} choose, with a time limit. Testcontainers alone
 * waits without end on a socket that accepts but never answers, and gives no reason when nothing is there.
 */
final class DockerDiscovery {
    /** Testcontainers' own choice, once something answered; it reads config files and asks the daemon. */
    static final int CHOICE_SECONDS = 20;
    private static DockerEndpoint found;

    private DockerDiscovery() {
    }

    /** The endpoint Testcontainers uses, or one whose {@code notFound} lists what was tried. Kept once found. */
    static synchronized DockerEndpoint find() {
        if (found != null) {
            return found;
        }
        Map<String, DockerEndpoint> candidates = candidates();
        List<String> tried = new ArrayList<>();
        boolean anyAnswers = false;
        for (DockerEndpoint c : candidates.values()) {
            String why = c.whyUnreachable();
            if (why == null) {
                anyAnswers = true;
                break;
            }
            tried.add(why + " [" + c.via() + "]");
        }
        if (!anyAnswers) {
            return notFound(tried.isEmpty() ? "no Docker daemon found (no socket at /var/run/docker.sock, none for rootless "
                    + "Docker or Docker Desktop, no DOCKER_HOST, no docker.host or tc.host in ~/.testcontainers.properties)"
                    : "no Docker daemon found: " + String.join("; ", tried));
        }
        TransportConfig chosen;
        try {
            chosen = bounded();
        } catch (RuntimeException e) {
            return notFound("a Docker daemon answers but Testcontainers did not connect: " + e.getMessage());
        }
        DockerEndpoint named = candidates.get(chosen.getDockerHost().toString());
        found = new DockerEndpoint(chosen, named != null ? named.via() : "Testcontainers", null);
        return found;
    }

    private static DockerEndpoint notFound(String why) {
        return new DockerEndpoint(TransportConfig.builder().dockerHost(java.net.URI.create("unix:///var/run/docker.sock"))
                .build(), "none", why);
    }

    /**
     * Each strategy's endpoint, by host, in Testcontainers' order of precedence (tc.host, then docker.host,
     * then the rest). Asking a strategy for its endpoint reads files and the environment, nothing more;
     * docker-machine is left out, as asking it may start a virtual machine.
     */
    static Map<String, DockerEndpoint> candidates() {
        List<DockerClientProviderStrategy> strategies = new ArrayList<>();
        strategies.add(new TestcontainersHostPropertyClientProviderStrategy());
        if (configuredDockerHost() != null) {
            strategies.add(new EnvironmentAndSystemPropertyClientProviderStrategy());
        }
        ServiceLoader.load(DockerClientProviderStrategy.class).forEach(strategies::add);
        Map<String, DockerEndpoint> out = new LinkedHashMap<>();
        for (DockerClientProviderStrategy s : strategies) {
            if (s instanceof DockerMachineClientProviderStrategy
                    || s instanceof EnvironmentAndSystemPropertyClientProviderStrategy && configuredDockerHost() == null) {
                continue;
            }
            TransportConfig t;
            try {
                t = s.getTransportConfig();
            } catch (RuntimeException | LinkageError notHere) {
                continue; // e.g. no tc.host, no rootless socket, no Docker Desktop folder
            }
            if (t == null || t.getDockerHost() == null || "npipe".equals(t.getDockerHost().getScheme())) {
                continue;
            }
            out.putIfAbsent(t.getDockerHost().toString(), new DockerEndpoint(t, via(s), null));
        }
        return out;
    }

    /** DOCKER_HOST, or docker.host in the Testcontainers configuration; null when neither is set. */
    private static String configuredDockerHost() {
        return TestcontainersConfiguration.getInstance().getEnvVarOrUserProperty("docker.host", null);
    }

    /** "Testcontainers' UnixSocketClientProviderStrategy", saying where a configured host came from. */
    private static String via(DockerClientProviderStrategy s) {
        String name = "Testcontainers' " + s.getClass().getSimpleName();
        if (s instanceof EnvironmentAndSystemPropertyClientProviderStrategy) {
            String env = System.getenv("DOCKER_HOST");
            return name + ": " + (env != null && !env.isBlank() ? "DOCKER_HOST"
                    : "docker.host in " + System.getProperty("user.home") + "/.testcontainers.properties");
        }
        if (s instanceof TestcontainersHostPropertyClientProviderStrategy) {
            return name + ": tc.host in " + System.getProperty("user.home") + "/.testcontainers.properties";
        }
        return name;
    }

    /** {@link DockerClientFactory}'s choice, in a daemon thread so a daemon that stops answering cannot hang gillab. */
    private static TransportConfig bounded() {
        FutureTask<TransportConfig> task = new FutureTask<>(() -> DockerClientFactory.instance().getTransportConfig());
        Thread t = new Thread(task, "gillab-docker-discovery");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(CHOICE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("its discovery took over " + CHOICE_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
