package io.gillab.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.gillab.runtime.Availability;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.LineCollector;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter in a container ({@code cpython:3.13} runs image {@code gillab/cpython:3.13}) on
 * the daemon Testcontainers finds ({@link DockerEndpoint}): one container per trial ({@link TrialContainer}), network mode {@code none}, the driver and
 * workload files copied in, CPU and memory limits set, removed afterwards. Container start-up is never
 * inside a measured value: samples are timed by the driver inside the container.
 */
public final class ContainerRuntime implements PythonRuntime {
    static final String SCRIPTS_IN_CONTAINER = "/gillab/python-scripts";
    static final String EXTRA_IN_CONTAINER = "/gillab/extra/";

    private final String id;
    private final String imageName;
    private final GillabHome home;
    private final ContainerLimits limits;
    private final int warmups;
    private Availability availability;
    private ContainerImage image;

    public ContainerRuntime(String id, String imageName, GillabHome home, ContainerLimits limits, int warmups) {
        this.id = id;
        this.imageName = imageName;
        this.home = home;
        this.limits = limits;
        this.warmups = warmups;
    }

    /** {@code cpython:3.13} → {@code gillab/cpython:3.13}. */
    public static ContainerRuntime cpython(String version, GillabHome home, ContainerLimits limits) {
        return new ContainerRuntime("cpython:" + version, "gillab/cpython:" + version, home, limits, INTERPRETER_WARMUPS);
    }

    @Override
    public String id() {
        return id;
    }

    public String imageName() {
        return imageName;
    }

    @Override
    public synchronized Availability availability() {
        if (availability == null) {
            availability = check();
        }
        return availability;
    }

    private Availability check() {
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment();
        String why = endpoint.whyUnreachable();
        if (why != null) {
            return Availability.no(why + "; start one with: bash docker/start-daemon.sh");
        }
        Optional<ContainerImage> found;
        try {
            found = ContainerImage.inspect(imageName);
        } catch (RuntimeException e) {
            return Availability.no("cannot inspect image " + imageName + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            String tag = imageName.substring(imageName.indexOf(':') + 1);
            return Availability.no("image " + imageName + " not found; build it with: bash docker/build-offline-images.sh "
                    + tag + " (or docker/build-online-images.sh where a registry is reachable)");
        }
        image = found.get();
        return Availability.yes("container " + imageName + " (" + shortId(image.id()) + "), network none, "
                + limits.describe() + ", Docker at " + endpoint.describe());
    }

    private static String shortId(String id) {
        String s = id.startsWith("sha256:") ? id.substring(7) : id;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    @Override
    public int defaultWarmups() {
        return warmups;
    }

    @Override
    public ProcessOutput run(DriverCall call, Duration timeout) throws IOException {
        if (image == null && !availability().available()) {
            throw new IOException(availability().reason());
        }
        if (io.gillab.runtime.ProcessRunner.shuttingDown()) {
            throw new IOException("gillab is stopping");
        }
        // The daemon answered when the run began; if it has gone since, say so at once instead of
        // waiting on a dead socket.
        String gone = DockerEndpoint.fromEnvironment().whyUnreachable();
        if (gone != null) {
            throw new IOException("the Docker daemon is gone: " + gone);
        }
        List<String> mapped = new ArrayList<>();
        for (int i = 0; i < call.searchPaths().size(); i++) {
            mapped.add(EXTRA_IN_CONTAINER + i);
        }
        List<String> command = new ArrayList<>(List.of(image.python(), "-u", SCRIPTS_IN_CONTAINER + "/driver.py"));
        command.addAll(call.argsWithPaths(mapped));

        boolean readOnlyRoot = readOnlyRootPossible();
        LineCollector out = new LineCollector();
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("kind", "container");
        launch.put("image", imageName);
        launch.put("image_id", image.id());
        launch.put("image_digests", image.digests());
        launch.put("cpus", limits.cpus());
        launch.put("memory_bytes", limits.memoryBytes());
        launch.put("network", "none");
        launch.put("read_only_root", readOnlyRoot);

        long start = System.nanoTime();
        boolean timedOut = false;
        String killedBy = null;
        int exit;
        DockerClient docker = ContainerImage.client();
        TrialContainer c;
        try {
            int orphans = removeOrphansOnce(docker);
            if (orphans > 0) {
                launch.put("orphans_removed", orphans);
            }
            c = TrialContainer.create(docker, new TrialContainer.Spec(imageName, command, call.env(), limits,
                    readOnlyRoot, home.scriptsDir(), call.searchPaths()));
        } catch (RuntimeException e) {
            // docker-java reports daemon and image trouble as unchecked exceptions.
            throw new IOException("container " + imageName + " could not be created: " + rootMessage(e), e);
        }
        try {
            try {
                c.start();
            } catch (RuntimeException e) {
                throw new IOException("container " + imageName + " failed to start: " + rootMessage(e), e);
            }
            launch.put("container_start_seconds", (System.nanoTime() - start) / 1e9);
            String id = c.id();
            Integer code = null;
            try {
                FrameCallback frames = docker.logContainerCmd(id).withFollowStream(true)
                        .withStdOut(true).withStdErr(true).exec(new FrameCallback(out));
                // From here on, whatever goes wrong, the output collected so far is kept.
                try {
                    if (!frames.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        timedOut = true;
                        try {
                            docker.killContainerCmd(id).exec();
                        } catch (RuntimeException alreadyExited) {
                            // it ended just as the limit struck; removal below takes it either way
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    launch.put("error", "interrupted while waiting for the container");
                } finally {
                    frames.close();
                }
                if (frames.failure != null) {
                    launch.put("error", "the log stream broke: " + rootMessage(frames.failure));
                }
                if (!timedOut) {
                    code = docker.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
                    killedBy = whyKilled(docker, id, code);
                }
            } catch (RuntimeException e) {
                launch.putIfAbsent("error", "lost the container (the Docker daemon stopped answering?): "
                        + rootMessage(e));
                if (killedBy == null && !timedOut) {
                    String why = DockerEndpoint.fromEnvironment().whyUnreachable();
                    killedBy = why == null ? null : "the Docker daemon went away mid-trial (" + why + ")";
                }
            }
            out.finish();
            exit = code == null ? -1 : code;
        } finally {
            try {
                c.close(); // removes the container
            } catch (RuntimeException e) {
                launch.put("cleanup_error", "could not remove the container: " + rootMessage(e));
            }
        }
        if (out.firstResultNanos() > 0) {
            launch.put("first_result_seconds", (out.firstResultNanos() - start) / 1e9);
        }
        return new ProcessOutput(exit, timedOut, out.lines(), out.dropped(), out.truncated(), out.stderrText(),
                Duration.ofNanos(System.nanoTime() - start), launch, out.stdoutBytes(), killedBy);
    }

    /**
     * Why a container that exited by itself was killed, from {@code docker inspect}: the kernel's OOM
     * killer at the memory limit, or a SIGKILL from outside gillab (exit 137); null for a normal exit.
     */
    private String whyKilled(DockerClient docker, String id, Integer code) {
        Boolean oom = null;
        try {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
            oom = state == null ? null : state.getOOMKilled();
        } catch (RuntimeException e) {
            // the exit code alone has to do
        }
        if (Boolean.TRUE.equals(oom)) {
            return "out of memory (container limit " + (limits.memoryBytes() >> 20) + " MiB; --memory)";
        }
        if (code != null && code == 137) {
            return "SIGKILL from outside gillab (docker kill, or the Docker daemon stopped the container)";
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }

    /**
     * A read-only root needs the scripts bind-mounted (a read-only root refuses {@code docker cp}), and a
     * bind needs the daemon on this machine: true for a unix socket, unless {@code -Dgillab.container.copy=true}.
     */
    static boolean readOnlyRootPossible() {
        if (Boolean.getBoolean("gillab.container.copy")) {
            return false;
        }
        return DockerEndpoint.fromEnvironment().isLocalSocket();
    }

    /** Marks gillab's trial containers; the value is the owner, host name and pid of the gillab JVM. */
    static final String TRIAL_LABEL = "io.gillab.trial-owner";
    static final String OWNER = hostName() + ":" + ProcessHandle.current().pid();
    private static final java.util.concurrent.atomic.AtomicBoolean ORPHANS_CHECKED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /**
     * Ryuk is off, so a container whose gillab was SIGKILLed stays behind (and a hung one keeps running).
     * Once per gillab process, before its first container: remove trial containers whose owner on this
     * host is no longer alive. Returns how many were removed.
     */
    static int removeOrphansOnce(DockerClient docker) {
        return ORPHANS_CHECKED.compareAndSet(false, true) ? removeOrphans(docker) : 0;
    }

    static int removeOrphans(DockerClient docker) {
        int removed = 0;
        try {
            for (var container : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(TRIAL_LABEL)).exec()) {
                String owner = container.getLabels() == null ? null : container.getLabels().get(TRIAL_LABEL);
                if (owner == null || !owner.startsWith(hostName() + ":") || owner.equals(OWNER)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(owner.substring(owner.lastIndexOf(':') + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // another gillab running now
                }
                docker.removeContainerCmd(container.getId()).withForce(true).exec();
                removed++;
            }
        } catch (RuntimeException e) {
            // best effort: a leftover container costs disk, not correctness
        }
        return removed;
    }

    /** Size of the writable /tmp of a read-only container (it counts against the memory limit when used). */
    static final int TMPFS_MIB = 256;

    /** Feeds log frames into the bounded line collector as they arrive. */
    private static final class FrameCallback extends ResultCallback.Adapter<Frame> {
        private final LineCollector out;
        private volatile Throwable failure;

        @Override
        public void onError(Throwable throwable) {
            failure = throwable; // the daemon went away, or the connection broke
            super.onError(throwable);
        }

        FrameCallback(LineCollector out) {
            this.out = out;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null) {
                return;
            }
            if (frame.getStreamType() == StreamType.STDERR) {
                out.stderr(payload);
            } else {
                out.stdout(payload);
            }
        }
    }
}
