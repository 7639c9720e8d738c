package io.gillab.comparison;

import io.gillab.runtime.Availability;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import io.gillab.runtime.container.ContainerRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which runtimes the comparison suite covers: {@code -Dgillab.runtimes=jython,cpython:3.13} or the
 * environment variable {@code GILLAB_RUNTIMES} (the property wins); by default
 * {@code jython,graalpy,cpython,pypy}, resolved as {@code ./gillab run --runtimes} does: cpython is one
 * runtime per local {@code gillab/cpython:*} image (the local python3 when Docker or the images are
 * missing), pypy likewise. A runtime that cannot run here (no Docker, no image, unknown to this build)
 * stays in the list as unavailable, with the reason, so its tests are skipped, not dropped.
 */
final class SuiteRuntimes {
    static final String PROPERTY = "gillab.runtimes";
    static final String ENV = "GILLAB_RUNTIMES";

    /**
     * One runtime of the suite.
     *
     * @param id          as in results.jsonl
     * @param container   runs in a container (tests tagged {@code containers})
     * @param unavailable why it cannot run here, or null
     */
    record Entry(String id, boolean container, String unavailable) {
        boolean available() {
            return unavailable == null;
        }
    }

    private final List<Entry> entries;
    private final List<String> notes;
    private final String selection;

    private SuiteRuntimes(List<Entry> entries, List<String> notes, String selection) {
        this.entries = List.copyOf(entries);
        this.notes = List.copyOf(notes);
        this.selection = selection;
    }

    List<Entry> entries() {
        return entries;
    }

    List<String> notes() {
        return notes;
    }

    /** How the runtimes were chosen, for the summary. */
    String selection() {
        return selection;
    }

    static String requested() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.strip();
        }
        String e = System.getenv(ENV);
        return e != null && !e.isBlank() ? e.strip() : null;
    }

    static SuiteRuntimes detect(GillabHome home) {
        String requested = requested();
        List<String> ids = requested == null ? List.of("jython", "graalpy", "cpython", "pypy")
                : List.of(requested.split("\\s*,\\s*"));
        String selection = requested == null ? "every runtime available (default; -D" + PROPERTY + " or " + ENV
                + " selects)" : (System.getProperty(PROPERTY) != null && !System.getProperty(PROPERTY).isBlank()
                        ? "-D" + PROPERTY + "=" : ENV + "=") + requested;
        RuntimeRegistry registry = new RuntimeRegistry(home, "python3");
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String raw : ids) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            // The same resolution as ./gillab run: cpython (and pypy) expand to the local images.
            RuntimeRegistry.Resolution resolution;
            try {
                resolution = registry.resolveAll(List.of(id));
            } catch (IllegalArgumentException e) {
                boolean container = id.startsWith("pypy") || id.startsWith("cpython:");
                out.put(id, new Entry(id, container, e.getMessage()));
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
                out.putIfAbsent(rt.id(), new Entry(rt.id(), inContainer(rt), a.available() ? null : a.reason()));
            }
        }
        return new SuiteRuntimes(List.copyOf(out.values()), notes, selection);
    }

    /** CPython images and PyPy (which gillab runs only in containers). */
    static boolean inContainer(PythonRuntime rt) {
        return rt instanceof ContainerRuntime || rt.id().startsWith("cpython:") || rt.id().startsWith("pypy");
    }
}
