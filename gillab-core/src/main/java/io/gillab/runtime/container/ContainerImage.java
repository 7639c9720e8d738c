package io.gillab.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gillab image ({@code gillab/cpython:3.13}) as the daemon knows it: its id, digests and the
 * interpreter path from its {@code io.gillab.python} label (docker/build-offline-images.sh sets it).
 */
public record ContainerImage(String name, String id, List<String> digests, String python) {
    public static final String PYTHON_LABEL = "io.gillab.python";

    /** The client for the daemon gillab found ({@link DockerEndpoint#fromEnvironment()}). */
    static DockerClient client() {
        return DockerEndpoint.fromEnvironment().client();
    }

    public static Optional<ContainerImage> inspect(String name) {
        try {
            InspectImageResponse r = client().inspectImageCmd(name).exec();
            Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null ? Map.of()
                    : r.getConfig().getLabels();
            return Optional.of(new ContainerImage(name, r.getId(),
                    r.getRepoDigests() == null ? List.of() : r.getRepoDigests(),
                    labels.getOrDefault(PYTHON_LABEL, "python3")));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Tags of local images in a repository, e.g. gillab/cpython -> [3.11, 3.13, 3.14], sorted. */
    public static List<String> localTags(String repository) {
        List<String> tags = new ArrayList<>();
        for (Image image : client().listImagesCmd().withImageNameFilter(repository).exec()) {
            if (image.getRepoTags() == null) {
                continue;
            }
            for (String tag : image.getRepoTags()) {
                if (tag.startsWith(repository + ":")) {
                    tags.add(tag.substring(repository.length() + 1));
                }
            }
        }
        tags.sort(ContainerImage::compareVersions);
        return tags;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[.]");
        String[] y = b.split("[.]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
