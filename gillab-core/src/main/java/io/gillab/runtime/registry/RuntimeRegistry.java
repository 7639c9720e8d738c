package io.gillab.runtime.registry;

import io.gillab.runtime.GillabHome;
import io.gillab.runtime.GraalPyRuntime;
import io.gillab.runtime.JythonRuntime;
import io.gillab.runtime.LocalInterpreterRuntime;
import io.gillab.runtime.LocalPythonRuntime;
import io.gillab.runtime.MissingRuntime;
import io.gillab.runtime.PyenvDiscovery;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.container.ContainerImage;
import io.gillab.runtime.container.ContainerLimits;
import io.gillab.runtime.container.ContainerRuntime;
import io.gillab.runtime.container.DockerEndpoint;
import io.gillab.runtime.container.PyPyContainerRuntime;
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
        c.put("pypy", "PyPy in containers: every local " + PyPyContainerRuntime.REPOSITORY + ":* image");
        c.put("pypy:<tag>", "PyPy in container image gillab/pypy:<tag> (e.g. pypy:bookworm)");
        c.put("local:<path>", "any local Python interpreter as a child process, labelled with its version and GIL"
                + " state (e.g. local:/usr/bin/python3.13, local:python3)");
        c.put("local:pyenv-<version>", "a pyenv version (e.g. local:pyenv-3.13.0; local:pyenv-3.1* for several)");
        c.put("local:pyenv", "every pyenv version found (also local:*pyenv, local:pyenv:*)");
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
        if (id.startsWith("pypy:")) {
            String tag = id.substring("pypy:".length());
            if (!tag.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException("bad PyPy image tag in '" + id + "' (e.g. pypy:bookworm)");
            }
            return PyPyContainerRuntime.of(tag, home, limits);
        }
        if (id.equals("pypy")) {
            List<PythonRuntime> found = autoPypy(DockerEndpoint.fromEnvironment(), new ArrayList<>());
            if (found.size() != 1) {
                throw new IllegalArgumentException("'pypy' names " + found.size() + " images; name one, e.g. "
                        + found.get(0).id());
            }
            return found.get(0);
        }
        if (id.startsWith(LOCAL)) {
            List<PythonRuntime> found = resolveLocal(id);
            if (found.size() != 1) {
                throw new IllegalArgumentException("'" + id + "' names " + found.size() + " interpreters; "
                        + "use it in --runtimes, or name one (e.g. local:pyenv-3.13.0)");
            }
            return found.get(0);
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
            if (id.equals("pypy")) {
                out.addAll(autoPypy(docker, notes));
                continue;
            }
            if (id.startsWith(LOCAL)) {
                List<PythonRuntime> found = resolveLocal(id);
                if (found.size() > 1 || !found.get(0).id().equals(id)) {
                    notes.add(id + " -> " + String.join(", ", found.stream().map(PythonRuntime::id).toList()));
                }
                out.addAll(found);
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

    static final String LOCAL = "local:";

    /**
     * {@code local:<spec>}: one interpreter (a path, a command on PATH, {@code pyenv-3.13.0}) or, with
     * {@code pyenv}, {@code *pyenv}, {@code pyenv:*} or a pattern like {@code pyenv-3.1*}, every matching
     * pyenv version. Never empty: what is not found comes back as an unavailable runtime saying why.
     */
    List<PythonRuntime> resolveLocal(String id) {
        String spec = id.substring(LOCAL.length()).strip();
        PyenvDiscovery pyenv = PyenvDiscovery.fromEnvironment();
        String pattern = pyenvPattern(spec);
        if (pattern != null) {
            List<PyenvDiscovery.Version> all = pyenv.versions();
            String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
            List<PythonRuntime> out = new ArrayList<>();
            for (PyenvDiscovery.Version v : all) {
                if (v.name().matches(regex)) {
                    out.add(new LocalInterpreterRuntime(v.runtimeId(), v.executable().toString(), "pyenv", home));
                }
            }
            if (out.isEmpty()) {
                String known = all.isEmpty() ? "none installed in " + pyenv.root().resolve("versions")
                        : "installed: " + String.join(", ", all.stream().map(PyenvDiscovery.Version::name).toList());
                String shown = pattern.contains("*") ? id : "local:pyenv-" + pattern;
                return List.of(new MissingRuntime(shown, "no pyenv version matches '" + pattern + "' (" + known + ")"));
            }
            return out;
        }
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("'local:' needs an interpreter: local:/path/to/python, local:python3,"
                    + " local:pyenv-3.13.0 or local:pyenv (every pyenv version)");
        }
        String path = spec.startsWith("~/") ? System.getProperty("user.home") + spec.substring(1) : spec;
        if (path.contains("/")) {
            java.util.Optional<PyenvDiscovery.Version> v = pyenv.owning(java.nio.file.Path.of(path));
            if (v.isPresent()) {
                return List.of(new LocalInterpreterRuntime(v.get().runtimeId(), path, "pyenv", home));
            }
        }
        return List.of(new LocalInterpreterRuntime(id, path, null, home));
    }

    /** The version pattern of a pyenv spec ("*" for all), or null when spec is not about pyenv. */
    static String pyenvPattern(String spec) {
        if (spec.equals("pyenv") || spec.equals("*pyenv") || spec.equals("pyenv:*") || spec.equals("pyenv:")
                || spec.equals("pyenv-*") || spec.equals("pyenv-")) {
            return "*";
        }
        if (spec.startsWith("pyenv-") || spec.startsWith("pyenv:")) {
            return spec.substring("pyenv-".length());
        }
        return null;
    }

    private List<PythonRuntime> autoPypy(DockerEndpoint docker, List<String> notes) {
        String why = docker.whyUnreachable();
        if (why != null) {
            return List.of(PyPyContainerRuntime.missing("pypy", "PyPy runs in a container, but " + why
                    + "; start a daemon with: bash docker/start-daemon.sh"));
        }
        List<String> tags;
        try {
            tags = ContainerImage.localTags(PyPyContainerRuntime.REPOSITORY);
        } catch (RuntimeException e) {
            return List.of(PyPyContainerRuntime.missing("pypy", "Docker answers at " + docker.host()
                    + " but listing images failed: " + e.getMessage()));
        }
        if (tags.isEmpty()) {
            return List.of(PyPyContainerRuntime.missing("pypy", "no " + PyPyContainerRuntime.REPOSITORY
                    + ":* image; build one with: bash docker/build-offline-images.sh pypy-bookworm"
                    + " (or docker/build-online-images.sh pypy-3.10 where a registry is reachable)"));
        }
        notes.add("PyPy runs in containers (" + String.join(", ", tags.stream().map(t -> "pypy:" + t).toList()) + ")");
        return tags.stream().map(t -> (PythonRuntime) PyPyContainerRuntime.of(t, home, limits)).toList();
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
                notes.add("Docker answers at " + docker.describe() + ": CPython runs in containers ("
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
