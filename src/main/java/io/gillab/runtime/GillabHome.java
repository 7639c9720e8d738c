package io.gillab.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where gillab's own files are: the build output ({@code target/}: the jar or classes, {@code lib/}
 * with the runtime jars, {@code jvmci/} with the Graal compiler) and {@code python-scripts/}.
 *
 * <p>The launcher and the test suite pass {@code -Dgillab.home} and {@code -Dgillab.scripts}; without
 * them the home is found next to this class's jar or classes directory.
 */
public record GillabHome(Path buildDir, Path scriptsDir) {

    public static GillabHome locate() {
        Path build = property("gillab.home").orElseGet(GillabHome::buildDirFromCodeSource).toAbsolutePath();
        Path scripts = property("gillab.scripts").orElse(build.getParent().resolve("python-scripts"));
        return new GillabHome(build.toAbsolutePath().normalize(), scripts.toAbsolutePath().normalize());
    }

    private static java.util.Optional<Path> property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(value));
    }

    /** target/classes or target/gillab.jar → target. */
    private static Path buildDirFromCodeSource() {
        return ownCodeSource().getParent();
    }

    static Path ownCodeSource() {
        try {
            return Path.of(GillabHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate gillab's own classes", e);
        }
    }

    public Path driver() {
        return scriptsDir.resolve("driver.py");
    }

    public Path libDir() {
        return buildDir.resolve("lib");
    }

    public Path jvmciDir() {
        return buildDir.resolve("jvmci");
    }

    /** Class path of a worker JVM: gillab's classes and every runtime jar. */
    public List<Path> workerClasspath() {
        List<Path> entries = new ArrayList<>();
        entries.add(ownCodeSource());
        entries.addAll(jars(libDir()));
        return entries;
    }

    /** The Graal compiler jars for {@code --upgrade-module-path}; empty when the build did not copy them. */
    public List<Path> graalCompilerJars() {
        return jars(jvmciDir());
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
