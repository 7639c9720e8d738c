package io.gillab.runtime.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A trial container left behind by a gillab that was SIGKILLed (Ryuk is off) is removed by the next
 * gillab; a container of a gillab that is still running is not touched.
 */
@Tag("containers")
@EnabledIf("imagePresent")
class OrphanContainerTest {
    static final String IMAGE = "gillab/cpython:3.11";

    static boolean imagePresent() {
        return DockerEndpoint.fromEnvironment().whyUnreachable() == null && ContainerImage.inspect(IMAGE).isPresent();
    }

    private static String create(DockerClient docker, String owner) {
        String id = docker.createContainerCmd(IMAGE).withCmd("sleep", "600")
                .withLabels(java.util.Map.of(ContainerRuntime.TRIAL_LABEL, owner))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private static boolean exists(DockerClient docker, String id) {
        return docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().size() == 1;
    }

    @Test
    void removesTheContainersOfADeadGillabOnly() throws Exception {
        DockerClient docker = ContainerImage.client();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = ContainerRuntime.OWNER.substring(0, ContainerRuntime.OWNER.lastIndexOf(':'));
        String orphan = create(docker, host + ":" + gone.pid());
        String alive = create(docker, host + ":" + ProcessHandle.current().parent().orElseThrow().pid());
        try {
            int removed = ContainerRuntime.removeOrphans(docker);
            assertFalse(exists(docker, orphan), "the dead gillab's container is removed");
            assertTrue(exists(docker, alive), "a running gillab's container is left alone");
            assertTrue(removed >= 1, "removed " + removed);
        } finally {
            for (String id : List.of(orphan, alive)) {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (RuntimeException alreadyGone) {
                    // removed by the code under test
                }
            }
        }
        assertEquals(0, docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(orphan, alive)).exec().size());
    }
}
