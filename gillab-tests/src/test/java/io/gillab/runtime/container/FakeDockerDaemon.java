package io.gillab.runtime.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in Docker daemon on a Unix socket: answers {@code _ping}, {@code version}, {@code info} and
 * {@code networks} (none, so no bridge) as a daemon would, one request per connection; or, wedged,
 * accepts connections and never answers. Records the paths asked for.
 */
final class FakeDockerDaemon implements AutoCloseable {
    private final ServerSocketChannel server;
    private final boolean wedged;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> held = new CopyOnWriteArrayList<>();

    FakeDockerDaemon(Path socket, boolean wedged) throws IOException {
        Files.createDirectories(socket.getParent());
        this.wedged = wedged;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::serve, "fake-docker-daemon");
        t.setDaemon(true);
        t.start();
    }

    List<String> requests() {
        return requests;
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                if (wedged) {
                    held.add(ch);
                    continue;
                }
                Thread t = new Thread(() -> answer(ch), "fake-docker-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(SocketChannel ch) {
        try (ch) {
            String path = requestPath(Channels.newInputStream(ch));
            requests.add(path);
            String body = body(path.replaceFirst("^/v[0-9.]+", "").replaceFirst("\\?.*", ""));
            int status = body == null ? 404 : 200;
            if (body == null) {
                body = "{\"message\":\"page not found\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                    + "Content-Type: " + (path.endsWith("_ping") ? "text/plain" : "application/json") + "\r\n"
                    + "Api-Version: 1.44\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            ch.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String body(String path) {
        return switch (path) {
            case "/_ping" -> "OK";
            case "/version" -> "{\"Version\":\"99.0-fake\",\"ApiVersion\":\"1.44\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";
            case "/info" -> "{\"ID\":\"fake\",\"OSType\":\"linux\",\"ServerVersion\":\"99.0-fake\","
                    + "\"OperatingSystem\":\"a fake daemon\",\"MemTotal\":1073741824}";
            case "/networks" -> "[]";
            default -> null;
        };
    }

    /** The request line's path; reads the head up to the blank line (these requests have no body). */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String[] line = head.toString(StandardCharsets.ISO_8859_1).split(" ", 3);
        return line.length > 1 ? line[1] : "";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel ch : held) {
            ch.close();
        }
    }
}
