package io.gillab.runtime.container;

/** CPU and memory a trial container gets; by default every core and 2 GiB. */
public record ContainerLimits(double cpus, long memoryBytes) {
    public static final long DEFAULT_MEMORY = 2L << 30;

    public static ContainerLimits defaults() {
        return new ContainerLimits(Runtime.getRuntime().availableProcessors(), DEFAULT_MEMORY);
    }

    public String describe() {
        return String.format("%s CPUs, %d MiB", cpus % 1 == 0 ? String.valueOf((long) cpus) : String.valueOf(cpus),
                memoryBytes >> 20);
    }
}
