package io.gillab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Python versions pyenv has installed: {@code $PYENV_ROOT/versions/*} (default {@code ~/.pyenv}), the
 * same list as {@code pyenv versions --bare} without needing pyenv itself on PATH.
 */
public final class PyenvDiscovery {

    /** One installed version: its name (e.g. {@code 3.13.0}, {@code pypy3.10-7.3.17}) and interpreter. */
    public record Version(String name, Path executable) {
        /** The runtime id gillab gives it: {@code local:pyenv-3.13.0}. */
        public String runtimeId() {
            return "local:pyenv-" + name;
        }
    }

    private final Path root;

    public PyenvDiscovery(Path root) {
        this.root = root;
    }

    /** {@code $PYENV_ROOT}, else {@code ~/.pyenv}. */
    public static PyenvDiscovery fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static PyenvDiscovery fromEnvironment(Map<String, String> env) {
        String r = env.get("PYENV_ROOT");
        return new PyenvDiscovery(r != null && !r.isBlank() ? Path.of(r)
                : Path.of(System.getProperty("user.home"), ".pyenv"));
    }

    public Path root() {
        return root;
    }

    /** Every version with an interpreter, in version order (2.7.18 before 3.6.15 before 3.13.0). */
    public List<Version> versions() {
        Path dir = root.resolve("versions");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Version> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                interpreter(p).ifPresent(exe -> out.add(new Version(p.getFileName().toString(), exe)));
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort((a, b) -> compareVersions(a.name(), b.name()));
        return out;
    }

    public Optional<Version> find(String name) {
        return versions().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The version a path belongs to, when it is an interpreter inside {@code versions/NAME/}. */
    public Optional<Version> owning(Path executable) {
        Path abs = executable.toAbsolutePath().normalize();
        Path dir = root.resolve("versions").toAbsolutePath().normalize();
        if (!abs.startsWith(dir) || abs.getNameCount() <= dir.getNameCount()) {
            return Optional.empty();
        }
        return Optional.of(new Version(abs.getName(dir.getNameCount()).toString(), abs));
    }

    static Optional<Path> interpreter(Path versionDir) {
        for (String name : List.of("python", "python3", "python2", "pypy3", "pypy")) {
            Path exe = versionDir.resolve("bin").resolve(name);
            if (Files.isExecutable(exe) && !Files.isDirectory(exe)) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    /** Numeric where both parts are numbers ({@code 3.9 < 3.13}), else by text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("[0-9]+") && y[i].matches("[0-9]+")) {
                c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
