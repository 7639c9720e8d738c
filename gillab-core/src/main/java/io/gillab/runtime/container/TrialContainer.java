package io.gillab.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.utility.MountableFile;

/**
 * One trial's container, made with the docker-java client of the endpoint Testcontainers found: network
 * none, CPU and memory limits, the owner label, and the scripts either bind-mounted read-only under a
 * read-only root (a local daemon) or copied in (a remote one). Testcontainers' own container lifecycle is
 * not used: it would want Ryuk (an image from a registry) and, inside a container, a bridge network to
 * find the host, and a trial needs neither.
 */
final class TrialContainer implements AutoCloseable {
    private final DockerClient docker;
    private final String id;

    private TrialContainer(DockerClient docker, String id) {
        this.docker = docker;
        this.id = id;
    }

    /** What a trial container is made of. */
    record Spec(String image, List<String> command, Map<String, String> env, ContainerLimits limits,
            boolean readOnlyRoot, Path scriptsDir, List<Path> searchPaths) {
    }

    /** Creates the container and puts the files in; not started yet. */
    static TrialContainer create(DockerClient docker, Spec spec) throws IOException {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withNanoCPUs(Math.round(spec.limits().cpus() * 1e9))
                .withMemory(spec.limits().memoryBytes())
                .withMemorySwap(spec.limits().memoryBytes());
        if (spec.readOnlyRoot()) {
            host.withReadonlyRootfs(true)
                    .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=" + ContainerRuntime.TMPFS_MIB + "m"))
                    .withBinds(binds(spec));
        }
        List<String> env = new ArrayList<>(List.of("PYTHONDONTWRITEBYTECODE=1"));
        spec.env().forEach((k, v) -> env.add(k + "=" + v)); // a fork's layout (io.gillab.trial.ForkLayout)
        String id = docker.createContainerCmd(spec.image())
                .withCmd(spec.command())
                .withEnv(env)
                // Who started it: a later run removes the container if that gillab died (SIGKILL).
                .withLabels(Map.of(ContainerRuntime.TRIAL_LABEL, ContainerRuntime.OWNER))
                .withHostConfig(host)
                .exec().getId();
        TrialContainer c = new TrialContainer(docker, id);
        if (!spec.readOnlyRoot()) {
            try {
                c.copy(spec.scriptsDir(), ContainerRuntime.SCRIPTS_IN_CONTAINER);
                for (int i = 0; i < spec.searchPaths().size(); i++) {
                    c.copy(spec.searchPaths().get(i), ContainerRuntime.EXTRA_IN_CONTAINER + i);
                }
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private static List<Bind> binds(Spec spec) {
        List<Bind> binds = new ArrayList<>();
        binds.add(readOnly(spec.scriptsDir(), ContainerRuntime.SCRIPTS_IN_CONTAINER));
        for (int i = 0; i < spec.searchPaths().size(); i++) {
            binds.add(readOnly(spec.searchPaths().get(i), ContainerRuntime.EXTRA_IN_CONTAINER + i));
        }
        return binds;
    }

    private static Bind readOnly(Path hostPath, String containerPath) {
        return new Bind(hostPath.toAbsolutePath().toString(), new Volume(containerPath), AccessMode.ro);
    }

    /** A host file or folder into the created container, as a tar that Testcontainers' MountableFile writes. */
    private void copy(Path hostPath, String containerPath) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            MountableFile.forHostPath(hostPath).transferTo(tar, containerPath);
            tar.finish();
        }
        docker.copyArchiveToContainerCmd(id).withTarInputStream(new ByteArrayInputStream(bytes.toByteArray()))
                .withRemotePath("/").exec();
    }

    void start() {
        docker.startContainerCmd(id).exec();
    }

    String id() {
        return id;
    }

    /** Removes the container, running or not. */
    @Override
    public void close() {
        docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    }
}
