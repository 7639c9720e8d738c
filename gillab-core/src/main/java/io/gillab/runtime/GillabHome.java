package io.gillab.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where gillab's own files are: its classes (a jar or a classes folder), the Python scripts, and the Graal
 * compiler jars for GraalPy's JIT.
 *
 * <p>gillab runs from its checkout (the launcher and the test suite pass {@code -Dgillab.home=target} and
 * {@code -Dgillab.scripts=python-scripts}) or as a dependency of another project, from whatever class path
 * that project has. So nothing here needs a folder beside the jar:
 * <ul>
 * <li>the scripts are resources in the jar ({@link BundledScripts}), extracted once to a cache folder;</li>
 * <li>a worker JVM gets this JVM's own class path (as JMH's forks do);</li>
 * <li>the Graal compiler jars come from {@code -Dgillab.graal.compiler} (a path list), else the build's
 * {@code jvmci/} folder, else the class path (a consumer adds {@code org.graalvm.compiler:compiler}).</li>
 * </ul>
 */
public record GillabHome(Path buildDir, Path scriptsDir) {
    /** A path list of the Graal compiler jars, overriding where they are otherwise looked for. */
    public static final String COMPILER_PROPERTY = "gillab.graal.compiler";
    /** One class of each compiler artifact: where the class loader finds it is the artifact's jar. */
    private static final List<String> COMPILER_MARKERS = List.of(
            "jdk/graal/compiler/hotspot/HotSpotGraalCompilerFactory.class", // org.graalvm.compiler:compiler
            "com/oracle/truffle/compiler/TruffleCompiler.class", // org.graalvm.truffle:truffle-compiler
            "org/graalvm/collections/EconomicMap.class", // org.graalvm.sdk:collections
            "org/graalvm/word/WordBase.class"); // org.graalvm.sdk:word

    public static GillabHome locate() {
        Path build = property("gillab.home").orElseGet(GillabHome::buildDirFromCodeSource).toAbsolutePath();
        Path scripts = property("gillab.scripts").orElseGet(BundledScripts::directory);
        return new GillabHome(build.toAbsolutePath().normalize(), scripts.toAbsolutePath().normalize());
    }

    private static Optional<Path> property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** target/classes or target/gillab.jar → target; a jar in a Maven repository → its folder. */
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

    public Path jvmciDir() {
        return buildDir.resolve("jvmci");
    }

    /**
     * Class path of a worker JVM: gillab's classes and this JVM's class path, without the compiler jars
     * (those go on the worker's module path). A jar on it whose manifest names others (the launcher's
     * gillab.jar and its lib/, Surefire's booter jar) brings them along, in the worker as here.
     */
    public List<Path> workerClasspath() {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(ownCodeSource());
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        entries.removeAll(graalCompilerJars());
        return List.copyOf(entries);
    }

    /** Whether a class is on this JVM's class path (and so on a worker's): how a runtime's jars are found. */
    public static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, GillabHome.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The Graal compiler jars for {@code --upgrade-module-path}; empty when there are none (GraalPy then runs interpreted). */
    public List<Path> graalCompilerJars() {
        Optional<Path> listed = property(COMPILER_PROPERTY);
        if (listed.isPresent()) {
            return Stream.of(System.getProperty(COMPILER_PROPERTY).split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
        }
        List<Path> built = jars(jvmciDir());
        return built.isEmpty() ? compilerJarsOnClasspath() : built;
    }

    /** Where the compiler jars were looked for, for the message that says GraalPy runs without its JIT. */
    public String whereCompilerJarsWereLookedFor() {
        return jvmciDir() + ", -D" + COMPILER_PROPERTY + " or on the class path (add org.graalvm.compiler:compiler"
                + " to it, or run ./mvnw package in gillab's checkout)";
    }

    /** All four artifacts' jars, when the compiler's own is on the class path (it brings the others). */
    private static List<Path> compilerJarsOnClasspath() {
        List<Path> found = new ArrayList<>();
        for (String marker : COMPILER_MARKERS) {
            Optional<Path> jar = jarHolding(marker);
            if (jar.isEmpty()) {
                return List.of();
            }
            found.add(jar.get());
        }
        return found;
    }

    /** The class-path jar that holds a resource, not the JDK's own module (Temurin ships jdk.graal.compiler). */
    private static Optional<Path> jarHolding(String resource) {
        try {
            Enumeration<URL> urls = GillabHome.class.getClassLoader().getResources(resource);
            while (urls.hasMoreElements()) {
                String url = urls.nextElement().toString();
                if (url.startsWith("jar:file:")) {
                    String file = url.substring("jar:".length(), url.indexOf("!/"));
                    return Optional.of(Path.of(java.net.URI.create(file)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
