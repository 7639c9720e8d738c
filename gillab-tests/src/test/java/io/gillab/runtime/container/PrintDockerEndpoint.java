package io.gillab.runtime.container;

/** Test helper run in a child JVM (its own user.home): prints what gillab finds, one fact a line. */
public final class PrintDockerEndpoint {
    private PrintDockerEndpoint() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        DockerEndpoint docker = DockerEndpoint.fromEnvironment();
        String why = docker.whyUnreachable();
        System.out.println("endpoint: " + docker.describe());
        System.out.println("unreachable: " + why);
        System.out.printf("seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        if (why == null) {
            System.out.println("bridge: " + docker.hasBridgeNetwork());
            System.out.println("no-bridge settings: " + NoBridgeSettings.missing(docker, System.getenv()));
        }
    }
}
