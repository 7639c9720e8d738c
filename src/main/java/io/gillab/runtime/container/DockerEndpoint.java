package io.gillab.runtime.container;

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

/**
 * Where the Docker daemon should be ({@code -Dgillab.docker.host}, else {@code DOCKER_HOST}, else the
 * default socket) and whether it answers. A plain {@code /_ping} over the socket: quick, and it does not
 * involve Testcontainers when there is no daemon at all.
 */
public record DockerEndpoint(String host) {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public static DockerEndpoint fromEnvironment() {
        String prop = System.getProperty("gillab.docker.host");
        if (prop != null && !prop.isBlank()) {
            return new DockerEndpoint(prop);
        }
        String env = System.getenv("DOCKER_HOST");
        return new DockerEndpoint(env != null && !env.isBlank() ? env : DEFAULT_HOST);
    }

    /** Null when the daemon answers {@code /_ping}, else why not. */
    public String whyUnreachable() {
        try {
            // A wedged daemon must not hang gillab: the ping gets 5 seconds.
            java.util.concurrent.FutureTask<String> task = new java.util.concurrent.FutureTask<>(this::ping);
            Thread t = new Thread(task, "gillab-docker-ping");
            t.setDaemon(true);
            t.start();
            String answer;
            try {
                answer = task.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                t.interrupt();
                return "the Docker daemon at " + host + " did not answer /_ping within 5 s";
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            return answer.startsWith("HTTP/1.") && answer.contains(" 200 ") ? null
                    : "the Docker daemon at " + host + " answered: " + firstLine(answer);
        } catch (IOException | RuntimeException e) {
            return "no Docker daemon at " + host + " (" + e.getMessage() + ")";
        }
    }

    private String ping() throws IOException {
        byte[] request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        URI uri = URI.create(host);
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
        if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 3000);
                s.setSoTimeout(3000);
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                return readSome(s.getInputStream());
            }
        }
        throw new IOException("unsupported Docker host scheme: " + host);
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
