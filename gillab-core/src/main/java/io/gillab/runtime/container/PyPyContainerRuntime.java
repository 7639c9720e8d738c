package io.gillab.runtime.container;

import io.gillab.runtime.Availability;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.time.Duration;

/**
 * PyPy in a container: {@code pypy:bookworm} runs image {@code gillab/pypy:bookworm} (Debian's pypy3,
 * built by {@code docker/build-offline-images.sh pypy-bookworm}; the online path makes e.g.
 * {@code gillab/pypy:3.10}). The container mechanics are {@link ContainerRuntime}'s; this adds what makes
 * PyPy different: a tracing JIT, so it gets JIT warm-ups (as GraalPy does) and the JIT presets.
 */
public final class PyPyContainerRuntime implements PythonRuntime {
    public static final String REPOSITORY = "gillab/pypy";

    private final ContainerRuntime container;
    private final String unavailable;
    private final String id;

    private PyPyContainerRuntime(String id, ContainerRuntime container, String unavailable) {
        this.id = id;
        this.container = container;
        this.unavailable = unavailable;
    }

    /** {@code pypy:<tag>} on image {@code gillab/pypy:<tag>}. */
    public static PyPyContainerRuntime of(String tag, GillabHome home, ContainerLimits limits) {
        String id = "pypy:" + tag;
        return new PyPyContainerRuntime(id, new ContainerRuntime(id, REPOSITORY + ":" + tag, home, limits, JIT_WARMUPS), null);
    }

    /** A PyPy runtime that cannot run here, reported with the reason (never dropped). */
    public static PyPyContainerRuntime missing(String id, String reason) {
        return new PyPyContainerRuntime(id, null, reason);
    }

    @Override
    public String id() {
        return id;
    }

    public String imageName() {
        return container == null ? null : container.imageName();
    }

    @Override
    public Availability availability() {
        if (container == null) {
            return Availability.no(unavailable);
        }
        Availability a = container.availability();
        return a.available() ? Availability.yes("PyPy (JIT), " + a.reason()) : a;
    }

    @Override
    public boolean isJit() {
        return true;
    }

    @Override
    public int defaultWarmups() {
        return JIT_WARMUPS;
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        if (container == null) {
            throw new IOException(unavailable);
        }
        return container.run(call, timeout);
    }
}
