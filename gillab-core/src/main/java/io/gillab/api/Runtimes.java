package io.gillab.api;

import io.gillab.runtime.Availability;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.container.ContainerRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves runtime names the way {@code ./gillab run --python} does and checks each one: a runtime that
 * cannot run here stays in the list with the reason, so a test over it is skipped with that reason, never
 * dropped or passed.
 */
public final class Runtimes {
    /** What a project's tests run on unless told otherwise: every implementation gillab knows. */
    public static final List<String> DEFAULT = List.of("jython", "graalpy", "cpython", "pypy");
    /** Overrides a test class's runtimes from the command line: {@code -Dgillab.runtimes=jython,cpython:3.13}. */
    public static final String PROPERTY = "gillab.runtimes";
    /** The same from the environment (the property wins). */
    public static final String ENV = "GILLAB_RUNTIMES";

    private final List<RuntimeChoice> choices;
    private final List<String> notes;

    private Runtimes(List<RuntimeChoice> choices, List<String> notes) {
        this.choices = List.copyOf(choices);
        this.notes = List.copyOf(notes);
    }

    /** Each requested name resolved and checked, in order, without duplicates. */
    public static Runtimes resolve(List<String> requested) {
        return resolve(requested, "python3");
    }

    /** As {@link #resolve(List)}, with the local interpreter {@code cpython-local} means. */
    public static Runtimes resolve(List<String> requested, String localPython) {
        RuntimeRegistry registry = new RuntimeRegistry(GillabHome.locate(), localPython);
        Map<String, RuntimeChoice> out = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String raw : requested) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            RuntimeRegistry.Resolution resolution;
            try {
                resolution = registry.resolveAll(List.of(id));
            } catch (IllegalArgumentException e) {
                boolean container = id.startsWith("pypy") || id.startsWith("cpython:");
                out.putIfAbsent(id, new RuntimeChoice(id, container, e.getMessage()));
                continue;
            }
            resolution.notes().forEach(n -> notes.add(id + ": " + n));
            for (PythonRuntime rt : resolution.runtimes()) {
                Availability a;
                try {
                    a = rt.availability();
                } catch (RuntimeException e) {
                    a = Availability.no(e.toString());
                }
                out.putIfAbsent(rt.id(), new RuntimeChoice(rt.id(), inContainer(rt), a.available() ? null : a.reason()));
            }
        }
        return new Runtimes(List.copyOf(out.values()), notes);
    }

    /** The names given by {@value #PROPERTY} or {@value #ENV}, else {@code fallback}. */
    public static List<String> requested(List<String> fallback) {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return p == null || p.isBlank() ? fallback : List.of(p.strip().split("\\s*,\\s*"));
    }

    public List<RuntimeChoice> all() {
        return choices;
    }

    public List<RuntimeChoice> available() {
        return choices.stream().filter(RuntimeChoice::available).toList();
    }

    /** How names were expanded (e.g. "cpython: no Docker, the local python3 instead"). */
    public List<String> notes() {
        return notes;
    }

    /** CPython images and PyPy (which gillab runs only in containers). */
    static boolean inContainer(PythonRuntime rt) {
        return rt instanceof ContainerRuntime || rt.id().startsWith("cpython:") || rt.id().startsWith("pypy");
    }
}
