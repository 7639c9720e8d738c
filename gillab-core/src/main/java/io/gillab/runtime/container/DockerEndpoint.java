package io.gillab.runtime.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * A Docker daemon endpoint: its host URI, how it was found ({@code via}: a Testcontainers strategy, or
 * {@code -Dgillab.docker.host}), and whether it answers. {@link #fromEnvironment()} finds it the way
 * Testcontainers does ({@link DockerDiscovery}); {@code notFound} is the one-line reason when nothing
 * answered. The answer check is a plain {@code /_ping} with a 5-second limit, so a missing or wedged
 * daemon costs gillab at most that.
 */
public record DockerEndpoint(TransportConfig transport, String via, String notFound) {
    static final int PING_SECONDS = 5;
    private static final Map<String, DockerClient> CLIENTS = new ConcurrentHashMap<>();

    /** An endpoint named by hand ({@code -Dgillab.docker.host}, tests). */
    public DockerEndpoint(String host) {
        this(TransportConfig.builder().dockerHost(URI.create(host)).build(), "given", null);
    }

    /** {@code -Dgillab.docker.host} when set, else what Testcontainers' strategies find. */
    public static DockerEndpoint fromEnvironment() {
        String prop = System.getProperty("gillab.docker.host");
        if (prop != null && !prop.isBlank()) {
            return new DockerEndpoint(TransportConfig.builder().dockerHost(URI.create(prop)).build(),
                    "-Dgillab.docker.host", null);
        }
        return DockerDiscovery.find();
    }

    public String host() {
        return transport.getDockerHost().toString();
    }

    /** "unix:///var/run/docker.sock (Testcontainers' UnixSocketClientProviderStrategy)". */
    public String describe() {
        return host() + " (" + via + ")";
    }

    /** Null when the daemon answers {@code /_ping}, else why not. */
    public String whyUnreachable() {
        if (notFound != null) {
            return notFound;
        }
        try {
            FutureTask<String> task = new FutureTask<>(this::ping);
            Thread t = new Thread(task, "gillab-docker-ping");
            t.setDaemon(true);
            t.start();
            String answer;
            try {
                answer = task.get(PING_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                t.interrupt();
                return "the Docker daemon at " + host() + " did not answer /_ping within " + PING_SECONDS + " s";
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            return answer.startsWith("HTTP/1.") && answer.contains(" 200 ") ? null
                    : "the Docker daemon at " + host() + " answered: " + firstLine(answer);
        } catch (IOException | RuntimeException e) {
            return "no Docker daemon at " + host() + " (" + e.getMessage() + ")";
        }
    }

    /** The docker-java client Testcontainers builds for this endpoint (one per host, kept). */
    public DockerClient client() {
        return CLIENTS.computeIfAbsent(host(), h -> DockerClientProviderStrategy.getClientForConfig(transport));
    }

    /** Whether the daemon is on this machine, so host folders can be bind-mounted. */
    public boolean isLocalSocket() {
        return "unix".equals(transport.getDockerHost().getScheme());
    }

    /**
     * Whether the daemon has a network named "bridge". Testcontainers' own container lifecycle needs one
     * (for Ryuk and, inside a container, to find the host); gillab's trial containers run with network
     * none and do not.
     */
    public boolean hasBridgeNetwork() {
        return client().listNetworksCmd().withNameFilter("bridge").exec().stream()
                .anyMatch(n -> "bridge".equals(n.getName()));
    }

    private String ping() throws IOException {
        byte[] request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        URI uri = transport.getDockerHost();
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) {
                throw new IOException("socket " + socket + " does not exist");
            }
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                ch.write(ByteBuffer.wrap(request));
                return readSome(Channels.newInputStream(ch));
            }
        }
        if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 3000);
                if (transport.getSslConfig() != null || "https".equals(uri.getScheme())) {
                    return "HTTP/1.1 200 OK (TLS port accepts connections)"; // Testcontainers' own test does no more
                }
                s.setSoTimeout(3000);
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                return readSome(s.getInputStream());
            }
        }
        throw new IOException("unsupported Docker host scheme: " + host());
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buf = in.readNBytes(512);
        return new String(buf, StandardCharsets.ISO_8859_1);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
