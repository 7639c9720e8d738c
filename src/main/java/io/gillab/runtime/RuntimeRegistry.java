package io.gillab.runtime;

import io.gillab.runtime.container.ContainerImage;
import io.gillab.runtime.container.ContainerLimits;
import io.gillab.runtime.container.ContainerRuntime;
import io.gillab.runtime.container.DockerEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the names users type ({@code --runtimes jython,cpython:3.13}) into runtimes.
 *
 * <p>{@code cpython} means "CPython, in containers when Docker answers": every local
 * {@code gillab/cpython:*} image then runs side by side; with no daemon (or no image) it falls back to
 * the local interpreter and says why, in one line.
 */
public final class RuntimeRegistry {
    /** What {@code ./gillab run} compares when no {@code --runtimes} is given. */
    public static final List<String> DEFAULT_IDS = List.of("jython", "graalpy", "cpython");
    static final String CPYTHON_REPOSITORY = "gillab/cpython";

    private final GillabHome home;
    private final String localPython;
    private final ContainerLimits limits;

    public RuntimeRegistry(GillabHome home, String localPython) {
        this(home, localPython, ContainerLimits.defaults());
    }

    public RuntimeRegistry(GillabHome home, String localPython, ContainerLimits limits) {
        this.home = home;
        this.localPython = localPython == null ? "python3" : localPython;
        this.limits = limits;
    }

    /** The runtimes a run resolved to, and one-line notes on choices made for the user (fallbacks). */
    public record Resolution(List<PythonRuntime> runtimes, List<String> notes) {
    }

    /** Every name this registry understands, with a one-line description, for usage errors and help. */
    public Map<String, String> choices() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jython", "Jython 2.7 embedded in a worker JVM (no GIL)");
        c.put("graalpy", "GraalPy embedded in a worker JVM, with the Graal JIT");
        c.put("graalpy-nojit", "GraalPy embedded in a worker JVM, interpreter only");
        c.put("cpython", "CPython in containers when Docker answers, else the local " + localPython);
        c.put("cpython:<version>", "CPython in container image gillab/cpython:<version> (e.g. cpython:3.13)");
        c.put("cpython-local", "CPython as a local process (" + localPython + ")");
        return c;
    }

    /** One explicit runtime; {@code cpython} here means the local process. */
    public PythonRuntime resolve(String id) {
        if (id.startsWith("cpython:")) {
            String version = id.substring("cpython:".length());
            if (!version.matches("[0-9]+(\\.[0-9]+)*[a-z0-9.-]*")) {
                throw new IllegalArgumentException("bad CPython version in '" + id + "' (e.g. cpython:3.13)");
            }
            return ContainerRuntime.cpython(version, home, limits);
        }
        return switch (id) {
            case "jython" -> new JythonRuntime(home);
            case "graalpy" -> new GraalPyRuntime(home, true);
            case "graalpy-nojit" -> new GraalPyRuntime(home, false);
            case "cpython", "cpython-local" -> new LocalPythonRuntime(id, localPython, "CPython", home);
            default -> throw new IllegalArgumentException(
                    "unknown runtime '" + id + "'; valid runtimes: " + String.join(", ", choices().keySet()));
        };
    }

    public Resolution resolveAll(List<String> ids) {
        List<PythonRuntime> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DockerEndpoint docker = DockerEndpoint.fromEnvironment();
        for (String raw : ids) {
            String id = raw.strip();
            if (id.equals("cpython")) {
                out.addAll(autoCpython(docker, notes));
                continue;
            }
            if (id.startsWith("cpython:")) {
                String why = docker.whyUnreachable();
                if (why != null) {
                    throw new IllegalArgumentException(id + " runs in a container, but " + why
                            + "; start a daemon with: bash docker/start-daemon.sh (or use 'cpython' for the local interpreter)");
                }
            }
            out.add(resolve(id));
        }
        return new Resolution(out, notes);
    }

    private List<PythonRuntime> autoCpython(DockerEndpoint docker, List<String> notes) {
        String why = docker.whyUnreachable();
        if (why == null) {
            List<String> tags;
            try {
                tags = ContainerImage.localTags(CPYTHON_REPOSITORY);
            } catch (RuntimeException e) {
                tags = List.of();
                why = "Docker answers at " + docker.host() + " but listing images failed: " + e.getMessage();
            }
            if (!tags.isEmpty()) {
                notes.add("Docker answers at " + docker.host() + ": CPython runs in containers ("
                        + String.join(", ", tags.stream().map(t -> "cpython:" + t).toList()) + ")");
                return tags.stream().map(t -> (PythonRuntime) ContainerRuntime.cpython(t, home, limits)).toList();
            }
            if (why == null) {
                why = "Docker answers but there is no " + CPYTHON_REPOSITORY
                        + ":* image (build them: bash docker/build-offline-images.sh)";
            }
        }
        notes.add(why + " — CPython ran as a local process (" + localPython + ")");
        return List.of(new LocalPythonRuntime("cpython", localPython, "CPython", home));
    }
}
